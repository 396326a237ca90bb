//! Horizontal bar charts: one percentage per label, and shares stacked by category.

use plotters::style::text_anchor::HPos;

use super::canvas::{self, AXIS, BAND, BLACK_TEXT, GRID, MUTED_TEXT, Rgb, TextDefaults, Txt, WHITE_BG};
use super::common::{Chart, ChartText, TargetLine, WIDTH, clean_label, draw, finite, full_labels, join_names, no_data};
use super::metrics::{fit, text_width};

/// Okabe–Ito blue, the colour of single bars.
pub(crate) const BAR: Rgb = Rgb(0x00, 0x72, 0xB2);
pub(crate) const LABEL_SIZE: f64 = 13.0;
pub(crate) const SMALL_SIZE: f64 = 11.5;
/// Labels longer than this many characters are shortened with "…".
pub(crate) const MAX_LABEL_CHARS: usize = 32;
/// Row labels take at most this much width.
const MAX_LABEL_WIDTH: f64 = 250.0;
const ROW: i32 = 28;
const BAR_THICKNESS: i32 = 16;

/// The sequential blue scale (ColorBrewer "Blues", 9 classes): `t` = 0 lightest, 1 darkest.
pub(crate) fn blues(t: f64) -> Rgb {
    const STOPS: [Rgb; 9] = [
        Rgb(0xF7, 0xFB, 0xFF),
        Rgb(0xDE, 0xEB, 0xF7),
        Rgb(0xC6, 0xDB, 0xEF),
        Rgb(0x9E, 0xCA, 0xE1),
        Rgb(0x6B, 0xAE, 0xD6),
        Rgb(0x42, 0x92, 0xC6),
        Rgb(0x21, 0x71, 0xB5),
        Rgb(0x08, 0x51, 0x9C),
        Rgb(0x08, 0x30, 0x6B),
    ];
    let t = if t.is_finite() { t.clamp(0.0, 1.0) } else { 0.0 };
    let x = t * 8.0;
    let i = (x.floor() as usize).min(7);
    STOPS[i].mix(STOPS[i + 1], x - i as f64)
}

/// Row labels, cleaned and shortened, and the left margin they need.
pub(crate) fn row_labels(labels: &[String]) -> (Vec<String>, i32) {
    let fitted: Vec<String> =
        labels.iter().map(|l| fit(&clean_label(l), LABEL_SIZE, MAX_LABEL_WIDTH, MAX_LABEL_CHARS)).collect();
    let widest = fitted.iter().map(|l| text_width(l, LABEL_SIZE)).fold(0.0, f64::max);
    (fitted, (widest.ceil() as i32 + 16).max(48))
}

/// The horizontal percent axis of a bar chart: `x0..x1` maps 0..=100.
#[derive(Clone, Copy)]
pub(crate) struct PctAxis {
    pub x0: i32,
    pub x1: i32,
}

impl PctAxis {
    pub(crate) fn x(&self, v: f64) -> i32 {
        let v = if v.is_finite() { v.clamp(0.0, 100.0) } else { 0.0 };
        self.x0 + (v / 100.0 * f64::from(self.x1 - self.x0)).round() as i32
    }

    /// Tick labels at `y` (every 20%) and grid lines from `top` to `bottom` (every 10%). A tick
    /// label above the plot that a target line at `target_x` would run through is left out: the
    /// target's own label gives that value.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn draw(
        &self,
        c: &canvas::Canvas<'_>,
        top: i32,
        bottom: i32,
        tick_rows: &[i32],
        grid: bool,
        target_x: Option<i32>,
        text: &ChartText,
    ) -> canvas::Res {
        for step in 0..=10 {
            let v = f64::from(step) * 10.0;
            let x = self.x(v);
            if grid {
                let color = if step == 0 { AXIS } else { GRID };
                c.line(vec![(x, top), (x, bottom)], color, 1)?;
            }
            if step % 2 == 0 {
                let label = format!("{}%", text.num(v, 0, true));
                let half = (text_width(&label, SMALL_SIZE) / 2.0).ceil() as i32 + 2;
                let crossed = target_x.is_some_and(|tx| (tx - x).abs() <= half);
                for &y in tick_rows {
                    if crossed && y < top {
                        continue;
                    }
                    c.text(&label, x, y, Txt::new(SMALL_SIZE).color(MUTED_TEXT).center())?;
                }
            }
        }
        Ok(())
    }
}

