//! Criterion benchmarks of kieumau's hot functions (issue 5), through the public library API.
//!
//! ```text
//! cargo bench --bench hot -- --warm-up-time 1 --measurement-time 3     # about 2 minutes
//! cargo bench --bench hot -- validate                                  # only names matching "validate"
//! ```
//!
//! Two sites: `fixture` (tests/fixtures/valid, a handful of branches) and `gen2000`, a synthetic
//! site of 2,000 branches in 60 districts, 2022-2025, written into a temporary folder by the
//! seeded generator (`target/release/examples/generate`, built with
//! `cargo build --release --example generate` when it is missing).
//!
//! Groups:
//! - `load_validate`: `validate::content` (find, read, parse and check every file) and
//!   `kieumau::check` (the same plus scoring, aggregating and the warnings) on a whole site; the
//!   throughput is in branches, so criterion's `thrpt` is branches per second (per-branch time is
//!   its inverse);
//! - `score_aggregate`: `score::score_branch` over every branch, and `aggregate::aggregate`;
//! - `render`: one branch page (both sites), one district page and the home page (gen2000) through
//!   `render::pages::Renderer`: view building, charts, template and the file write into a
//!   temporary folder (on /dev/shm when it exists);
//! - `chart`: one chart of each kind, at the sizes pages use (60 districts, 4 years, 13 criteria).
//!
//! Reports go to target/criterion/ (HTML in target/criterion/report/index.html).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use kieumau::build::write::Output;
use kieumau::build::{BuildOptions, Checked};
use kieumau::content::diag::Diagnostics;
use kieumau::content::validate;
use kieumau::domain::{aggregate, score};
use kieumau::report::chart::{self, ChartText, Series, TargetLine};
use kieumau::report::pages::Renderer;
use kieumau::report::theme::Theme;

const BRANCHES: usize = 2000;
const DISTRICTS: usize = 60;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The generator example, built when missing.
fn generator() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| manifest_dir().join("target"), PathBuf::from);
    let exe = target.join("release/examples/generate");
    if !exe.exists() {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let status = Command::new(cargo)
            .args(["build", "--release", "--example", "generate"])
            .current_dir(manifest_dir())
            .status()
            .expect("cannot run cargo to build the generator");
        assert!(status.success(), "cargo build --release --example generate failed");
    }
    exe
}

/// A generated site of `BRANCHES` branches in a temporary folder (removed when dropped).
fn generated_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("cannot make a temporary folder");
    let out = Command::new(generator())
        .args(["--districts", &DISTRICTS.to_string(), "--branches", &BRANCHES.to_string()])
        .args(["--years", "2022-2025", "--force", "--out"])
        .arg(dir.path())
        .output()
        .expect("cannot run the generator");
    assert!(out.status.success(), "the generator failed: {}", String::from_utf8_lossy(&out.stderr));
    dir
}

fn fixture_site() -> PathBuf {
    manifest_dir().join("tests/fixtures/valid")
}

fn branch_count(checked: &Checked) -> usize {
    checked.content.districts.iter().map(|d| d.branches.len()).sum()
}

fn checked(root: &Path) -> Checked {
    let mut diags = Diagnostics::new();
    kieumau::check(root, false, &mut diags).unwrap_or_else(|| panic!("{} does not check", root.display()))
}

fn load_validate(c: &mut Criterion, sites: &[(&str, &Path, usize)]) {
    let mut g = c.benchmark_group("load_validate");
    g.sample_size(10).sampling_mode(SamplingMode::Flat);
    for &(name, root, branches) in sites {
        g.throughput(Throughput::Elements(branches as u64));
        g.bench_with_input(BenchmarkId::new("validate_content", name), root, |b, root| {
            b.iter(|| {
                let mut diags = Diagnostics::new();
                black_box(validate::content(root, &mut diags))
            })
        });
        g.bench_with_input(BenchmarkId::new("check", name), root, |b, root| {
            b.iter(|| {
                let mut diags = Diagnostics::new();
                black_box(kieumau::check(root, false, &mut diags))
            })
        });
    }
    g.finish();
}

fn score_aggregate(c: &mut Criterion, sites: &[(&str, &Checked)]) {
    let mut g = c.benchmark_group("score_aggregate");
    g.sample_size(20);
    for &(name, ch) in sites {
        let content = &ch.content;
        g.throughput(Throughput::Elements(branch_count(ch) as u64));
        g.bench_function(BenchmarkId::new("score_branch_all", name), |b| {
            b.iter(|| {
                for d in &content.districts {
                    for br in &d.branches {
                        black_box(score::score_branch(&content.site, &content.frameworks, br));
                    }
                }
            })
        });
        g.bench_function(BenchmarkId::new("aggregate", name), |b| b.iter(|| black_box(aggregate::aggregate(content))));
    }
    g.finish();
}

