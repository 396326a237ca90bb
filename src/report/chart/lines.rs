//! Lines over years, with dashed target lines.

use super::bars::{LABEL_SIZE, MAX_LABEL_CHARS, SMALL_SIZE};
use plotters::style::text_anchor::HPos;

use super::canvas::{self, AXIS, GRID, MUTED_TEXT, Rgb, TextDefaults, Txt, WHITE_BG};
use super::common::{Chart, ChartText, Series, TargetLine, WIDTH, clean_label, draw, finite, no_data};
use super::metrics::{fit, text_width};

/// Okabe–Ito, strongest contrast on white first (yellow last).
pub(crate) const PALETTE: [Rgb; 8] = [
    Rgb(0x00, 0x72, 0xB2),
    Rgb(0xD5, 0x5E, 0x00),
    Rgb(0x00, 0x9E, 0x73),
    Rgb(0xE6, 0x9F, 0x00),
    Rgb(0xCC, 0x79, 0xA7),
    Rgb(0x56, 0xB4, 0xE9),
    Rgb(0x00, 0x00, 0x00),
    Rgb(0xF0, 0xE4, 0x42),
];

const PLOT_HEIGHT: i32 = 260;

/// A point marker; the shape (by series index) keeps series apart in black-and-white print.
fn marker(c: &canvas::Canvas<'_>, idx: usize, x: i32, y: i32, color: Rgb) -> canvas::Res {
    let filled = (idx / 4).is_multiple_of(2);
    let r = 5;
    let pts: Vec<(i32, i32)> = match idx % 4 {
        0 => {
            return c.circle(x, y, r as u32, color, filled, 2).and_then(|_| white_core(c, x, y, filled));
        }
        1 => vec![(x - 4, y - 4), (x + 4, y - 4), (x + 4, y + 4), (x - 4, y + 4)],
        2 => vec![(x, y - 6), (x + 5, y + 4), (x - 5, y + 4)],
        _ => vec![(x, y - 6), (x + 6, y), (x, y + 6), (x - 6, y)],
    };
    if filled { c.polygon(pts, color) } else { c.polygon(pts.clone(), WHITE_BG).and(c.polygon_outline(pts, color, 2)) }
}

/// Hollow circles get a white centre so the line does not run through them.
fn white_core(c: &canvas::Canvas<'_>, x: i32, y: i32, filled: bool) -> canvas::Res {
    if filled { Ok(()) } else { c.circle(x, y, 3, WHITE_BG, true, 1) }
}