/// Horizontal bars, one per label, values in percent 0..=100, with an optional dashed target
/// line. `values[i]` belongs to `labels[i]`; missing, NaN and infinite values count as no data.
pub fn percent_bars(
    title: &str,
    labels: &[String],
    values: &[Option<f64>],
    target: Option<&TargetLine>,
    text: &ChartText,
) -> Chart {
    let n = labels.len();
    let vals: Vec<Option<f64>> = (0..n).map(|i| finite(values.get(i).copied().flatten())).collect();
    let target = target.filter(|t| t.value.is_finite());
    if n == 0 || vals.iter().all(Option::is_none) {
        return no_data(title, text);
    }
    let (names, left) = row_labels(labels);
    let right = (text_width(&text.pct(100.0), SMALL_SIZE).ceil() as i32) + 14;
    let axis = PctAxis { x0: left, x1: WIDTH as i32 - right };
    let top = if target.is_some() { 50 } else { 30 };
    let rows = n as i32;
    let plot_bottom = top + rows * ROW;
    let bottom_ticks = rows > 12;
    let height = plot_bottom + if bottom_ticks { 28 } else { 8 };

    let desc = percent_desc(&full_labels(labels), &vals, target, text);
    // Most text: the value labels after the bars.
    let defaults = TextDefaults::new(SMALL_SIZE, BLACK_TEXT, HPos::Left);
    draw(title, desc, (WIDTH, height as u32), defaults, text, |c| {
        // Row bands help follow a row across on long charts.
        for i in (1..rows).step_by(2) {
            if rows > 8 {
                c.rect(0, top + i * ROW, WIDTH as i32, top + (i + 1) * ROW, BAND)?;
            }
        }
        let mut tick_rows = vec![top - 12];
        if bottom_ticks {
            tick_rows.push(plot_bottom + 14);
        }
        let tx = target.map(|t| axis.x(t.value));
        axis.draw(c, top, plot_bottom, &tick_rows, true, tx, text)?;
        for (i, (name, v)) in names.iter().zip(&vals).enumerate() {
            let yc = top + i as i32 * ROW + ROW / 2;
            c.text(name, left - 8, yc, Txt::new(LABEL_SIZE).right())?;
            if let Some(v) = v {
                let x = axis.x(*v).max(axis.x0 + 1);
                c.rect(axis.x0, yc - BAR_THICKNESS / 2, x, yc + BAR_THICKNESS / 2, BAR)?;
            }
        }
        if let (Some(t), Some(tx)) = (target, tx) {
            c.dashed(vec![(tx, top - 22), (tx, plot_bottom)], 2)?;
            let label = text.target_label(t);
            let w = text_width(&label, SMALL_SIZE);
            let (lx, style) = if f64::from(tx) + w / 2.0 > f64::from(WIDTH) - 4.0 {
                (tx + 4, Txt::new(SMALL_SIZE).right())
            } else if f64::from(tx) - w / 2.0 < 4.0 {
                (tx - 4, Txt::new(SMALL_SIZE).left())
            } else {
                (tx, Txt::new(SMALL_SIZE).center())
            };
            let lx = lx.clamp(4, WIDTH as i32 - 4);
            c.text(&label, lx, top - 32, style.bold())?;
        }
        for (i, v) in vals.iter().enumerate() {
            let yc = top + i as i32 * ROW + ROW / 2;
            let bg = if rows > 8 && i % 2 == 1 { BAND } else { WHITE_BG };
            match v {
                Some(v) => {
                    let label = text.pct(*v);
                    let x = axis.x(*v).max(axis.x0 + 1) + 5;
                    let w = text_width(&label, SMALL_SIZE).ceil() as i32;
                    if tx.is_some_and(|tx| tx >= x - 3 && tx <= x + w + 3) {
                        c.rect(x - 2, yc - 8, x + w + 2, yc + 8, bg)?;
                    }
                    c.text(&label, x, yc, Txt::new(SMALL_SIZE))?;
                }
                None => {
                    let t = Txt::new(SMALL_SIZE).color(MUTED_TEXT).italic();
                    c.text(&clean_label(&text.no_data), axis.x0 + 6, yc, t)?;
                }
            }
        }
        Ok(())
    })
}