fn render(c: &mut Criterion, sites: &[(&str, &Path, &Checked)]) {
    let mut g = c.benchmark_group("render");
    g.sample_size(20);
    // On tmpfs when there is one, so that the disk's write-back does not show in the numbers.
    let shm = Path::new("/dev/shm");
    let tmp = if shm.is_dir() { tempfile::tempdir_in(shm) } else { tempfile::tempdir() }.expect("temporary folder");
    for (i, &(name, root, ch)) in sites.iter().enumerate() {
        let site = &ch.content.site;
        let theme = Theme::for_site(root, site).expect("theme");
        let opts = BuildOptions::new(root);
        let out = Output::begin(&tmp.path().join(format!("out-{i}"))).expect("output folder");
        let r = Renderer::new(ch, &theme, opts.report());
        let di = (0..ch.content.districts.len()).max_by_key(|&di| ch.content.districts[di].branches.len()).unwrap_or(0);
        let year = ch.agg.latest_year().or(ch.agg.years.last().copied()).unwrap_or(site.first_year);
        g.bench_function(BenchmarkId::new("branch_page", name), |b| {
            b.iter(|| r.branch_page(&out, di, 0, "00000000").expect("branch page"))
        });
        if name != "fixture" {
            g.bench_function(BenchmarkId::new("district_page", name), |b| {
                b.iter(|| r.district_page(&out, di, "00000000").expect("district page"))
            });
            g.bench_function(BenchmarkId::new("home_page", name), |b| {
                b.iter(|| r.year_page(&out, year, true).expect("home page"))
            });
        }
        out.abort();
    }
    g.finish();
}

fn charts(c: &mut Criterion) {
    let text = ChartText::vi();
    let districts: Vec<String> = (1..=DISTRICTS).map(|i| format!("Huyện số {i}")).collect();
    let pct = |i: usize| Some(60.0 + ((i * 37) % 40) as f64 + 0.5);
    let values: Vec<Option<f64>> = (0..DISTRICTS).map(pct).collect();
    let target = TargetLine { label: "Chỉ tiêu 2025".into(), value: 90.0 };
    let ratings: Vec<String> = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"].map(String::from).to_vec();
    let counts: Vec<Vec<u32>> =
        (0..DISTRICTS).map(|i| vec![3 + i as u32 % 4, 20 + i as u32 % 9, 4, i as u32 % 2]).collect();
    let types: Vec<String> =
        ["Khu dân cư", "Cơ quan", "Đơn vị sự nghiệp", "Lực lượng vũ trang", "Doanh nghiệp"].map(String::from).to_vec();
    let heat: Vec<Vec<Option<f64>>> = (0..DISTRICTS)
        .map(|i| (0..types.len()).map(|j| if (i + j) % 7 == 0 { None } else { pct(i + j) }).collect())
        .collect();
    let years = [2022, 2023, 2024, 2025];
    let series: Vec<Series> = types
        .iter()
        .enumerate()
        .map(|(j, t)| Series { name: t.clone(), values: years.iter().map(|&y| pct(j + y as usize)).collect() })
        .collect();
    let targets = [target.clone(), TargetLine { label: "Kiểu mẫu".into(), value: 20.0 }];
    let criteria: Vec<String> = (1..=13).map(|i| format!("{}.{}", 1 + i / 3, 1 + i % 3)).collect();
    let maxima: Vec<f64> = (0..13).map(|i| [10.0, 7.5, 5.0, 12.5][i % 4]).collect();
    let scores: Vec<f64> = maxima.iter().enumerate().map(|(i, m)| m * (0.6 + (i % 4) as f64 / 10.0)).collect();

    let mut g = c.benchmark_group("chart");
    g.bench_function("percent_bars_60", |b| {
        b.iter(|| chart::percent_bars("Tỷ lệ tốt trở lên", &districts, &values, Some(&target), &text))
    });
    g.bench_function("stacked_shares_60x4", |b| {
        b.iter(|| chart::stacked_shares("Xếp loại theo đơn vị", &districts, &ratings, &counts, &text))
    });
    g.bench_function("heat_map_60x5", |b| {
        b.iter(|| chart::heat_map("Tỷ lệ kiểu mẫu", &districts, &types, &heat, &text))
    });
    g.bench_function("trend_lines_4x5", |b| {
        b.iter(|| chart::trend_lines("Xu hướng theo loại hình", &years, &series, &targets, &text))
    });
    g.bench_function("scores_vs_max_13", |b| {
        b.iter(|| chart::scores_vs_max("Điểm theo tiêu chí", &criteria, &scores, &maxima, &text))
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    let fixture = fixture_site();
    let generated = generated_site();
    let fixture_checked = checked(&fixture);
    let gen_checked = checked(generated.path());
    let fixture_n = branch_count(&fixture_checked);
    let gen_n = branch_count(&gen_checked);
    eprintln!("sites: fixture {fixture_n} branches, gen2000 {gen_n} branches (per-branch time = 1 / thrpt)");

    load_validate(c, &[("fixture", &fixture, fixture_n), ("gen2000", generated.path(), gen_n)]);
    score_aggregate(c, &[("fixture", &fixture_checked), ("gen2000", &gen_checked)]);
    render(c, &[("fixture", &fixture, &fixture_checked), ("gen2000", generated.path(), &gen_checked)]);
    charts(c);
}

criterion_group! {
    name = hot;
    // Fewer bootstrap resamples than the default 100,000 keep the whole run near two minutes.
    config = Criterion::default().nresamples(20_000);
    targets = benches
}
criterion_main!(hot);
