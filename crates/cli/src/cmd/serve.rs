//! `brief serve`: the HTTP API and web page of `brief-server`.

use anyhow::{Context, Result};
use brief_server::{Access, AppState, Limits};
use std::net::{IpAddr, SocketAddr};
use std::process::ExitCode;
use std::time::Duration;

/// `brief serve` flags; each can also be set by the environment variable shown.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Address to listen on (use 0.0.0.0 to accept remote clients).
    #[arg(long, env = "BRIEF_HOST", default_value = "127.0.0.1")]
    pub host: IpAddr,
    /// Port to listen on (0 picks a free one).
    #[arg(long, env = "BRIEF_PORT", default_value_t = 8080)]
    pub port: u16,
    /// Largest request body in bytes.
    #[arg(long, env = "BRIEF_MAX_BODY_BYTES", default_value_t = Limits::DEFAULT_MAX_BODY_BYTES)]
    pub max_body_bytes: usize,
    /// Most documents in one cluster.
    #[arg(long, env = "BRIEF_MAX_DOCUMENTS", default_value_t = Limits::DEFAULT_MAX_DOCUMENTS)]
    pub max_documents: usize,
    /// Most characters in one document.
    #[arg(long, env = "BRIEF_MAX_DOCUMENT_CHARS", default_value_t = Limits::DEFAULT_MAX_DOCUMENT_CHARS)]
    pub max_document_chars: usize,
    /// Time limit for one request, in milliseconds.
    #[arg(long, env = "BRIEF_REQUEST_TIMEOUT_MS", default_value_t = Limits::DEFAULT_REQUEST_TIMEOUT.as_millis() as u64)]
    pub request_timeout_ms: u64,
    /// Summaries computed at once [default: number of CPU cores].
    #[arg(long, env = "BRIEF_MAX_JOBS")]
    pub max_jobs: Option<usize>,
    /// Requests allowed to wait for a free worker before the server answers 503.
    #[arg(long, env = "BRIEF_MAX_QUEUE", default_value_t = Limits::DEFAULT_MAX_QUEUED_JOBS)]
    pub max_queue: usize,
    /// Bytes of request bodies held at once; requests wait for room
    /// [default: 64 MiB, or --max-body-bytes if larger].
    #[arg(long, env = "BRIEF_MAX_BODY_MEMORY")]
    pub max_body_memory: Option<usize>,
    /// On SIGTERM or Ctrl-C, how long requests in flight may go on before
    /// their jobs are cancelled, in milliseconds (at most 13,000); the
    /// process exits at most 2 seconds later.
    #[arg(long, env = "BRIEF_SHUTDOWN_GRACE_MS", default_value_t = Limits::DEFAULT_SHUTDOWN_GRACE.as_millis() as u64)]
    pub shutdown_grace_ms: u64,
    /// Host name the server also answers to, beside its own IP addresses
    /// and localhost (repeat it, or give a comma-separated list; * accepts any).
    /// Other Host headers get 403, which stops DNS-rebinding pages.
    #[arg(
        long = "allowed-host",
        env = "BRIEF_ALLOWED_HOSTS",
        value_delimiter = ',',
        value_name = "NAME"
    )]
    pub allowed_hosts: Vec<String>,
    /// Require "Authorization: Bearer TOKEN" on the API routes (/v1/*,
    /// /metrics); the page sends a token given in its address as #token=TOKEN.
    /// Prefer the environment variable: a flag shows in the process list.
    #[arg(long, env = "BRIEF_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
}

impl Args {
    /// The validated limits.
    fn limits(&self) -> Result<Limits> {
        let limits = Limits {
            max_body_bytes: self.max_body_bytes,
            max_documents: self.max_documents,
            max_document_chars: self.max_document_chars,
            request_timeout: Duration::from_millis(self.request_timeout_ms),
            max_concurrent_jobs: self
                .max_jobs
                .unwrap_or_else(Limits::default_concurrent_jobs),
            max_queued_jobs: self.max_queue,
            max_body_memory: self
                .max_body_memory
                .unwrap_or(Limits::DEFAULT_MAX_BODY_MEMORY.max(self.max_body_bytes)),
            shutdown_grace: Duration::from_millis(self.shutdown_grace_ms),
        };
        limits.validate().map_err(anyhow::Error::msg)?;
        Ok(limits)
    }
}

/// Serves until Ctrl-C or SIGTERM, then lets the requests in flight go on
/// for the grace period, cancels their jobs and exits.
pub fn run(args: Args) -> Result<ExitCode> {
    let limits = args.limits()?;
    if args.token.as_deref().is_some_and(|t| t.trim().is_empty()) {
        anyhow::bail!("--token (BRIEF_TOKEN) is empty");
    }
    let access = Access {
        allowed_hosts: args
            .allowed_hosts
            .iter()
            .map(|h| h.trim().to_owned())
            .filter(|h| !h.is_empty())
            .collect(),
        token: args.token.clone(),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let served = runtime.block_on(async {
        let addr = SocketAddr::new(args.host, args.port);
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        let local = listener.local_addr().context("no local address")?;
        // Scripts and tests read this line to find the port.
        eprintln!("brief: listening on http://{local}");
        let state = AppState::new(limits)
            .context("cannot set up the server")?
            .with_access(access);
        brief_server::serve_state(listener, state, brief_server::shutdown_signal())
            .await
            .context("server failed")?;
        eprintln!("brief: stopped");
        Ok(ExitCode::SUCCESS)
    });
    // Jobs were cancelled at the end of the grace period and stop within
    // milliseconds; the runtime does not wait longer than a second for them.
    runtime.shutdown_timeout(Duration::from_secs(1));
    served
}