/// "Highest: A 98.0%; lowest: B 71.5%; 3/13 below target 90.0%; no data: 1/14."
fn percent_desc(names: &[String], vals: &[Option<f64>], target: Option<&TargetLine>, text: &ChartText) -> String {
    let known: Vec<(&str, f64)> = names.iter().zip(vals).filter_map(|(n, v)| v.map(|v| (n.as_str(), v))).collect();
    let mut parts = extremes(&known, None, text);
    if let Some(t) = target {
        let below = known.iter().filter(|(_, v)| *v < t.value).count();
        parts.push(format!("{below}/{} {} {}", known.len(), text.below_target, text.pct(t.value)));
    }
    let missing = vals.len() - known.len();
    if missing > 0 {
        parts.push(format!("{}: {missing}/{}", text.no_data, vals.len()));
    }
    format!("{}.", parts.join("; "))
}

/// "Highest: A 98.0%", "Lowest: B 71.5%" (ties by the shown value are listed together), or with
/// a qualifier "Highest (X): A 98.0%"; a single value is just "A 98.0%".
pub(crate) fn extremes(known: &[(&str, f64)], qualifier: Option<&str>, text: &ChartText) -> Vec<String> {
    let values: Vec<f64> = known.iter().map(|(_, v)| *v).collect();
    extremes_by(&values, |i| known.get(i).map_or_else(String::new, |(n, _)| n.to_string()), qualifier, text)
}

/// [`extremes`] of `values`, value `i` being named `name(i)`: only the few names shown are
/// built, and every value is formatted once (a heat map has hundreds of cells).
pub(crate) fn extremes_by(
    values: &[f64],
    name: impl Fn(usize) -> String,
    qualifier: Option<&str>,
    text: &ChartText,
) -> Vec<String> {
    let q = qualifier.map(|q| format!(" ({q})")).unwrap_or_default();
    match values {
        [] => Vec::new(),
        [v] => vec![format!("{} {}", name(0), text.pct(*v))],
        _ => {
            let shown: Vec<String> = values.iter().map(|v| text.pct(*v)).collect();
            let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let min = values.iter().copied().fold(f64::INFINITY, f64::min);
            // Ties by the shown value; a fourth name only tells `join_names` to add "…".
            let at = |x: &str| -> String {
                let names: Vec<String> =
                    shown.iter().enumerate().filter(|(_, s)| *s == x).take(4).map(|(i, _)| name(i)).collect();
                join_names(&names.iter().map(String::as_str).collect::<Vec<_>>())
            };
            let (max, min) = (text.pct(max), text.pct(min));
            vec![format!("{}{q}: {} {max}", text.highest, at(&max)), format!("{}{q}: {} {min}", text.lowest, at(&min))]
        }
    }
}

