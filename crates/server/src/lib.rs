//! # brief-server
//!
//! The HTTP face of brief: a JSON API over the summarizers and a web page
//! that shows where every summary sentence came from.
//!
//! | Route | What it does |
//! |---|---|
//! | `GET /` | the web page (embedded; no network needed beyond this server) |
//! | `POST /v1/summarize` | cluster + settings → [`brief_core::Summary`] with byte spans |
//! | `POST /v1/score` | candidate + references → ROUGE scores ([`brief_rouge`]) |
//! | `POST /v1/analyze` | cluster → [`brief_core::analyze::Analysis`] (copies, aliases, quotes, timeline) |
//! | `POST /v1/compare` | cluster → [`brief_core::compare::Comparison`] (facts × sources, single-source facts, speakers, conflicts) |
//! | `GET /v1/algorithms` | the algorithm names |
//! | `GET /v1/example` | the bundled example cluster |
//! | `GET /healthz` | liveness |
//! | `GET /metrics` | Prometheus text ([`metrics`]) |
//!
//! Every request is bounded ([`Limits`]): body size, documents, characters
//! per document, wall-clock time and concurrent jobs; every failure is a JSON
//! [`ApiError`]. Summaries are computed on blocking threads ([`jobs`]) so the
//! async runtime stays responsive. Built on axum 0.8 and Tokio, the de facto
//! standard Rust HTTP stack, served over HTTP/1.1 by hyper with a header read
//! timeout; `tower-http` catches panics as a last resort.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! brief_server::serve(listener, brief_server::Limits::default(), brief_server::shutdown_signal()).await
//! # }
//! ```

pub mod access;
pub mod api;
pub mod config;
pub mod error;
pub mod jobs;
pub mod metrics;
mod web;
pub mod wire;

pub use access::Access;
pub use config::Limits;
pub use error::ApiError;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use brief_core::{CancelToken, Deadline};
use brief_rouge::{Profile, Rouge, RougeConfig};
use http_body_util::BodyExt;
use jobs::JobPool;
use metrics::Metrics;
use std::future::Future;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Everything a handler needs, shared by all requests.
#[derive(Debug, Clone)]
pub struct AppState {
    limits: Limits,
    jobs: Arc<JobPool>,
    metrics: Arc<Metrics>,
    rouge_score: Arc<Rouge>,
    rouge155: Arc<Rouge>,
    access: Access,
    /// Cancelled when the shutdown grace period is over: every job stops.
    shutdown: CancelToken,
    /// The memory budget of request bodies, in KiB ([`Limits::max_body_memory`]).
    bodies: Arc<Semaphore>,
}

/// Permits of the body budget are KiB, so that a budget of any size fits
/// the semaphore's `u32` requests.
const BODY_UNIT: usize = 1024;

impl AppState {
    /// State for a server with `limits`.
    ///
    /// Errors only if the built-in ROUGE configurations are invalid (a bug).
    pub fn new(limits: Limits) -> Result<Self, brief_rouge::RougeError> {
        // The compiled-in selection model is parsed now rather than by the
        // first summary request, whose time limit would otherwise pay for
        // it (and which could not stop while it is parsed).
        brief_core::learn::model::SelectionModel::builtin();
        let metrics = Arc::new(Metrics::default());
        Ok(AppState {
            limits,
            jobs: Arc::new(JobPool::new(
                limits.max_concurrent_jobs,
                limits.max_queued_jobs,
                Arc::clone(&metrics),
            )),
            metrics,
            rouge_score: Arc::new(Rouge::new(RougeConfig::rouge_score())?),
            rouge155: Arc::new(Rouge::new(RougeConfig::rouge155())?),
            access: Access::default(),
            shutdown: CancelToken::new(),
            bodies: Arc::new(Semaphore::new(
                limits
                    .max_body_memory
                    .div_ceil(BODY_UNIT)
                    .min(Semaphore::MAX_PERMITS),
            )),
        })
    }

