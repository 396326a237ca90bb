//! Driving the generation and the TOML writers.

use crate::*;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Writes every file; districts run on all cores, each from its own random stream.
pub(crate) fn generate(ctx: &Ctx, content: &Path) -> io::Result<Vec<DistrictResult>> {
    fs::write(content.join("site.toml"), site_toml(ctx))?;
    let criteria_dir = content.join("criteria");
    fs::create_dir_all(&criteria_dir)?;
    for fw in &ctx.frameworks {
        fs::write(criteria_dir.join(format!("{}.toml", fw.year)), criteria_toml(fw))?;
    }

    let n = ctx.districts.len();
    let next = AtomicUsize::new(0);
    let slots: Mutex<Vec<Option<io::Result<DistrictResult>>>> = Mutex::new((0..n).map(|_| None).collect());
    let threads = std::thread::available_parallelism().map_or(1, |t| t.get()).min(n);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    let result = district(ctx, i, content);
                    if let Ok(mut slots) = slots.lock() {
                        slots[i] = Some(result);
                    }
                }
            });
        }
    });
    let slots = slots.into_inner().map_err(|_| io::Error::other("worker panicked"))?;
    let results = slots
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err(io::Error::other("district not generated"))))
        .collect::<io::Result<Vec<_>>>()?;

    let reviews = content.join("reviews");
    fs::create_dir_all(&reviews)?;
    for (k, year) in ctx.years.iter().enumerate() {
        fs::write(reviews.join(format!("{year}.md")), review_md(ctx, &results, k))?;
    }
    Ok(results)
}

/// Plans, simulates and writes one district.
pub(crate) fn district(ctx: &Ctx, index: usize, content: &Path) -> io::Result<DistrictResult> {
    let spec = &ctx.districts[index];
    let mut rng = ChaCha8Rng::seed_from_u64(ctx.seed);
    rng.set_stream(index as u64 + 1);
    let owned;
    let seeds: &[BranchSeed] = match &spec.source {
        Source::Planned(seeds) => seeds,
        Source::Synthetic { count } => {
            owned = synthetic_seeds(&mut rng, spec, *count);
            &owned
        }
    };
    let mut branches = make_branches(&mut rng, seeds, ctx.years, ctx.sample);
    choose_pilots(&mut rng, spec, &mut branches, ctx.years);

    let dir = content.join("districts").join(&spec.slug);
    fs::create_dir_all(&dir)?;
    fs::write(dir.join("district.toml"), district_toml(spec))?;

    let mut result = DistrictResult {
        years: vec![YearStats::default(); ctx.years.len()],
        pilots_per_type: [0; 5],
        pilots_later: 0,
        branches_per_type: [0; 5],
        gaps: 0,
        new_branches: 0,
        vetoed: 0,
    };
    // (quality of the last year's result, branch index) of pilots, for the notes.
    let mut showcase: Vec<(u64, usize)> = Vec::new();
    let mut text = String::with_capacity(4096);
    let mut all: Vec<Vec<Assessment>> = branches
        .iter()
        .map(|b| {
            ctx.years.iter().filter(|&y| b.assessed(y)).map(|y| assess(&mut rng, ctx, spec.tuning, b, y)).collect()
        })
        .collect();
    award_excellent(&mut rng, ctx, spec.tuning, &mut all);
    for (bi, (b, assessments)) in branches.iter().zip(&all).enumerate() {
        tally(ctx, &mut result, b, assessments);
        let last_model = assessments.last().filter(|a| a.model);
        if let (Some(_), Some(last)) = (b.pilot, last_model) {
            showcase.push((last.pct_x100, bi));
        }
        text.clear();
        branch_toml(&mut text, ctx, b, assessments);
        fs::write(dir.join(format!("{}.toml", b.slug)), text.as_bytes())?;
    }
    write_notes(ctx, spec, &result, &branches, &mut showcase, &dir)?;
    Ok(result)
}