/// Lines over `years`, one per series (`values[i]` belongs to `years[i]`, `None` leaves a gap),
/// values in percent, with dashed target lines. The y axis spans the data and targets in steps
/// of ten (never beyond 0..=100 unless the data does). With one series every point is
/// labelled; with several, the last point of each.
pub fn trend_lines(title: &str, years: &[i32], series: &[Series], targets: &[TargetLine], text: &ChartText) -> Chart {
    let n = years.len();
    let data: Vec<(String, Vec<Option<f64>>)> = series
        .iter()
        .map(|s| {
            let name = fit(&clean_label(&s.name), LABEL_SIZE, 300.0, MAX_LABEL_CHARS);
            (name, (0..n).map(|i| finite(s.values.get(i).copied().flatten())).collect())
        })
        .collect();
    let targets: Vec<&TargetLine> = targets.iter().filter(|t| t.value.is_finite()).collect();
    let all: Vec<f64> = data.iter().flat_map(|(_, v)| v.iter().flatten().copied()).collect();
    if n == 0 || all.is_empty() {
        return no_data(title, text);
    }
    let named_in_full: Vec<(String, Vec<Option<f64>>)> =
        data.iter().zip(series).map(|((_, v), s)| (clean_label(&s.name), v.clone())).collect();
    let desc = trend_desc(years, &named_in_full, &targets, text);

    // Value range, in steps of ten.
    let lo_v = all.iter().chain(targets.iter().map(|t| &t.value)).copied().fold(f64::INFINITY, f64::min);
    let hi_v = all.iter().chain(targets.iter().map(|t| &t.value)).copied().fold(f64::NEG_INFINITY, f64::max);
    let mut lo = ((lo_v - 5.0) / 10.0).floor() * 10.0;
    let mut hi = ((hi_v + 5.0) / 10.0).ceil() * 10.0;
    if lo_v >= 0.0 {
        lo = lo.max(0.0);
    }
    if hi_v <= 100.0 {
        hi = hi.min(100.0);
    }
    if hi - lo < 20.0 {
        if hi >= 100.0 { lo = hi - 20.0 } else { hi = lo + 20.0 }
    }
    let step = if hi - lo <= 30.0 {
        5.0
    } else if hi - lo <= 120.0 {
        10.0
    } else {
        super::common::nice_step(hi - lo, 8.0)
    };
    let ticks = super::common::tick_count(hi - lo, step);

    let left = text_width(&format!("{}%", text.num(hi.max(lo.abs()), 0, true)), SMALL_SIZE).ceil() as i32 + 20;
    let right = text_width(&text.pct(100.0), SMALL_SIZE).ceil() as i32 + 16;

    // Legend: a line with its marker, then the name.
    let mut legend: Vec<(i32, i32)> = Vec::new();
    let (mut lx, mut ly) = (left, 14);
    for (name, _) in &data {
        let w = 34 + text_width(name, LABEL_SIZE).ceil() as i32;
        if lx + w > WIDTH as i32 - 8 && lx > left {
            lx = left;
            ly += 22;
        }
        legend.push((lx, ly));
        lx += w + 20;
    }
    let top = ly + 30;
    let (x0, x1) = (left, WIDTH as i32 - right);
    let plot_bottom = top + PLOT_HEIGHT;
    let height = plot_bottom + 30;
    let yof = |v: f64| {
        let y = plot_bottom - ((v - lo) / (hi - lo) * f64::from(PLOT_HEIGHT)).round() as i32;
        y.clamp(top - 20, plot_bottom + 20)
    };
    let pad = 28;
    let xof = |i: usize| {
        if n == 1 {
            (x0 + x1) / 2
        } else {
            x0 + pad + ((x1 - x0 - 2 * pad) as f64 * i as f64 / (n - 1) as f64).round() as i32
        }
    };

    // Positions of the points, then of every label, avoiding lines, markers and each other.
    let points: Vec<Vec<Option<(i32, i32)>>> = data
        .iter()
        .map(|(_, vals)| vals.iter().enumerate().map(|(i, v)| v.map(|v| (xof(i), yof(v)))).collect())
        .collect();
    let mut obstacles = Obstacles::default();
    for pts in &points {
        for w in pts.windows(2) {
            if let [Some(a), Some(b)] = w {
                obstacles.segs.push((*a, *b));
            }
        }
        for &(x, y) in pts.iter().flatten() {
            obstacles.rects.push(Rect { x0: x - 6, y0: y - 6, x1: x + 6, y1: y + 6 });
        }
    }
    let target_ys: Vec<i32> = targets.iter().map(|t| yof(t.value.clamp(lo, hi))).collect();
    let mut with_targets = obstacles.clone();
    for &y in &target_ys {
        with_targets.segs.push(((x0, y), (x1, y)));
    }
    // (text, x, y, anchor, needs a white backing)
    let mut labels: Vec<(String, i32, i32, HPos, bool)> = Vec::new();
    if data.len() == 1 {
        for (i, v) in data[0].1.iter().enumerate() {
            let Some(v) = v else { continue };
            let (x, y) = (xof(i), yof(*v));
            let label = text.pct(*v);
            let w = text_width(&label, SMALL_SIZE).ceil() as i32;
            let above = Rect { x0: x - w / 2 - 2, y0: y - 22, x1: x + w / 2 + 2, y1: y - 7 };
            let below = Rect { x0: x - w / 2 - 2, y0: y + 7, x1: x + w / 2 + 2, y1: y + 22 };
            let (r, backing) = if !with_targets.hit(above) {
                (above, false)
            } else if !with_targets.hit(below) && below.y1 < plot_bottom {
                (below, false)
            } else {
                (above, true)
            };
            with_targets.rects.push(r);
            labels.push((label, x, (r.y0 + r.y1) / 2, HPos::Center, backing));
        }
    } else {
        let mut ends: Vec<(i32, String, i32)> = Vec::new();
        for (_, vals) in &data {
            if let Some((i, v)) = vals.iter().enumerate().rev().find_map(|(i, v)| v.map(|v| (i, v))) {
                ends.push((yof(v), text.pct(v), xof(i) + 10));
            }
        }
        ends.sort_by_key(|(y, _, _)| *y);
        let mut ys: Vec<(i32, ())> = ends.iter().map(|(y, _, _)| (*y, ())).collect();
        spread(&mut ys, 14, top);
        for ((y, ()), (_, label, x)) in ys.iter().zip(ends) {
            let w = text_width(&label, SMALL_SIZE).ceil() as i32;
            with_targets.rects.push(Rect { x0: x - 2, y0: y - 8, x1: x + w + 2, y1: y + 8 });
            labels.push((label, x, *y, HPos::Left, false));
        }
    }
    let mut target_labels: Vec<(String, i32, i32, HPos)> = Vec::new();
    for (t, &y) in targets.iter().zip(&target_ys) {
        let label = text.target_label(t);
        let w = text_width(&label, SMALL_SIZE).ceil() as i32;
        let mid = (x0 + x1) / 2;
        let candidates = [
            (Rect { x0: x1 - w - 6, y0: y - 17, x1, y1: y - 2 }, x1 - 3, HPos::Right),
            (Rect { x0, y0: y - 17, x1: x0 + w + 6, y1: y - 2 }, x0 + 3, HPos::Left),
            (Rect { x0: x1 - w - 6, y0: y + 2, x1, y1: y + 17 }, x1 - 3, HPos::Right),
            (Rect { x0, y0: y + 2, x1: x0 + w + 6, y1: y + 17 }, x0 + 3, HPos::Left),
            (Rect { x0: mid - w / 2 - 3, y0: y - 17, x1: mid + w / 2 + 3, y1: y - 2 }, mid, HPos::Center),
            (Rect { x0: mid - w / 2 - 3, y0: y + 2, x1: mid + w / 2 + 3, y1: y + 17 }, mid, HPos::Center),
        ];
        let (r, x, h) = candidates
            .iter()
            .find(|(r, _, _)| r.y0 >= top - 6 && r.y1 <= plot_bottom && !with_targets.hit(*r))
            .copied()
            .unwrap_or(candidates[0]);
        with_targets.rects.push(r);
        target_labels.push((label, x, (r.y0 + r.y1) / 2, h));
    }

    // Most text: axis labels.
    let defaults = TextDefaults::new(SMALL_SIZE, MUTED_TEXT, HPos::Center);
    draw(title, desc, (WIDTH, height as u32), defaults, text, |c| {
        for (idx, ((name, _), (x, y))) in data.iter().zip(&legend).enumerate() {
            let color = PALETTE[idx % PALETTE.len()];
            c.line(vec![(*x, *y), (x + 28, *y)], color, 2)?;
            marker(c, idx, x + 14, *y, color)?;
            c.text(name, x + 34, *y, Txt::new(LABEL_SIZE))?;
        }
        // Grid and y labels.
        for k in 0..=ticks {
            let v = lo + step * k as f64;
            let y = yof(v);
            c.line(vec![(x0, y), (x1, y)], if k == 0 { AXIS } else { GRID }, 1)?;
            c.text(&format!("{}%", text.num(v, 0, true)), x0 - 8, y, Txt::new(SMALL_SIZE).color(MUTED_TEXT).right())?;
        }
        // Year labels, thinned out when crowded.
        let spacing = if n > 1 { f64::from(x1 - x0 - 2 * pad) / (n - 1) as f64 } else { f64::MAX };
        let every = ((text_width("0000", SMALL_SIZE) + 10.0) / spacing).ceil().max(1.0) as usize;
        for (i, year) in years.iter().enumerate() {
            let x = xof(i);
            c.line(vec![(x, plot_bottom), (x, plot_bottom + 4)], AXIS, 1)?;
            if i % every == 0 || i + 1 == n {
                c.text(&year.to_string(), x, plot_bottom + 16, Txt::new(SMALL_SIZE).color(MUTED_TEXT).center())?;
            }
        }
        for &y in &target_ys {
            c.dashed(vec![(x0, y), (x1, y)], 2)?;
        }
        // Series: lines broken where data is missing, then markers.
        for (idx, pts) in points.iter().enumerate() {
            let color = PALETTE[idx % PALETTE.len()];
            let mut run: Vec<(i32, i32)> = Vec::new();
            for p in pts.iter().chain(std::iter::once(&None)) {
                match p {
                    Some(p) => run.push(*p),
                    None if run.len() > 1 => c.line(std::mem::take(&mut run), color, 2)?,
                    None => run.clear(),
                }
            }
            for &(x, y) in pts.iter().flatten() {
                marker(c, idx, x, y, color)?;
            }
        }
        for (label, x, y, h, backing) in &labels {
            small_label(c, label, *x, *y, *h, *backing)?;
        }
        for (label, x, y, h) in &target_labels {
            small_label(c, label, *x, *y, *h, true)?;
        }
        Ok(())
    })
}

