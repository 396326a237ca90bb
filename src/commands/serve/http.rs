//! The preview server's HTTP: one thread per connection with read and write timeouts (a client
//! that stops reading holds only its own thread), a cap on connections and on the request head,
//! GET and HEAD only, and a Host check against DNS rebinding. Requests are parsed by httparse.

use std::io::{self, Read, Write};
use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// Bounds on what one client may hold.
pub const MAX_HEAD: usize = 16 * 1024;
const MAX_HEADERS: usize = 64;
const MAX_CONNECTIONS: usize = 64;
const MAX_REQUESTS_PER_CONNECTION: usize = 200;
const IO_TIMEOUT: Duration = Duration::from_secs(10);

/// Sent with every answer, alongside the content security policy.
const SECURITY_HEADERS: [(&str, &str); 4] = [
    ("Content-Security-Policy", concat!("default-src 'self'; ", "img-src 'self' data:; ", "frame-ancestors 'none'")),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
];

/// What the handler is asked: the path (with its query) of a GET or HEAD.
pub struct Request {
    pub path: String,
}

pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Reply {
        Reply { status, content_type, body: body.into() }
    }

    /// A refusal: its status and the standard reason phrase, for clients that are not a browser.
    fn refused(status: u16) -> Reply {
        Reply::new(status, "text/plain; charset=utf-8", format!("{status} {}\n", reason(status)))
    }
}

pub type Handler = dyn Fn(&Request) -> Reply + Send + Sync;

/// Accepts connections until the listener fails; each is served on its own thread.
pub fn serve(listener: TcpListener, handler: Arc<Handler>) {
    let Ok(local) = listener.local_addr() else { return };
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        if open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            // Full: close at once rather than queue behind clients that may never finish.
            open.fetch_sub(1, Ordering::SeqCst);
            drop(stream);
            continue;
        }
        let (handler, open) = (Arc::clone(&handler), Arc::clone(&open));
        let spawned = std::thread::Builder::new().name("serve-conn".into()).spawn(move || {
            let _ = connection(stream, local, &*handler);
            open.fetch_sub(1, Ordering::SeqCst);
        });
        if spawned.is_err() {
            // No thread to be had; the stream went with the closure and is closed.
            continue;
        }
    }
}

fn connection(mut stream: TcpStream, local: SocketAddr, handler: &Handler) -> io::Result<()> {
    stream.set_read_timeout(Some(IO_TIMEOUT))?;
    stream.set_write_timeout(Some(IO_TIMEOUT))?;
    let mut buf: Vec<u8> = Vec::with_capacity(1024);
    for _ in 0..MAX_REQUESTS_PER_CONNECTION {
        let Some(head_len) = read_head(&mut stream, &mut buf)? else {
            if buf.len() > MAX_HEAD {
                write_reply(&mut stream, &Reply::refused(431), false, false)?;
            }
            return Ok(());
        };
        let parsed = parse(buf.get(..head_len).unwrap_or_default(), local);
        buf.drain(..head_len);
        let (reply, head_only, keep_alive) = match parsed {
            Ok(p) => {
                let reply = handler(&Request { path: p.path });
                // A request body on GET is not read: close after answering rather than parse it.
                (reply, p.head, p.keep_alive && !p.has_body)
            }
            Err(reply) => (reply, false, false),
        };
        write_reply(&mut stream, &reply, head_only, keep_alive)?;
        if !keep_alive {
            return Ok(());
        }
    }
    Ok(())
}

/// Reads until the blank line that ends a request head; `None` at end of stream, or when the
/// head grows past [`MAX_HEAD`].
fn read_head(stream: &mut TcpStream, buf: &mut Vec<u8>) -> io::Result<Option<usize>> {
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(at) = find(buf, b"\r\n\r\n") {
            return Ok(Some(at + 4));
        }
        if buf.len() > MAX_HEAD {
            return Ok(None);
        }
        let n = match stream.read(&mut chunk) {
            Ok(n) => n,
            Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => return Ok(None),
            Err(e) => return Err(e),
        };
        if n == 0 {
            return Ok(None);
        }
        buf.extend_from_slice(chunk.get(..n).unwrap_or_default());
    }
}

struct Parsed {
    path: String,
    head: bool,
    keep_alive: bool,
    has_body: bool,
}

