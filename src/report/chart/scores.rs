//! Vertical bars of scores against their maxima (one branch's criteria).

use super::bars::{BAR, SMALL_SIZE, extremes};
use plotters::style::text_anchor::HPos;

use super::canvas::{AXIS, GRID, MUTED_TEXT, Rgb, TextDefaults, Txt};
use super::common::{Chart, ChartText, WIDTH, clean_label, draw, finite, no_data};
use super::metrics::{fit, text_width};

const PLOT_HEIGHT: i32 = 220;
const MAX_FILL: Rgb = Rgb(0xEC, 0xF0, 0xF4);
const MAX_LINE: Rgb = Rgb(0x8C, 0x96, 0xA0);

/// Vertical bars, one per label (criterion id): the bar is the score, the outlined box behind
/// it the maximum, in points. Scores with a NaN/infinite value or without a positive finite
/// maximum are drawn as "–".
pub fn scores_vs_max(title: &str, labels: &[String], scores: &[f64], maxima: &[f64], text: &ChartText) -> Chart {
    let n = labels.len();
    let sc: Vec<Option<f64>> = (0..n).map(|i| finite(scores.get(i).copied())).collect();
    let mx: Vec<Option<f64>> = (0..n).map(|i| finite(maxima.get(i).copied()).filter(|m| *m > 0.0)).collect();
    if n == 0 || sc.iter().all(Option::is_none) {
        return no_data(title, text);
    }
    let ymax_v = sc.iter().chain(&mx).flatten().copied().fold(0.0, f64::max);
    let step = super::common::nice_step(ymax_v, 6.0);
    let ymax = ((ymax_v / step).ceil() * step).max(step);
    let ticks = super::common::tick_count(ymax, step);
    let names: Vec<String> = labels.iter().map(|l| fit(&clean_label(l), SMALL_SIZE, 160.0, 24)).collect();

    let left = text_width(&text.score(ymax), SMALL_SIZE).ceil() as i32 + 18;
    let right = 12;
    let (x0, x1) = (left, WIDTH as i32 - right);
    let cw = f64::from(x1 - x0) / n as f64;
    let box_w = (cw * 0.7).clamp(2.0, 56.0) as i32;
    let widest = names.iter().map(|l| text_width(l, SMALL_SIZE)).fold(0.0, f64::max);
    let vertical = widest + 4.0 > cw;
    let top = 30;
    let plot_bottom = top + PLOT_HEIGHT;
    let height = plot_bottom + if vertical { widest.ceil() as i32 + 16 } else { 28 };
    let yof = |v: f64| plot_bottom - (v.clamp(0.0, ymax) / ymax * f64::from(PLOT_HEIGHT)).round() as i32;
    let xc = |i: usize| x0 + (cw * (i as f64 + 0.5)).round() as i32;

    // Value labels: "7,5/10" when it fits, else the score alone, smaller when needed.
    let label_for = |i: usize| -> Option<(String, f64)> {
        let s = sc[i]?;
        let full = match mx[i] {
            Some(m) => format!("{}/{}", text.score(s), text.score(m)),
            None => text.score(s),
        };
        [(full, SMALL_SIZE), (text.score(s), SMALL_SIZE), (text.score(s), 9.5)]
            .into_iter()
            .find(|(l, size)| text_width(l, *size) + 2.0 <= cw)
    };

    let desc = scores_desc(&super::common::full_labels(labels), &sc, &mx, text);
    // Most text: axis and criterion labels, centred under the bars.
    let defaults = TextDefaults::new(SMALL_SIZE, MUTED_TEXT, HPos::Center);
    draw(title, desc, (WIDTH, height as u32), defaults, text, |c| {
        for k in 0..=ticks {
            let v = step * k as f64;
            let y = yof(v);
            c.line(vec![(x0, y), (x1, y)], if k == 0 { AXIS } else { GRID }, 1)?;
            c.text(&text.score(v), x0 - 8, y, Txt::new(SMALL_SIZE).color(MUTED_TEXT).right())?;
        }
        for i in 0..n {
            let x = xc(i);
            let (xa, xb) = (x - box_w / 2, x - box_w / 2 + box_w);
            if let Some(m) = mx[i] {
                c.rect(xa, yof(m), xb, plot_bottom, MAX_FILL)?;
                c.rect_outline(xa, yof(m), xb, plot_bottom, MAX_LINE)?;
            }
            let inset = if box_w >= 12 { 3 } else { 0 };
            match sc[i] {
                Some(s) => c.rect(xa + inset, yof(s), xb - inset, plot_bottom, BAR)?,
                None => c.text("–", x, plot_bottom - 10, Txt::new(SMALL_SIZE).color(MUTED_TEXT).center())?,
            }
            if let Some((label, size)) = label_for(i) {
                let y_top = yof(mx[i].unwrap_or(0.0).max(sc[i].unwrap_or(0.0)));
                c.text(&label, x, y_top - 9, Txt::new(size).center())?;
            }
            let t = Txt::new(SMALL_SIZE).color(MUTED_TEXT);
            if vertical {
                c.text(&names[i], x, plot_bottom + 6, t.right().vertical())?;
            } else {
                c.text(&names[i], x, plot_bottom + 14, t.center())?;
            }
        }
        c.line(vec![(x0, plot_bottom), (x1, plot_bottom)], AXIS, 1)?;
        Ok(())
    })
}

/// "78.5/100 (78.5%); Highest: C1 100.0%; Lowest: C4 20.0%; No data: 1/12."
fn scores_desc(names: &[String], sc: &[Option<f64>], mx: &[Option<f64>], text: &ChartText) -> String {
    let mut parts = Vec::new();
    let pairs: Vec<(&str, f64, f64)> =
        names.iter().zip(sc.iter().zip(mx)).filter_map(|(n, (s, m))| Some((n.as_str(), (*s)?, (*m)?))).collect();
    let total: f64 = pairs.iter().map(|p| p.1).sum();
    let total_max: f64 = pairs.iter().map(|p| p.2).sum();
    if total_max > 0.0 {
        parts.push(format!(
            "{}/{} ({})",
            text.score(total),
            text.score(total_max),
            text.pct(total / total_max * 100.0)
        ));
    }
    let known: Vec<(&str, f64)> = pairs.iter().map(|(n, s, m)| (*n, s / m * 100.0)).collect();
    if known.len() > 1 {
        parts.extend(extremes(&known, None, text));
    }
    let missing = sc.iter().filter(|s| s.is_none()).count();
    if missing > 0 {
        parts.push(format!("{}: {missing}/{}", text.no_data, sc.len()));
    }
    format!("{}.", parts.join("; "))
}