/// Stacked horizontal bars: for each label, `counts[label][category]` shown as shares of the
/// row's total, categories in the given order (best first) from dark to light blue, with a
/// legend and the row total (`n=…`) at the end of each bar.
pub fn stacked_shares(
    title: &str,
    labels: &[String],
    categories: &[String],
    counts: &[Vec<u32>],
    text: &ChartText,
) -> Chart {
    let n = labels.len();
    let k = categories.len();
    let rows_counts: Vec<Vec<u64>> = (0..n)
        .map(|i| (0..k).map(|j| u64::from(counts.get(i).and_then(|r| r.get(j)).copied().unwrap_or(0))).collect())
        .collect();
    let totals: Vec<u64> = rows_counts.iter().map(|r| r.iter().sum()).collect();
    if n == 0 || k == 0 || totals.iter().all(|t| *t == 0) {
        return no_data(title, text);
    }
    let colors: Vec<Rgb> =
        (0..k).map(|j| if k == 1 { BAR } else { blues(0.95 - 0.7 * j as f64 / (k - 1) as f64) }).collect();
    let cats: Vec<String> =
        categories.iter().map(|c| fit(&clean_label(c), LABEL_SIZE, 300.0, MAX_LABEL_CHARS)).collect();

    let (names, left) = row_labels(labels);
    let max_total = totals.iter().max().copied().unwrap_or(0);
    let right = text_width(&text.branches(max_total), SMALL_SIZE).ceil() as i32 + 14;
    let axis = PctAxis { x0: left, x1: WIDTH as i32 - right };

    // Legend: swatch + name, left to right, wrapping.
    let mut legend: Vec<(i32, i32)> = Vec::new();
    let (mut lx, mut ly) = (axis.x0, 14);
    for cat in &cats {
        let w = 18 + text_width(cat, LABEL_SIZE).ceil() as i32;
        if lx + w > WIDTH as i32 - 8 && lx > axis.x0 {
            lx = axis.x0;
            ly += 22;
        }
        legend.push((lx, ly));
        lx += w + 18;
    }
    let top = ly + 42;
    let rows = n as i32;
    let plot_bottom = top + rows * ROW;
    let height = plot_bottom + 8;

    let desc = stacked_desc(&full_labels(labels), &full_labels(categories), &rows_counts, &totals, text);
    // Most text: the shares inside the segments.
    let defaults = TextDefaults::new(SMALL_SIZE, BLACK_TEXT, HPos::Center);
    draw(title, desc, (WIDTH, height as u32), defaults, text, |c| {
        for ((cat, color), (x, y)) in cats.iter().zip(&colors).zip(&legend) {
            c.rect(*x, y - 6, x + 12, y + 6, *color)?;
            c.rect_outline(*x, y - 6, x + 12, y + 6, AXIS)?;
            c.text(cat, x + 18, *y, Txt::new(LABEL_SIZE))?;
        }
        for i in (1..rows).step_by(2) {
            if rows > 8 {
                c.rect(0, top + i * ROW, WIDTH as i32, top + (i + 1) * ROW, BAND)?;
            }
        }
        axis.draw(c, top, plot_bottom, &[top - 12], false, None, text)?;
        for (i, name) in names.iter().enumerate() {
            let yc = top + i as i32 * ROW + ROW / 2;
            let (y0, y1) = (yc - BAR_THICKNESS / 2 - 1, yc + BAR_THICKNESS / 2 + 1);
            c.text(name, left - 8, yc, Txt::new(LABEL_SIZE).right())?;
            let total = totals[i];
            if total == 0 {
                let t = Txt::new(SMALL_SIZE).color(MUTED_TEXT).italic();
                c.text(&clean_label(&text.no_data), axis.x0 + 6, yc, t)?;
                continue;
            }
            let mut cum = 0u64;
            let mut xs = vec![axis.x0];
            for &count in &rows_counts[i] {
                cum += count;
                xs.push(axis.x(cum as f64 * 100.0 / total as f64));
            }
            for j in 0..k {
                let (xa, xb) = (xs[j], xs[j + 1]);
                if xb <= xa {
                    continue;
                }
                c.rect(xa, y0, xb, y1, colors[j])?;
                let share = rows_counts[i][j] as f64 * 100.0 / total as f64;
                let label = text.pct(share);
                if f64::from(xb - xa) >= text_width(&label, SMALL_SIZE) + 8.0 {
                    let t = Txt::new(SMALL_SIZE).color(colors[j].text_on()).center();
                    c.text(&label, (xa + xb) / 2, yc, t)?;
                }
            }
            // White separators between segments, then a thin outline so light segments show.
            for &x in &xs[1..k] {
                if x > axis.x0 && x < axis.x1 {
                    c.line(vec![(x, y0), (x, y1)], WHITE_BG, 1)?;
                }
            }
            c.rect_outline(axis.x0, y0, axis.x1, y1, AXIS)?;
            c.text(&text.branches(total), axis.x1 + 6, yc, Txt::new(SMALL_SIZE).color(MUTED_TEXT))?;
        }
        Ok(())
    })
}

/// "A: 40.0% (120); B: 35.0% (105); …; Highest A: X 80.0%; Lowest A: Y 12.5%; no data: 1/14."
fn stacked_desc(names: &[String], cats: &[String], counts: &[Vec<u64>], totals: &[u64], text: &ChartText) -> String {
    let grand: u64 = totals.iter().sum();
    let mut parts: Vec<String> = cats
        .iter()
        .enumerate()
        .map(|(j, cat)| {
            let c: u64 = counts.iter().map(|r| r[j]).sum();
            format!("{cat}: {} ({c})", text.pct(c as f64 * 100.0 / grand as f64))
        })
        .collect();
    if let Some(first) = cats.first() {
        let known: Vec<(&str, f64)> = names
            .iter()
            .zip(counts.iter().zip(totals))
            .filter(|(_, (_, t))| **t > 0)
            .map(|(n, (r, t))| (n.as_str(), r[0] as f64 * 100.0 / *t as f64))
            .collect();
        if known.len() > 1 {
            parts.extend(extremes(&known, Some(first), text));
        }
    }
    let missing = totals.iter().filter(|t| **t == 0).count();
    if missing > 0 {
        parts.push(format!("{}: {missing}/{}", text.no_data, totals.len()));
    }
    format!("{}.", parts.join("; "))
}