    /// The same state with `access` (allowed hosts, token).
    pub fn with_access(mut self, access: Access) -> Self {
        self.access = access;
        self
    }

    /// The server's metrics.
    pub fn metrics(&self) -> &Arc<Metrics> {
        &self.metrics
    }

    /// Bytes of the body memory budget held now (by bodies being read and
    /// by jobs that have not ended), in whole KiB per body.
    pub fn body_memory_held(&self) -> usize {
        let total = self
            .limits
            .max_body_memory
            .div_ceil(BODY_UNIT)
            .min(Semaphore::MAX_PERMITS);
        total.saturating_sub(self.bodies.available_permits()) * BODY_UNIT
    }

    /// The token that stops every job of this server when cancelled (the
    /// end of the shutdown grace period cancels it).
    pub fn shutdown_token(&self) -> &CancelToken {
        &self.shutdown
    }

    /// The deadline of a request starting now: its time limit, the
    /// server's shutdown, and `request` (cancelled when the request ends).
    fn deadline(&self, request: &CancelToken) -> Deadline {
        Deadline::after(self.limits.request_timeout)
            .with_token(self.shutdown.clone())
            .with_token(request.clone())
    }
}

/// Cancels its token when dropped: when a handler's future ends or is
/// dropped (its client left, or its time ran out), its job stops too.
struct CancelOnDrop(CancelToken);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

/// The application: every route, the access checks ([`access`]), the
/// metrics middleware and the panic guard, for a server listening on any
/// address.
pub fn router(state: AppState) -> Router {
    router_bound(state, None)
}

/// [`router`] for a server listening on `bound` (what the `Host` check
/// accepts depends on it).
fn router_bound(state: AppState, bound: Option<IpAddr>) -> Router {
    let metrics = Arc::clone(&state.metrics);
    let guard = Arc::new(access::Guard::new(state.access.clone(), bound));
    Router::new()
        .route("/", get(web::index))
        .route("/assets/app.js", get(web::app_js))
        .route("/assets/style.css", get(web::style_css))
        .route("/healthz", get(healthz))
        .route("/metrics", get(render_metrics))
        .route("/v1/algorithms", get(algorithms))
        .route("/v1/example", get(web::example))
        .route("/v1/summarize", post(summarize))
        .route("/v1/update", post(update))
        .route("/v1/score", post(score))
        .route("/v1/analyze", post(analyze))
        .route("/v1/compare", post(compare))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
        .layer(axum::middleware::from_fn_with_state(guard, access::check))
        .layer(axum::middleware::from_fn_with_state(
            metrics,
            metrics::track,
        ))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            panic_response,
        ))
}

/// Serves the application on `listener` until `shutdown` completes, then
/// stops accepting, lets requests in flight go on for at most
/// [`Limits::shutdown_grace`], cancels the jobs still running (they stop
/// within milliseconds and their requests are answered 503), and returns at
/// most a second later: within the grace period plus a second in all.
pub async fn serve(
    listener: tokio::net::TcpListener,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let state = AppState::new(limits).map_err(std::io::Error::other)?;
    serve_state(listener, state, shutdown).await
}

/// [`serve`] with a state made beforehand, so the caller can watch its
/// [`AppState::metrics`].
pub async fn serve_state(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let limits = state.limits;
    let jobs_stop = state.shutdown.clone();
    let bound = listener.local_addr().ok().map(|a| a.ip());
    let app = router_bound(state, bound);
    // hyper directly rather than `axum::serve`, for a header read timeout:
    // a client that opens a connection and never finishes its headers is
    // disconnected instead of holding a socket forever.
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(limits.request_timeout);
    let connections = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(_) => {
                    // Out of file descriptors or a connection reset before
                    // accept: back off briefly instead of spinning.
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        let stream = wire::JsonErrors::new(stream);
        let connection = http.serve_connection(hyper_util::rt::TokioIo::new(stream), service);
        let connection = connections.watch(connection);
        tokio::spawn(async move {
            // A connection error concerns only that client.
            let _ = connection.await;
        });
    }
    drop(listener);
    // Requests in flight go on for the grace period; idle connections close
    // now. Then every job is cancelled, and its request answered at once.
    let mut closed = std::pin::pin!(connections.shutdown());
    let grace = limits.shutdown_grace.min(limits.request_timeout);
    if tokio::time::timeout(grace, &mut closed).await.is_err() {
        jobs_stop.cancel();
        let _ = tokio::time::timeout(Duration::from_secs(1), closed).await;
    }
    Ok(())
}

