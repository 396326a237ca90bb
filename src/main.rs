//! The `kieumau` command line. Exit codes: 0 ok, 1 content errors, 2 usage or I/O errors.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use kieumau::diag::Diagnostics;
use kieumau::{BuildOptions, Failure};

#[derive(Parser)]
#[command(name = "kieumau", version, about = "Static report sites for the model party branch programme")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone)]
struct Root {
    /// The site folder (holding content/)
    #[arg(long, default_value = ".", global = true)]
    root: PathBuf,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Check the content and report every problem, without building
    Check {
        #[command(flatten)]
        root: Root,
        /// Treat warnings as errors
        #[arg(long)]
        strict: bool,
        /// Output format of the diagnostics (json: one object per line)
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Build the site into output/ (replaced whole, only when the build succeeds)
    Build {
        #[command(flatten)]
        root: Root,
        /// Where to write the site (default: <root>/output)
        #[arg(long)]
        output: Option<PathBuf>,
        /// Base URL of the published site ("" = relative links)
        #[arg(long)]
        base_url: Option<String>,
    },
}

fn print_diags(diags: &Diagnostics, format: Format) {
    let text = match format {
        Format::Human => diags.render_human(std::io::stderr().is_terminal()),
        Format::Json => diags.render_json(),
    };
    match format {
        Format::Json => print!("{text}"),
        Format::Human => eprint!("{text}"),
    }
}

fn summary_line(diags: &Diagnostics) -> String {
    let (e, w) = (diags.error_count(), diags.warning_count());
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!("{}, {}", plural(e, "error"), plural(w, "warning"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check { root, strict, format } => {
            let mut diags = Diagnostics::new();
            let ok = kieumau::check(&root.root, strict, &mut diags).is_some();
            print_diags(&diags, format);
            if matches!(format, Format::Human) {
                eprintln!("{}: {}", if ok { "ok" } else { "failed" }, summary_line(&diags));
            }
            if ok { 0 } else { 1 }
        }
        Command::Build { root, output, base_url } => {
            let mut opts = BuildOptions::new(&root.root);
            if let Some(o) = output {
                opts.output = o;
            }
            opts.base_url = base_url;
            let mut diags = Diagnostics::new();
            let result = kieumau::build(&opts, &mut diags);
            print_diags(&diags, Format::Human);
            match result {
                Ok(s) => {
                    eprintln!(
                        "Built {} pages, {} charts, {} files in {:.2?} into {}{}",
                        s.pages,
                        s.charts,
                        s.files,
                        s.elapsed,
                        opts.output.display(),
                        if diags.is_empty() { String::new() } else { format!(" ({})", summary_line(&diags)) }
                    );
                    0
                }
                Err(Failure::Content) => {
                    eprintln!("build failed: {}; the previous output is unchanged", summary_line(&diags));
                    1
                }
                Err(Failure::Theme(msg)) => {
                    eprintln!("error: {msg}\nbuild failed; the previous output is unchanged");
                    1
                }
                Err(Failure::Io(msg)) => {
                    eprintln!("error: {msg}");
                    2
                }
            }
        }
    };
    let _ = std::io::stdout().flush();
    ExitCode::from(code)
}