/// Adds one branch to the district's figures.
pub(crate) fn tally(ctx: &Ctx, r: &mut DistrictResult, b: &Branch, assessments: &[Assessment]) {
    let ty = b.seed.ty;
    r.branches_per_type[ty] += 1;
    if let Some(year) = b.pilot {
        r.pilots_per_type[ty] += 1;
        r.pilots_later += usize::from(year > ctx.years.first);
    }
    r.gaps += usize::from(b.gap.is_some());
    r.new_branches += usize::from(b.start > ctx.years.first);
    r.vetoed += usize::from(assessments.iter().any(|a| !a.vetoes.is_empty()));
    let level = usize::from(b.seed.parent.is_some());
    for a in assessments {
        let s = &mut r.years[usize::from(a.year - ctx.years.first)];
        let pilot = b.pilot.is_some_and(|p| a.year >= p);
        let good = RATINGS[a.rating].2;
        s.branches += 1;
        s.ratings[a.rating] += 1;
        s.model += u32::from(a.model);
        s.pilots += u32::from(pilot);
        s.pilots_model += u32::from(pilot && a.model);
        s.vetoed += u32::from(!a.vetoes.is_empty());
        s.pct_sum += a.pct_x100;
        s.by_level[level].0 += 1;
        s.by_level[level].1 += u32::from(a.model);
        s.by_type[ty].0 += 1;
        s.by_type[ty].1 += u32::from(good);
        s.by_type[ty].2 += u32::from(a.model);
    }
}

// ---------------------------------------------------------------------------------------------
// TOML writers
// ---------------------------------------------------------------------------------------------