#[derive(Clone, Copy)]
struct Rect {
    x0: i32,
    y0: i32,
    x1: i32,
    y1: i32,
}

impl Rect {
    fn contains(&self, (x, y): (i32, i32)) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }
    fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
}

/// What labels must not cover: line segments and boxes (markers, placed labels).
#[derive(Clone, Default)]
struct Obstacles {
    segs: Vec<((i32, i32), (i32, i32))>,
    rects: Vec<Rect>,
}

impl Obstacles {
    fn hit(&self, r: Rect) -> bool {
        self.rects.iter().any(|o| o.overlaps(&r))
            || self.segs.iter().any(|&((ax, ay), (bx, by))| {
                // Every sample lies within the segment's bounding box: most segments are
                // ruled out by it without sampling.
                if ax.max(bx) < r.x0 || ax.min(bx) > r.x1 || ay.max(by) < r.y0 || ay.min(by) > r.y1 {
                    return false;
                }
                // Sample the segment every 2 px; exact enough at these sizes.
                let steps = ((bx - ax).abs().max((by - ay).abs()) / 2).max(1);
                (0..=steps).any(|k| {
                    let t = f64::from(k) / f64::from(steps);
                    let p =
                        (ax + (f64::from(bx - ax) * t).round() as i32, ay + (f64::from(by - ay) * t).round() as i32);
                    r.contains(p)
                })
            })
    }
}