/// Completes on Ctrl-C (SIGINT) or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

async fn healthz() -> Json<serde_json::Value> {
    Json(serde_json::json!({"status": "ok"}))
}

async fn render_metrics(State(state): State<AppState>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics.render(),
    )
        .into_response()
}

async fn algorithms() -> Json<serde_json::Value> {
    let names: Vec<&str> = brief_core::Algorithm::ALL
        .iter()
        .map(|a| a.name())
        .collect();
    Json(serde_json::json!({
        "algorithms": names,
        "default": brief_core::Algorithm::DEFAULT.name(),
    }))
}

async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such route")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this route does not accept that method",
    )
}

fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    ApiError::internal("the server failed unexpectedly; this is a bug in brief").into_response()
}

/// A request body and its share of the body memory budget, released when
/// both are dropped (the job holds them until it ends).
struct HeldBody {
    bytes: Bytes,
    permit: OwnedSemaphorePermit,
}

/// Reads the whole body, at most `limit` bytes, once the body memory budget
/// has room for it ([`Limits::max_body_memory`]): the declared length is
/// reserved before the first byte is read (`limit` when no length is
/// declared), so bodies waiting for room stay in the client's socket, not
/// in this process. An oversized body is read on (and discarded, without
/// holding it) up to another `limit` bytes so that an ordinary client,
/// still sending, receives the 413 rather than a reset connection.
async fn read_body(
    state: &AppState,
    headers: &HeaderMap,
    body: Body,
) -> Result<HeldBody, ApiError> {
    let limit = state.limits.max_body_bytes;
    let too_large = |size: String| {
        ApiError::too_large(
            "body_too_large",
            format!("the request body is {size} bytes; the limit is {limit}"),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let mut body = body;
    if let Some(n) = declared {
        if n > limit as u64 {
            drain(&mut body, limit).await;
            return Err(too_large(n.to_string()));
        }
    }
    let reserved = declared.map_or(limit, |n| usize::try_from(n).unwrap_or(limit));
    let units = u32::try_from(reserved.div_ceil(BODY_UNIT)).unwrap_or(u32::MAX);
    let permit = Arc::clone(&state.bodies)
        .acquire_many_owned(units)
        .await
        .map_err(|_| ApiError::internal("the body budget is closed"))?;
    let mut buffer = Vec::with_capacity(declared.map_or(0, |_| reserved));
    let mut seen: usize = 0;
    while let Some(frame) = body.frame().await {
        let frame = frame
            .map_err(|e| ApiError::malformed(format!("could not read the request body: {e}")))?;
        if let Ok(data) = frame.into_data() {
            seen = seen.saturating_add(data.len());
            if seen > limit {
                drop(buffer);
                drain(&mut body, limit).await;
                return Err(too_large(format!("more than {limit}")));
            }
            buffer.extend_from_slice(&data);
        }
    }
    Ok(HeldBody {
        bytes: Bytes::from(buffer),
        permit,
    })
}

/// Discards up to `budget` more bytes of `body`.
async fn drain(body: &mut Body, budget: usize) {
    let mut left = budget;
    while let Some(Ok(frame)) = body.frame().await {
        if let Ok(data) = frame.into_data() {
            if data.len() >= left {
                return;
            }
            left -= data.len();
        }
    }
}

/// Applies the request time limit to a whole request, and gives the
/// request's work a deadline at the same instant, cancelled too when the
/// request ends early (client gone) or the server shuts down.
async fn within_limit<T, W>(
    state: &AppState,
    work: impl FnOnce(Deadline) -> W,
) -> Result<T, ApiError>
where
    W: Future<Output = Result<T, ApiError>>,
{
    let token = CancelToken::new();
    let _cancel = CancelOnDrop(token.clone());
    let deadline = state.deadline(&token);
    let limit = state.limits.request_timeout;
    match tokio::time::timeout(limit, work(deadline)).await {
        Err(_) => Err(ApiError::timeout(limit)),
        Ok(Err(e)) if e.code == api::CANCELLED => Err(if state.shutdown.is_cancelled() {
            ApiError::shutting_down()
        } else {
            ApiError::timeout(limit)
        }),
        Ok(result) => result,
    }
}

/// One JSON route: the body read within the request's time limit and the
/// body budget, then parsed by `parse` and answered by `answer` as one job
/// on the worker pool (parsing a large body is CPU work too). The parsed
/// request replaces the bytes; the body's budget share is held until the
/// job ends.
async fn body_job<R, T>(
    state: &AppState,
    headers: &HeaderMap,
    body: Body,
    parse: fn(&[u8], &Limits) -> Result<R, ApiError>,
    answer: impl FnOnce(R, Deadline) -> Result<T, ApiError> + Send + 'static,
) -> Result<Json<T>, ApiError>
where
    R: 'static,
    T: Send + 'static,
{
    let limits = state.limits;
    within_limit(state, |deadline| async move {
        let body = read_body(state, headers, body).await?;
        let answered = state
            .jobs
            .run(move || {
                let HeldBody {
                    bytes,
                    permit: _held,
                } = body;
                let request = parse(&bytes, &limits)?;
                drop(bytes);
                answer(request, deadline)
            })
            .await??;
        Ok(Json(answered))
    })
    .await
}

async fn summarize(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<brief_core::Summary>, ApiError> {
    body_job(
        &state,
        &headers,
        body,
        api::parse_summarize_request,
        |job, deadline| job.run_within(&deadline),
    )
    .await
}

async fn update(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<brief_core::Summary>, ApiError> {
    body_job(
        &state,
        &headers,
        body,
        api::parse_update_request,
        |job, deadline| {
            // The update summarizer takes no deadline yet: a job past its time
            // limit stops before it starts.
            deadline.check().map_err(api::core_error)?;
            job.run()
        },
    )
    .await
}

async fn score(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<serde_json::Value>, ApiError> {
    let scorers = (Arc::clone(&state.rouge_score), Arc::clone(&state.rouge155));
    body_job(
        &state,
        &headers,
        body,
        api::parse_score_request,
        move |job, deadline| {
            deadline.check().map_err(api::core_error)?;
            let rouge = match job.profile {
                Profile::RougeScore => &scorers.0,
                Profile::Rouge155 => &scorers.1,
            };
            let references: Vec<&str> = job.references.iter().map(String::as_str).collect();
            let scores: serde_json::Map<String, serde_json::Value> = rouge
                .score(&job.candidate, &references)
                .into_iter()
                .map(|(rouge_type, score)| (rouge_type.to_string(), serde_json::json!(score)))
                .collect();
            Ok(serde_json::json!({
                "profile": job.profile,
                "scores": scores,
            }))
        },
    )
    .await
}

async fn analyze(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<brief_core::analyze::Analysis>, ApiError> {
    body_job(
        &state,
        &headers,
        body,
        api::parse_analyze_request,
        |cluster, deadline| api::analyze_within(&cluster, &deadline),
    )
    .await
}

/// The source comparison; the request is the one `POST /v1/analyze` takes.
async fn compare(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<brief_core::compare::Comparison>, ApiError> {
    body_job(
        &state,
        &headers,
        body,
        api::parse_analyze_request,
        |cluster, deadline| {
            // The comparison itself takes no deadline: a job past its time
            // limit stops before it starts.
            deadline.check().map_err(api::core_error)?;
            brief_core::compare::compare(&cluster).map_err(api::core_error)
        },
    )
    .await
}
