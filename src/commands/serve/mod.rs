//! `kieumau serve`: build, serve the output on this machine, rebuild when content or theme is
//! edited, and reload open pages. Idle means idle: no edit, no rebuild, no output, no reload.
//! Content errors are shown in the terminal and in the page (errors first, then warnings), and
//! the last good build keeps being served.

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

mod files;
pub mod http;
mod state;
mod watch;

use std::net::{IpAddr, TcpListener};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use state::State;
use std::time::Duration;

use crate::build::{self, BuildOptions, Failure};
use crate::content::diag::{Diagnostics, Severity};
use crate::msg;

pub use files::resolve;
pub use watch::Filter;

/// Editors write a file several times per save; wait this long after the last event.
const SETTLE: Duration = Duration::from_millis(200);

pub struct ServeOptions {
    pub build: BuildOptions,
    pub bind: IpAddr,
    pub port: u16,
}

/// What was last printed, so that an unchanged outcome is not printed again.
#[derive(Default)]
struct Printed(Option<String>);

fn rebuild(opts: &BuildOptions, state: &State, printed: &mut Printed) {
    let mut diags = Diagnostics::new();
    let result = build::build(opts, &mut diags);
    let terminal = diags.render_human(false);
    match result {
        Ok(s) => {
            let changed = s.reuse.written > 0;
            if let Ok(mut r) = state.report.lock() {
                r.clear();
            }
            state.has_build.store(true, Ordering::SeqCst);
            // The same warnings on an unchanged build were shown last time: say nothing.
            if changed || printed.0.as_deref() != Some(terminal.as_str()) {
                eprint!("{terminal}");
                eprintln!(
                    "{}",
                    msg!(
                        "serve-rebuilt",
                        pages = s.pages,
                        written = s.reuse.written,
                        elapsed = format!("{:.2?}", s.elapsed)
                    )
                );
                printed.0 = Some(terminal);
            }
            if changed {
                state.version.fetch_add(1, Ordering::SeqCst);
            }
        }
        Err(f) => {
            let extra = match f {
                Failure::Content => String::new(),
                Failure::Theme(m) | Failure::Io(m) => format!("{}\n", msg!("serve-error-line", message = m)),
            };
            let text = format!("{terminal}{extra}");
            if printed.0.as_deref() != Some(text.as_str()) {
                eprint!("{text}");
                let kept = state.has_build.load(Ordering::SeqCst);
                eprintln!("{}", if kept { msg!("serve-failed-kept") } else { msg!("serve-failed-none") });
                printed.0 = Some(text);
            }
            if let Ok(mut r) = state.report.lock() {
                *r = page_report(&diags, &extra);
            }
        }
    }
}

/// The report the page shows: errors first, then warnings, bounded so that a hostile file cannot
/// make every poll of the page carry megabytes.
fn page_report(diags: &Diagnostics, extra: &str) -> String {
    let mut out = String::new();
    let errors = diags.render_human_of(Severity::Error, false) + extra;
    if !errors.trim().is_empty() {
        out.push_str(&format!("{}\n\n{errors}\n", msg!("serve-errors-title", count = diags.error_count().max(1))));
    }
    let warnings = diags.render_human_of(Severity::Warning, false);
    if !warnings.trim().is_empty() {
        out.push_str(&format!("{}\n\n{warnings}", msg!("serve-warnings-title", count = diags.warning_count())));
    }
    files::bounded(out)
}

pub fn run(opts: ServeOptions) -> Result<(), Failure> {
    let output = opts.build.output.clone();
    let state = Arc::new(State {
        version: AtomicU64::new(0),
        report: Mutex::new(String::new()),
        has_build: output.join("index.html").is_file().into(),
        output,
    });
    let mut printed = Printed::default();
    rebuild(&opts.build, &state, &mut printed);
    let listener = TcpListener::bind((opts.bind, opts.port)).map_err(|e| {
        Failure::Io(msg!(
            "serve-cannot-listen",
            address = format!("{}:{}", opts.bind, opts.port),
            error = e.to_string()
        ))
    })?;
    let addr = listener.local_addr().map_or_else(|_| format!("{}:{}", opts.bind, opts.port), |a| a.to_string());
    let mut edits = watch::watch(&opts.build.root, &opts.build.output)
        .map_err(|e| Failure::Io(msg!("serve-cannot-watch", error = e.to_string())))?;
    eprintln!(
        "{}",
        msg!("serve-listening", output = opts.build.output.display().to_string(), url = format!("http://{addr}/"))
    );

    let handler_state = Arc::clone(&state);
    let handler: Arc<http::Handler> = Arc::new(move |req: &http::Request| files::answer(&req.path, &handler_state));
    std::thread::Builder::new()
        .name("serve-accept".into())
        .spawn(move || http::serve(listener, handler))
        .map_err(|e| Failure::Io(e.to_string()))?;
    while edits.recv_edit(SETTLE).is_some() {
        rebuild(&opts.build, &state, &mut printed);
    }
    Ok(())
}
