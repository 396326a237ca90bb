//! The `kieumau` command line. Exit codes: 0 ok, 1 content errors, 2 usage or I/O errors.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use kieumau::content::diag::Diagnostics;
use kieumau::messages::{self, Lang};
use kieumau::{BuildOptions, Failure, msg};

// Rendering makes many short-lived strings from several threads; glibc's allocator spent ~40% of
// a 50,000-branch build in malloc/free (see the benchmark notes), mimalloc far less.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "kieumau", version, about = "Static report sites for the model party branch programme")]
struct Cli {
    /// The language of messages: vi or en (default: the site's language)
    #[arg(long, global = true, value_parser = ["vi", "en"])]
    lang: Option<String>,
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
        #[arg(long, value_parser = base_url_arg)]
        base_url: Option<String>,
        /// Replace --output even if it holds files kieumau did not write (never the site's own folders)
        #[arg(long)]
        force: bool,
    },
    /// Build, serve the site on this machine, rebuild and reload pages when content changes
    Serve {
        #[command(flatten)]
        root: Root,
        /// The port to listen on (0: any free port)
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on; the default keeps the site on this machine
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Where to write the site (default: <root>/output)
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Freeze the current content into snapshots/<date>-<hash>/ (never overwritten)
    Snapshot {
        #[command(flatten)]
        root: Root,
        /// What the snapshot is, e.g. "Sơ kết năm 2024"
        #[arg(long)]
        label: String,
        /// Put an unguessable token in the folder name and leave it off the snapshot list
        #[arg(long)]
        unlisted: bool,
    },
    /// Make the year's report: a PDF printed by headless Chromium, an editable Word file, or both
    #[command(group = clap::ArgGroup::new("output").required(true).multiple(true).args(["pdf", "docx"]))]
    Booklet {
        #[command(flatten)]
        root: Root,
        /// The year of the review
        #[arg(long)]
        year: i32,
        /// Where to write the PDF
        #[arg(long)]
        pdf: Option<PathBuf>,
        /// Where to write the Word file (.docx), made without Chromium
        #[arg(long)]
        docx: Option<PathBuf>,
        /// The Chromium to print with (default: KIEUMAU_CHROMIUM, then chromium on PATH)
        #[arg(long)]
        chromium: Option<PathBuf>,
        /// Give up printing after this many seconds
        #[arg(long, default_value_t = 300)]
        timeout: u64,
    },
    /// Write sheets of one year's assessments (CSV or XLSX, the format of data/scores-<year>.csv)
    /// or a branch register into the branch files; all or nothing
    Import {
        #[command(flatten)]
        root: Root,
        /// The sheets: .csv (comma or semicolon separated) or .xlsx workbooks
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The year of the assessments in the sheets (a branch register needs none)
        #[arg(long)]
        year: Option<i32>,
        /// Show what would change, write nothing
        #[arg(long)]
        dry_run: bool,
        /// The workbook's sheet to read (default: the first)
        #[arg(long)]
        sheet: Option<String>,
    },
    /// Write one collection workbook per district for the year, to fill in and import back
    Forms {
        #[command(flatten)]
        root: Root,
        /// The year of the assessments to collect
        #[arg(long)]
        year: i32,
        /// Only this district (its slug or name)
        #[arg(long)]
        district: Option<String>,
        /// The folder to write the workbooks into (default: <root>/forms)
        #[arg(long)]
        out: Option<PathBuf>,
        /// Overwrite workbooks in the folder that differ from the new ones
        #[arg(long)]
        force: bool,
    },
    /// Create a new site with a small example in DIR (which must be empty or absent)
    Init {
        #[command(flatten)]
        root: Root,
        /// The new site's folder (relative to --root)
        dir: Option<PathBuf>,
    },
    /// Explain a diagnostic code (e.g. KM0101): what it means and how to fix it
    Explain {
        /// The code, as shown in the report of `kieumau check`
        code: String,
    },
}

