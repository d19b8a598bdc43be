//! Who may drive the server: checks made on every request before any work.
//!
//! A server on localhost can be reached by any web page the user opens, so:
//!
//! - **Host**: the `Host` header must name the server — an IP address it
//!   listens on (any IP address when it listens on all interfaces),
//!   `localhost` when it listens on a loopback or on all interfaces, or a
//!   name given with `--allowed-host` (`*` allows any). A page on another
//!   domain that rebinds its name to 127.0.0.1 (DNS rebinding) sends its own
//!   name and gets 403 `forbidden_host`.
//! - **Content type**: a `POST` must say `Content-Type: application/json`.
//!   Browsers send `text/plain` and form bodies cross-site without asking
//!   first; `application/json` makes them ask (a CORS preflight), which this
//!   server never grants. Anything else is 415 `unsupported_media_type`.
//! - **Token** (optional, `--token` / `BRIEF_TOKEN`): the API routes
//!   (`/v1/*`, `/metrics`) then need `Authorization: Bearer <token>`
//!   (401 `unauthorized`); the page, its assets and `/healthz` stay open,
//!   and the page sends a token given in its address as `#token=...`.

use crate::error::ApiError;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::IpAddr;
use std::sync::Arc;

/// Access settings of a server.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Access {
    /// Host names accepted beside the server's own addresses (compared
    /// without port, case-insensitively); `*` accepts any.
    pub allowed_hosts: Vec<String>,
    /// The bearer token the API routes require, if any.
    pub token: Option<String>,
}

/// [`Access`] with the address the server listens on, as the middleware uses it.
#[derive(Debug, Clone)]
pub(crate) struct Guard {
    access: Access,
    bound: Option<IpAddr>,
}

impl Guard {
    pub(crate) fn new(access: Access, bound: Option<IpAddr>) -> Self {
        let mut access = access;
        for host in &mut access.allowed_hosts {
            *host = normalize(host);
        }
        Guard { access, bound }
    }

    /// Whether a request with this `Host` header value is for this server.
    fn host_allowed(&self, host: &str) -> bool {
        let name = normalize(strip_port(host));
        if name.is_empty() {
            return false;
        }
        if self
            .access
            .allowed_hosts
            .iter()
            .any(|h| h == "*" || *h == name)
        {
            return true;
        }
        let bound = self.bound;
        let unspecified = bound.is_none_or(|b| b.is_unspecified());
        let loopback = bound.is_some_and(|b| b.is_loopback());
        if name == "localhost" {
            return unspecified || loopback;
        }
        let literal = name
            .strip_prefix('[')
            .and_then(|n| n.strip_suffix(']'))
            .unwrap_or(&name);
        match literal.parse::<IpAddr>() {
            Ok(ip) => unspecified || Some(ip) == bound || (loopback && ip.is_loopback()),
            Err(_) => false,
        }
    }

    fn token_ok(&self, authorization: Option<&HeaderValue>) -> bool {
        let Some(expected) = &self.access.token else {
            return true;
        };
        let given = authorization
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        constant_time_eq(given.trim().as_bytes(), expected.as_bytes())
    }
}

/// The host part of a `Host` value: without `:port`, brackets kept.
fn strip_port(host: &str) -> &str {
    if host.starts_with('[') {
        return match host.find(']') {
            Some(end) => &host[..=end],
            None => host,
        };
    }
    match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    }
}

fn normalize(host: &str) -> String {
    host.trim().trim_end_matches('.').to_ascii_lowercase()
}

/// Compares without stopping at the first difference, so the time taken
/// says nothing about how much of a guess was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut diff = a.len() ^ b.len();
    for (i, &x) in b.iter().enumerate() {
        diff |= usize::from(x ^ a.get(i).copied().unwrap_or(0));
    }
    diff == 0
}

/// Whether a route needs the token (the page and health check do not).
fn is_api(path: &str) -> bool {
    path.starts_with("/v1/") || path == "/metrics"
}

/// Whether a `Content-Type` value is JSON (`application/json`, any parameters).
fn is_json(value: Option<&HeaderValue>) -> bool {
    value
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

/// Middleware applying [`Access`] to every request.
pub(crate) async fn check(
    State(guard): State<Arc<Guard>>,
    request: Request,
    next: Next,
) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .or_else(|| request.uri().authority().map(|a| a.as_str().to_owned()));
    match host {
        Some(h) if guard.host_allowed(&h) => {}
        Some(h) => {
            return ApiError::new(
                StatusCode::FORBIDDEN,
                "forbidden_host",
                format!(
                    "this server does not answer to the host \"{}\"; start it with --allowed-host NAME to accept that name",
                    crate::api::clip(&h)
                ),
            )
            .into_response()
        }
        None => {
            return ApiError::new(
                StatusCode::FORBIDDEN,
                "forbidden_host",
                "the request has no Host header",
            )
            .into_response()
        }
    }
    if is_api(request.uri().path()) && !guard.token_ok(request.headers().get(header::AUTHORIZATION))
    {
        let mut response = ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "this server needs \"Authorization: Bearer <token>\" (the token it was started with)",
        )
        .into_response();
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        return response;
    }
    if request.method() == Method::POST && !is_json(request.headers().get(header::CONTENT_TYPE)) {
        return ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the body with \"Content-Type: application/json\"",
        )
        .into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard(bound: &str, allowed: &[&str]) -> Guard {
        Guard::new(
            Access {
                allowed_hosts: allowed.iter().map(|s| s.to_string()).collect(),
                token: Some("s3cret".into()),
            },
            bound.parse().ok(),
        )
    }

    #[test]
    fn hosts_are_the_server_addresses_and_the_names_given() {
        let local = guard("127.0.0.1", &["News.Example.org"]);
        for ok in [
            "127.0.0.1:8080",
            "127.0.0.1",
            "localhost:8080",
            "LOCALHOST.",
            "[::1]:8080",
            "news.example.org",
            "news.example.org:443",
        ] {
            assert!(local.host_allowed(ok), "{ok}");
        }
        for bad in [
            "evil.com",
            "evil.com:8080",
            "10.0.0.2",
            "",
            "127.0.0.1.evil.com",
        ] {
            assert!(!local.host_allowed(bad), "{bad}");
        }
        let all = guard("0.0.0.0", &[]);
        assert!(all.host_allowed("10.0.0.2:8080") && all.host_allowed("localhost"));
        assert!(!all.host_allowed("rebind.evil.com"));
        let specific = guard("10.0.0.2", &[]);
        assert!(specific.host_allowed("10.0.0.2") && !specific.host_allowed("localhost"));
        assert!(guard("127.0.0.1", &["*"]).host_allowed("anything.at.all"));
    }

    #[test]
    fn tokens_and_content_types() {
        let g = guard("127.0.0.1", &[]);
        assert!(g.token_ok(Some(&HeaderValue::from_static("Bearer s3cret"))));
        assert!(!g.token_ok(Some(&HeaderValue::from_static("Bearer s3cre"))));
        assert!(!g.token_ok(Some(&HeaderValue::from_static("s3cret"))));
        assert!(!g.token_ok(None));
        assert!(Guard::new(Access::default(), None).token_ok(None));
        assert!(is_json(Some(&HeaderValue::from_static(
            "Application/JSON; charset=utf-8"
        ))));
        assert!(!is_json(Some(&HeaderValue::from_static("text/plain"))));
        assert!(!is_json(None));
    }
}