fn parse(head: &[u8], local: SocketAddr) -> Result<Parsed, Reply> {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut req = httparse::Request::new(&mut headers);
    match req.parse(head) {
        Ok(httparse::Status::Complete(_)) => {}
        Err(httparse::Error::TooManyHeaders) => return Err(Reply::refused(431)),
        _ => return Err(Reply::refused(400)),
    }
    let method = req.method.unwrap_or_default();
    if method != "GET" && method != "HEAD" {
        return Err(Reply::refused(405));
    }
    let header = |name: &str| {
        req.headers.iter().find(|h| h.name.eq_ignore_ascii_case(name)).and_then(|h| std::str::from_utf8(h.value).ok())
    };
    if !host_allowed(header("Host"), local) {
        return Err(Reply::refused(421));
    }
    let connection = header("Connection").unwrap_or_default().to_ascii_lowercase();
    let has_body = header("Content-Length").is_some_and(|v| v.trim() != "0") || header("Transfer-Encoding").is_some();
    Ok(Parsed {
        path: req.path.unwrap_or("/").to_string(),
        head: method == "HEAD",
        keep_alive: req.version == Some(1) && !connection.contains("close"),
        has_body,
    })
}

/// A Host naming the address the server is bound to, or localhost, on its port. Anything else may
/// be a name an attacker pointed at 127.0.0.1 (DNS rebinding), so it is refused.
pub fn host_allowed(host: Option<&str>, local: SocketAddr) -> bool {
    let Some(host) = host.map(str::trim) else {
        return false;
    };
    let (name, port) = match host.rsplit_once(':') {
        Some((n, p)) if !n.is_empty() && !p.contains(']') => (n, p.parse::<u16>().ok()),
        _ => (host, None),
    };
    if port.is_some_and(|p| p != local.port()) || (port.is_none() && local.port() != 80) {
        return false;
    }
    let name = name.trim_start_matches('[').trim_end_matches(']');
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    match name.parse::<IpAddr>() {
        Ok(ip) => ip == local.ip() || (ip.is_loopback() && local.ip().is_loopback()),
        Err(_) => false,
    }
}

fn reason(status: u16) -> &'static str {
    ::http::StatusCode::from_u16(status).ok().and_then(|c| c.canonical_reason()).unwrap_or_default()
}

fn write_reply(stream: &mut TcpStream, reply: &Reply, head_only: bool, keep_alive: bool) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: {}\r\n",
        reply.status,
        reason(reply.status),
        reply.content_type,
        reply.body.len(),
        if keep_alive { "keep-alive" } else { "close" },
    );
    if reply.status == 405 {
        head.push_str("Allow: GET, HEAD\r\n");
    }
    for (name, value) in SECURITY_HEADERS {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(&reply.body)?;
    }
    stream.flush()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_that_name_this_server_only() {
        let local: SocketAddr = "127.0.0.1:8123".parse().unwrap();
        for ok in ["127.0.0.1:8123", "localhost:8123", "LOCALHOST:8123", "[::1]:8123"] {
            assert!(host_allowed(Some(ok), local), "{ok}");
        }
        for bad in ["evil.example:8123", "127.0.0.1:9999", "127.0.0.1", "localhost", "", "attacker.localhost.evil:8123"]
        {
            assert!(!host_allowed(Some(bad), local), "{bad}");
        }
        assert!(!host_allowed(None, local));
        let lan: SocketAddr = "192.168.1.5:80".parse().unwrap();
        assert!(host_allowed(Some("192.168.1.5"), lan));
        assert!(!host_allowed(Some("intranet.example"), lan));
    }

    #[test]
    fn methods_heads_and_sizes() {
        let local: SocketAddr = "127.0.0.1:8123".parse().unwrap();
        let ok = parse(b"GET /a?b HTTP/1.1\r\nHost: 127.0.0.1:8123\r\n\r\n", local).ok().unwrap();
        assert_eq!((ok.path.as_str(), ok.head, ok.keep_alive), ("/a?b", false, true));
        let head = parse(b"HEAD / HTTP/1.0\r\nHost: localhost:8123\r\n\r\n", local).ok().unwrap();
        assert!(head.head && !head.keep_alive);
        for (req, status) in [
            (&b"POST / HTTP/1.1\r\nHost: localhost:8123\r\n\r\n"[..], 405),
            (b"DELETE / HTTP/1.1\r\nHost: localhost:8123\r\n\r\n", 405),
            (b"GET / HTTP/1.1\r\nHost: evil.example:8123\r\n\r\n", 421),
            (b"GET / HTTP/1.1\r\n\r\n", 421),
            (b"\x00\x01garbage\r\n\r\n", 400),
        ] {
            assert_eq!(parse(req, local).err().map(|r| r.status), Some(status), "{}", String::from_utf8_lossy(req));
        }
        let many = format!("GET / HTTP/1.1\r\nHost: localhost:8123\r\n{}\r\n", "X-A: b\r\n".repeat(MAX_HEADERS + 1));
        assert_eq!(parse(many.as_bytes(), local).err().map(|r| r.status), Some(431));
    }
}
