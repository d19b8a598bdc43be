//! JSON bodies for the errors hyper answers by itself.
//!
//! A request whose head cannot be parsed (garbage instead of HTTP, a bad
//! header, a URI or headers too large) never reaches the application: hyper
//! writes a bare `400`, `414` or `431` with an empty body and closes the
//! connection. [`JsonErrors`] wraps each connection's socket and, when it
//! sees hyper write exactly such a response, writes the same status with the
//! API's JSON error body instead, so every error a client can get has the
//! `{"error": {"code", "message"}}` shape.
//!
//! The application itself never answers with an empty body (every route
//! returns JSON, HTML or text), so an empty `400`/`414`/`431` can only come
//! from hyper's parser.

use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// A socket whose bare parse-error responses are replaced by JSON ones.
#[derive(Debug)]
pub struct JsonErrors<T> {
    inner: T,
    /// A replacement response still to be written.
    pending: Vec<u8>,
    written: usize,
}

impl<T> JsonErrors<T> {
    /// Wraps `inner`.
    pub fn new(inner: T) -> Self {
        JsonErrors {
            inner,
            pending: Vec::new(),
            written: 0,
        }
    }
}

/// The JSON response to write instead of `head`, if `head` is one of hyper's
/// bare parse-error responses.
fn replacement(head: &[u8]) -> Option<Vec<u8>> {
    let end = head.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
    if end != head.len() {
        return None;
    }
    let text = std::str::from_utf8(head).ok()?.to_ascii_lowercase();
    if !text.contains("\r\ncontent-length: 0\r\n") {
        return None;
    }
    let (code, message) = match text.get(..13)? {
        "http/1.1 400 " | "http/1.0 400 " => (
            "malformed_request",
            "the request is not valid HTTP/1.1 (request line or headers)",
        ),
        "http/1.1 414 " | "http/1.0 414 " => ("uri_too_long", "the request URI is too long"),
        "http/1.1 431 " | "http/1.0 431 " => (
            "headers_too_large",
            "the request headers are too large or too many",
        ),
        _ => return None,
    };
    let status_line = std::str::from_utf8(&head[..head.iter().position(|&b| b == b'\r')?]).ok()?;
    let body = serde_json::json!({"error": {"code": code, "message": message}}).to_string();
    Some(
        format!(
            "{status_line}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        )
        .into_bytes(),
    )
}

impl<T: AsyncWrite + Unpin> JsonErrors<T> {
    /// Writes what is left of a replacement response.
    fn poll_pending(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while self.written < self.pending.len() {
            let n =
                ready!(Pin::new(&mut self.inner).poll_write(cx, &self.pending[self.written..]))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            self.written += n;
        }
        Poll::Ready(Ok(()))
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for JsonErrors<T> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for JsonErrors<T> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        ready!(this.poll_pending(cx))?;
        if let Some(json) = replacement(buf) {
            this.pending = json;
            this.written = 0;
            // hyper's bytes count as written; ours go out on this and later polls.
            let _ = this.poll_pending(cx)?;
            return Poll::Ready(Ok(buf.len()));
        }
        Pin::new(&mut this.inner).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_pending(cx))?;
        Pin::new(&mut this.inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_pending(cx))?;
        Pin::new(&mut this.inner).poll_shutdown(cx)
    }

    // Not vectored, so hyper hands over each response head in one buffer.
    fn is_write_vectored(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_bare_parse_errors_are_replaced() {
        let bare = b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-length: 0\r\ndate: Mon, 01 Jan 2024 00:00:00 GMT\r\n\r\n";
        let json = replacement(bare).expect("replaced");
        let text = String::from_utf8(json).expect("utf-8");
        assert!(text.starts_with("HTTP/1.1 431 Request Header Fields Too Large\r\n"));
        assert!(text.ends_with(
            r#"{"error":{"code":"headers_too_large","message":"the request headers are too large or too many"}}"#
        ));
        assert!(replacement(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n").is_some());
        // The application's own responses have bodies.
        assert!(replacement(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 52\r\n\r\n").is_none());
        assert!(replacement(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n").is_none());
        assert!(replacement(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n{}").is_none());
    }
}