/// The language of this run, known before the command line is parsed (so that `--help` speaks
/// it): `--lang`, `KIEUMAU_LANG`, the `language` of the site at `--root`, then `LANG`.
fn choose_lang(args: &[std::ffi::OsString]) -> Lang {
    let value = |name: &str| {
        let eq = format!("{name}=");
        args.iter().enumerate().find_map(|(i, a)| {
            let a = a.to_str()?;
            if a == name {
                args.get(i + 1).and_then(|v| v.to_str()).map(str::to_string)
            } else {
                a.strip_prefix(&eq).map(str::to_string)
            }
        })
    };
    let flag = value("--lang").as_deref().and_then(Lang::parse);
    let root = PathBuf::from(value("--root").unwrap_or_else(|| ".".to_string()));
    let site = std::fs::read_to_string(root.join("content/site.toml"))
        .ok()
        .and_then(|t| t.parse::<toml::Table>().ok())
        .and_then(|t| t.get("language").and_then(|l| l.as_str()).and_then(Lang::parse));
    messages::resolve_lang(flag, site)
}

/// `kieumau explain CODE`: the explanation with its example, or a usage error naming the nearest codes.
fn explain(code: &str) -> u8 {
    match messages::code(code) {
        Some(c) => {
            println!("{}", msg!("explain-heading", code = c.code, message = messages::text(c.explain, &[])));
            0
        }
        None => {
            let nearest = messages::codes::nearest(code, 3).join(", ");
            eprintln!("{}", msg!("explain-usage", code = code, nearest = nearest));
            2
        }
    }
}

/// Reports a failed command and gives its exit code.
/// `--base-url`: the same rule as `base_url` in site.toml; anything else is a usage error.
fn base_url_arg(s: &str) -> Result<String, String> {
    if kieumau::domain::rules::base_url_ok(s) {
        Ok(s.to_string())
    } else {
        Err(format!("{}\n{}", msg!("bad-base-url", value = s), msg!("bad-base-url-hint")))
    }
}