/// A TOML basic string.
pub(crate) fn q(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(o, "\\u{:04X}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// Hundredths as a TOML number without trailing zeros: 900 -> `9`, 850 -> `8.5`, 825 -> `8.25`.
pub(crate) fn num(h: u32) -> String {
    let (int, frac) = (h / 100, h % 100);
    match frac {
        0 => int.to_string(),
        f if f % 10 == 0 => format!("{int}.{}", f / 10),
        f => format!("{int}.{f:02}"),
    }
}

pub(crate) fn site_toml(ctx: &Ctx) -> String {
    let mut s = String::new();
    let cmd = if ctx.sample {
        format!("--sample --seed {}", ctx.seed)
    } else {
        format!(
            "--districts {} --branches {} --years {}-{} --seed {}",
            ctx.districts.len(),
            ctx.districts
                .iter()
                .map(|d| match d.source {
                    Source::Synthetic { count } => count,
                    Source::Planned(ref v) => v.len(),
                })
                .sum::<usize>(),
            ctx.years.first,
            ctx.years.last,
            ctx.seed
        )
    };
    if ctx.sample {
        s.push_str(
            "# DỮ LIỆU MẪU (sample data): generated by examples/generate.rs, not real figures.\n\
             # Units, places and branches are made up or used only as plausible examples;\n\
             # no real person is named.\n",
        );
    } else {
        s.push_str("# DỮ LIỆU TỔNG HỢP (synthetic data) generated by examples/generate.rs.\n");
    }
    let _ = writeln!(s, "# Regenerate: cargo run --release --example generate -- {cmd} --out DIR\n");
    let title = "Xây dựng mô hình chi bộ kiểu mẫu";
    let _ = writeln!(s, "title = {}", q(title));
    let _ = writeln!(s, "organisation = {}", q(&ctx.organisation));
    s.push_str("language = \"vi\"\nbase_url = \"\"\n");
    let _ = writeln!(s, "first_year = {}", ctx.years.first);
    let _ = writeln!(s, "target_year = {}", ctx.years.last);
    for (code, name, good) in RATINGS {
        let _ = write!(s, "\n[[ratings]]\ncode = {}\nname = {}\ngood = {good}\n", q(code), q(name));
    }
    for t in &TYPES {
        let subs: Vec<String> =
            t.subtypes.iter().map(|(slug, name)| format!("{{ slug = {}, name = {} }}", q(slug), q(name))).collect();
        let _ = write!(
            s,
            "\n[[branch_types]]\nslug = {}\nname = {}\nsubtypes = [{}]\n",
            q(t.slug),
            q(t.name),
            subs.join(", ")
        );
    }
    s.push_str(&targets_toml(ctx.sample));
    s.push_str("\n[pilots]\nper_type = [1, 3]\n");
    s.push_str("\n[excellent_cap]\nrating = \"HTXSNV\"\nof = \"HTTNV\"\nmax_pct = 20\n");
    s
}

pub(crate) fn targets_toml(sample: bool) -> String {
    let mut targets = vec![
        ("Tỷ lệ chi bộ hoàn thành tốt nhiệm vụ trở lên", "good_or_better", "district", "at_least = 90", None),
        ("Tỷ lệ chi bộ đạt chuẩn kiểu mẫu toàn tỉnh", "model", "province", "more_than = 20", None),
    ];
    if sample {
        targets.push(("Tỷ lệ chi bộ cơ sở đạt chuẩn kiểu mẫu", "model", "district", "at_least = 50", Some("co-so")));
        targets.push((
            "Tỷ lệ chi bộ trực thuộc đạt chuẩn kiểu mẫu",
            "model",
            "district",
            "at_least = 20",
            Some("truc-thuoc"),
        ));
    }
    let mut s = String::new();
    for (name, metric, scope, threshold, level) in targets {
        let _ =
            write!(s, "\n[[targets]]\nname = {}\nmetric = {}\nscope = {}\n{threshold}\n", q(name), q(metric), q(scope));
        if let Some(level) = level {
            let _ = writeln!(s, "level = {}", q(level));
        }
    }
    s
}

pub(crate) fn criteria_toml(fw: &Framework) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Khung tiêu chí áp dụng từ năm {} (dữ liệu mẫu, generated by examples/generate.rs)", fw.year);
    let _ = writeln!(s, "model_min_pct = {MODEL_MIN_PCT}");
    s.push_str("model_ratings = [\"HTXSNV\", \"HTTNV\"]\n");
    for (id, name) in fw.groups {
        let _ = write!(s, "\n[[groups]]\nid = {}\nname = {}\n", q(id), q(name));
    }
    for c in &fw.criteria {
        let _ = write!(
            s,
            "\n[[criteria]]\nid = {}\ngroup = {}\ntitle = {}\nmax = {}\n",
            q(c.id),
            q(c.group),
            q(c.title),
            num(c.max)
        );
        if let Some(min) = c.min {
            let _ = writeln!(s, "min = {}", num(min));
        }
        if !c.types.is_empty() {
            let types: Vec<String> = c.types.iter().map(|&t| q(TYPES[t].slug)).collect();
            let _ = writeln!(s, "types = [{}]", types.join(", "));
        }
    }
    for (id, title) in fw.vetoes {
        let _ = write!(s, "\n[[vetoes]]\nid = {}\ntitle = {}\n", q(id), q(title));
    }
    s
}

pub(crate) fn district_toml(spec: &DistrictSpec) -> String {
    format!("name = {}\nkind = {}\norder = {}\n", q(&spec.name), q(spec.kind), spec.order)
}

pub(crate) fn branch_toml(s: &mut String, ctx: &Ctx, b: &Branch, assessments: &[Assessment]) {
    let seed = b.seed;
    let ty = &TYPES[seed.ty];
    let _ = writeln!(s, "name = {}", q(&seed.name));
    let _ = writeln!(s, "type = {}", q(ty.slug));
    let _ = writeln!(s, "subtype = {}", q(seed.subtype));
    match &seed.parent {
        Some(p) => {
            s.push_str("level = \"truc-thuoc\"\n");
            let _ = writeln!(s, "parent = {}", q(&p.name));
        }
        None => s.push_str("level = \"co-so\"\n"),
    }
    let _ = writeln!(s, "members = {}", b.members);
    if let Some(year) = b.pilot {
        let _ = writeln!(s, "pilot = {year}");
    }
    for a in assessments {
        let fw = &ctx.frameworks[a.framework];
        let _ = write!(s, "\n[[assessments]]\nyear = {}\nrating = {}\n", a.year, q(RATINGS[a.rating].0));
        if !a.vetoes.is_empty() {
            let v: Vec<String> = a.vetoes.iter().map(|v| q(v)).collect();
            let _ = writeln!(s, "vetoes = [{}]", v.join(", "));
        }
        s.push_str("scores = { ");
        for (i, (&ci, &sc)) in fw.applicable[seed.ty].iter().zip(&a.scores).enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            let _ = write!(s, "\"{}\" = {}", fw.criteria[ci].id, num(sc));
        }
        s.push_str(" }\n");
    }
}