/// Moves labels (sorted by `y`) apart so that consecutive ones are at least `gap` apart and the
/// first is not above `min_y`.
fn spread<T>(labels: &mut [(i32, T)], gap: i32, min_y: i32) {
    let mut prev: Option<i32> = None;
    for (y, _) in labels.iter_mut() {
        let floor = prev.map_or(min_y, |p| p + gap);
        if *y < floor {
            *y = floor;
        }
        prev = Some(*y);
    }
}

/// "Good: 2021 85.0% → 2024 92.5%; Model: …; Target 2025: 90.0%."
fn trend_desc(years: &[i32], data: &[(String, Vec<Option<f64>>)], targets: &[&TargetLine], text: &ChartText) -> String {
    let mut parts: Vec<String> = data
        .iter()
        .map(|(name, vals)| {
            let known: Vec<(i32, f64)> = years.iter().zip(vals).filter_map(|(y, v)| v.map(|v| (*y, v))).collect();
            match (known.first(), known.last()) {
                (Some(a), Some(b)) if known.len() > 1 => {
                    format!("{name}: {} {} → {} {}", a.0, text.pct(a.1), b.0, text.pct(b.1))
                }
                (Some(a), _) => format!("{name}: {} {}", a.0, text.pct(a.1)),
                _ => format!("{name}: {}", text.no_data),
            }
        })
        .collect();
    parts.extend(targets.iter().map(|t| text.target_label(t)));
    format!("{}.", parts.join("; "))
}

/// A small bold label, on a white backing box when it may cross a line.
fn small_label(
    c: &super::canvas::Canvas<'_>,
    label: &str,
    x: i32,
    y: i32,
    h: HPos,
    backing: bool,
) -> super::canvas::Res {
    if backing {
        let w = text_width(label, SMALL_SIZE).ceil() as i32;
        let xa = match h {
            HPos::Left => x,
            HPos::Center => x - w / 2,
            HPos::Right => x - w,
        };
        c.rect(xa - 2, y - 7, xa + w + 2, y + 7, WHITE_BG)?;
    }
    c.text(label, x, y, Txt { h, ..Txt::new(SMALL_SIZE).bold() })
}