fn failed(failure: Failure, diags: &Diagnostics) -> u8 {
    match failure {
        Failure::Content => {
            eprintln!("{}", msg!("failed-content", summary = summary_line(diags)));
            1
        }
        Failure::Theme(msg) => {
            eprintln!("{}", msg!("failed-theme", message = msg));
            1
        }
        Failure::Io(msg) => {
            eprintln!("{}", msg!("failed-io", message = msg));
            2
        }
    }
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
    msg!("summary-counts", errors = diags.error_count(), warnings = diags.warning_count())
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = choose_lang(&args);
    messages::set_lang(lang);
    let matches = match messages::cli::localize(Cli::command(), lang).try_get_matches_from(args) {
        Ok(m) => m,
        Err(e) => match messages::cli::error_text(&e) {
            // A wrong command line: said in the run's language, exit 2.
            Some(text) => {
                eprintln!("{text}");
                return ExitCode::from(2);
            }
            None => e.exit(),
        },
    };
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let code = match cli.command {
        Command::Check { root, strict, format } => {
            let mut diags = Diagnostics::new();
            let ok = kieumau::check(&root.root, strict, &mut diags).is_some();
            print_diags(&diags, format);
            if matches!(format, Format::Human) {
                let summary = summary_line(&diags);
                eprintln!(
                    "{}",
                    if ok { msg!("check-ok", summary = summary) } else { msg!("check-failed", summary = summary) }
                );
            }
            if ok { 0 } else { 1 }
        }
        Command::Build { root, output, base_url, force } => {
            let mut opts = BuildOptions::new(&root.root);
            if let Some(o) = output {
                opts.output = o;
            }
            opts.base_url = base_url;
            opts.force = force;
            let mut diags = Diagnostics::new();
            let result = kieumau::build(&opts, &mut diags);
            print_diags(&diags, Format::Human);
            match result {
                Ok(s) => {
                    let unchanged = if s.reuse.carried > 0 {
                        msg!("build-unchanged", written = s.reuse.written, carried = s.reuse.carried)
                    } else {
                        String::new()
                    };
                    let problems =
                        if diags.is_empty() { String::new() } else { format!(" ({})", summary_line(&diags)) };
                    eprintln!(
                        "{}",
                        msg!(
                            "build-done",
                            pages = s.pages,
                            charts = s.charts,
                            files = s.files,
                            unchanged = unchanged,
                            elapsed = format!("{:.2?}", s.elapsed),
                            output = &opts.output,
                            problems = problems,
                        )
                    );
                    0
                }
                Err(f) => failed(f, &diags),
            }
        }
        Command::Serve { root, port, bind, output } => {
            let mut build = BuildOptions::new(&root.root);
            if let Some(o) = output {
                build.output = o;
            }
            let diags = Diagnostics::new();
            match kieumau::commands::serve::run(kieumau::commands::serve::ServeOptions { build, bind, port }) {
                Ok(()) => 0,
                Err(f) => failed(f, &diags),
            }
        }
        Command::Snapshot { root, label, unlisted } => {
            let opts = BuildOptions::new(&root.root);
            let mut diags = Diagnostics::new();
            let result = kieumau::commands::snapshot::create(&opts, &label, unlisted, &mut diags);
            print_diags(&diags, Format::Human);
            match result {
                Ok(kieumau::commands::snapshot::Outcome::Created(s, link)) => {
                    eprintln!("{}", msg!("snapshot-created", id = &s.id, label = &s.manifest.label, link = link));
                    0
                }
                Ok(kieumau::commands::snapshot::Outcome::Existing(s, link)) => {
                    eprintln!("{}", msg!("snapshot-existing", id = &s.id, label = &s.manifest.label, link = link));
                    if label != s.manifest.label {
                        eprintln!("{}", msg!("snapshot-label-not-used", asked = &label, label = &s.manifest.label));
                    }
                    0
                }
                Err(f) => failed(f, &diags),
            }
        }
        Command::Booklet { root, year, pdf, docx, chromium, timeout } => {
            let opts = BuildOptions::new(&root.root);
            let year_text = year.to_string();
            let mut code = 0;
            // A file made: its line; a failure: its message and code.
            let finish = |result: Result<String, Failure>, diags: &Diagnostics| match result {
                Ok(line) => {
                    eprintln!("{line}");
                    0
                }
                Err(f) => failed(f, diags),
            };
            // The Word file first: it takes seconds, the PDF minutes.
            if let Some(docx) = &docx {
                let mut diags = Diagnostics::new();
                let result = kieumau::commands::word::booklet_docx(&opts, year, docx, &mut diags);
                print_diags(&diags, Format::Human);
                let line = result.map(|elapsed| {
                    let elapsed = format!("{elapsed:.1?}");
                    msg!("booklet-docx-written", year = &year_text, docx = docx, elapsed = elapsed)
                });
                code = finish(line, &diags);
            }
            if let Some(pdf) = pdf.filter(|_| code == 0) {
                let mut diags = Diagnostics::new();
                let timeout = std::time::Duration::from_secs(timeout);
                let result =
                    kieumau::commands::print::booklet_pdf(&opts, year, &pdf, chromium.as_deref(), timeout, &mut diags);
                // The Word file's run has reported the content's warnings already.
                if docx.is_none() || diags.has_errors() {
                    print_diags(&diags, Format::Human);
                }
                let line = result.map(|p| {
                    let elapsed = format!("{:.1?}", p.elapsed);
                    msg!("booklet-printed", year = &year_text, pdf = &pdf, elapsed = elapsed)
                });
                code = finish(line, &diags);
            }
            code
        }
        Command::Import { root, files, year, dry_run, sheet } => {
            kieumau::commands::import::run(&kieumau::commands::import::Options {
                root: root.root,
                files,
                year,
                dry_run,
                sheet,
            })
        }
        Command::Forms { root, year, district, out, force } => {
            kieumau::commands::forms::run(&kieumau::commands::forms::Options {
                root: root.root,
                year,
                district,
                out,
                force,
            })
        }
        Command::Init { root, dir } => kieumau::commands::init::run(&root.root, dir.as_deref()),
        Command::Explain { code } => explain(&code),
    };
    let _ = std::io::stdout().flush();
    ExitCode::from(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_and_argument_has_its_help_in_both_languages() {
        for lang in [Lang::Vi, Lang::En] {
            let missing = messages::cli::missing_help(&Cli::command(), lang);
            assert!(missing.is_empty(), "{lang:?} catalogue lacks {missing:?}");
            // clap's own consistency checks, on the command line as localized.
            messages::cli::localize(Cli::command(), lang).debug_assert();
        }
    }
}
