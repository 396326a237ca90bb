//! Seeded generator of kieumau content folders.
//!
//! Writes a complete `content/` folder in the format of SPEC.md section 2: `site.toml`, the
//! criteria frameworks, one folder per district-level committee with its branches, the yearly
//! review narratives and a few notes.
//!
//! ```text
//! # the realistic Thái Bình sample shipped in the repository (about 1,500 branches, 2022-2025)
//! cargo run --release --example generate -- --sample --out /tmp/sample --force
//!
//! # a synthetic dataset of any size, e.g. for benchmarks
//! cargo run --release --example generate -- --districts 60 --branches 50000 \
//!     --years 2022-2025 --out /tmp/g50k --force
//! ```
//!
//! Options:
//! - `--out DIR` (required): the site folder; the generator writes `DIR/content/`. It refuses a
//!   non-empty `DIR` unless `--force` is given, which removes `DIR/content` first (and nothing else).
//! - `--seed N` (default 2022): the same seed and options give byte-identical files.
//! - `--districts N`, `--branches M` (total, spread over the districts), `--years A-B`: the size of
//!   a synthetic dataset. `--sample` ignores them (the sample covers 2022-2025).
//! - `--sample`: the Thái Bình sample: the 13 district-level committees, realistic (made-up) names,
//!   branch types, pilots, vetoes, gaps and narratives. No real person is named.
//!
//! How the data is simulated: every branch has a latent quality; each year a target percentage is
//! drawn from the district's level and trend, the branch's quality and pilot status, and every
//! applicable criterion is scored around it (multiples of 0.25 or 0.5, within `0..=max`). The
//! rating follows the total with some committee discretion; each district then rates its best
//! good branches "excellent" within a yearly quota (HTXSNV about 15% of HTTNV). Model status is
//! computed exactly as kieumau does (total >= 90% of the type's maximum, good rating, every
//! minimum met, no veto) so the review narratives quote the same figures the site will show.
//!
//! Planted in the sample so that the report has something to flag: Quỳnh Phụ and Tiền Hải stay
//! below 90% good-or-better; Hưng Hà and the military committee exceed the 20% excellent cap;
//! Hưng Hà has no enterprise pilot, Tiền Hải no public-service pilot, the provincial agencies
//! bloc four agency pilots; a few branches start a year late, miss a year or have a veto.
//!
//! Determinism: each district draws from its own ChaCha8 stream (seed, district index), so the
//! output does not depend on thread scheduling; everything is iterated in a fixed order.

mod districts;
mod names;
mod notes;
mod plan;
mod reviews;
mod scores;
mod synthetic;
mod vocabulary;
mod write;

use districts::*;
use names::*;
use notes::*;
use plan::*;
use reviews::*;
use scores::*;
use synthetic::*;
use vocabulary::*;
use write::*;

use clap::Parser;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Instant;

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

/// Generate a kieumau `content/` folder (sample or synthetic), deterministically from a seed.
#[derive(Parser, Debug)]
#[command(about, long_about = None)]
struct Args {
    /// Site folder; the content is written to DIR/content.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Remove DIR/content first and write even if DIR is not empty.
    #[arg(long)]
    force: bool,
    /// Random seed.
    #[arg(long, default_value_t = 2022)]
    seed: u64,
    /// Number of district-level committees (synthetic mode).
    #[arg(long, default_value_t = 10)]
    districts: usize,
    /// Total number of branches, spread over the districts (synthetic mode).
    #[arg(long, default_value_t = 1000)]
    branches: usize,
    /// Years assessed, e.g. 2022-2025 (synthetic mode).
    #[arg(long, value_parser = parse_years, value_name = "A-B")]
    years: Option<Years>,
    /// Write the realistic Thái Bình sample instead of synthetic data.
    #[arg(long)]
    sample: bool,
}

/// An inclusive range of years.
#[derive(Clone, Copy, Debug)]
struct Years {
    first: u16,
    last: u16,
}

impl Years {
    fn len(self) -> usize {
        usize::from(self.last - self.first) + 1
    }
    fn iter(self) -> impl Iterator<Item = u16> {
        self.first..=self.last
    }
}

fn parse_years(s: &str) -> Result<Years, String> {
    let (a, b) = s.split_once('-').ok_or("expected A-B, e.g. 2022-2025")?;
    let first: u16 = a.trim().parse().map_err(|_| format!("bad year {a:?}"))?;
    let last: u16 = b.trim().parse().map_err(|_| format!("bad year {b:?}"))?;
    if !(1900..=2200).contains(&first) || last < first || last - first > 50 {
        return Err("expected 1900 <= A <= B <= A + 50".into());
    }
    Ok(Years { first, last })
}

fn main() {
    let args = Args::parse();
    if let Err(e) = run(&args) {
        eprintln!("error: {e}");
        std::process::exit(2);
    }
}

fn run(args: &Args) -> io::Result<()> {
    let started = Instant::now();
    if !args.sample && (args.districts == 0 || args.branches < args.districts) {
        return Err(io::Error::other("need --districts >= 1 and --branches >= --districts"));
    }
    let content = prepare_out(&args.out, args.force)?;
    let ctx = if args.sample {
        if args.years.is_some() {
            eprintln!("note: --sample always covers 2022-2025; --years is ignored");
        }
        sample_context(args.seed)
    } else {
        let years = args.years.unwrap_or(Years { first: 2022, last: 2025 });
        synthetic_context(args.seed, args.districts, args.branches, years)
    };
    let results = generate(&ctx, &content)?;
    let elapsed = started.elapsed();
    print_summary(&ctx, &results);
    eprintln!("wrote {} in {:.2}s", content.display(), elapsed.as_secs_f64());
    Ok(())
}

/// Checks the output folder and returns `DIR/content`, removed first under `--force`.
fn prepare_out(out: &Path, force: bool) -> io::Result<PathBuf> {
    let content = out.join("content");
    if out.exists() {
        let non_empty = fs::read_dir(out)?.next().is_some();
        if non_empty && !force {
            return Err(io::Error::other(format!(
                "{} is not empty; use --force to replace {}",
                out.display(),
                content.display()
            )));
        }
        if content.exists() {
            fs::remove_dir_all(&content)?;
        }
    }
    fs::create_dir_all(&content)?;
    Ok(content)
}

// ---------------------------------------------------------------------------------------------
// Summary and utilities
// ---------------------------------------------------------------------------------------------

fn print_summary(ctx: &Ctx, results: &[DistrictResult]) {
    let branches: usize = results.iter().map(|r| r.branches_per_type.iter().sum::<usize>()).sum();
    let gaps: usize = results.iter().map(|r| r.gaps).sum();
    let new: usize = results.iter().map(|r| r.new_branches).sum();
    let vetoed: usize = results.iter().map(|r| r.vetoed).sum();
    eprintln!(
        "{} districts, {branches} branches ({new} new after the first year, {gaps} with a gap, \
         {vetoed} with a veto)",
        ctx.districts.len()
    );
    for (k, year) in ctx.years.iter().enumerate() {
        let t = province_totals(results, k);
        let below = results.iter().filter(|r| pct_value(r.years[k].good(), r.years[k].branches) < 90.0).count();
        eprintln!(
            "{year}: {} assessed, good-or-better {:.1}%, model {:.1}%, HTXSNV/HTTNV {:.1}%, \
             {below} districts below 90%",
            t.branches,
            pct_value(t.good(), t.branches),
            pct_value(t.model, t.branches),
            pct_value(t.ratings[HTXSNV], t.ratings[HTTNV]),
        );
    }
}
