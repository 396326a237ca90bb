//! A heat map of percentages: rows x columns, a sequential single-hue scale.

use super::bars::{MAX_LABEL_CHARS, SMALL_SIZE, blues, extremes_by, row_labels};
use plotters::style::text_anchor::HPos;

use super::canvas::{self, AXIS, BLACK_TEXT, MUTED_TEXT, Rgb, TextDefaults, Txt};
use super::common::{Chart, ChartText, WIDTH, clean_label, draw, finite, no_data};
use super::metrics::{fit, text_width, wrap};

const ROW: i32 = 26;
const NO_DATA_FILL: Rgb = Rgb(0xEE, 0xEE, 0xEE);
const HATCH: Rgb = Rgb(0xC4, 0xC4, 0xC4);

/// Diagonal hatching inside a rectangle, as one element (the strokes do not overlap).
fn hatch(c: &canvas::Canvas<'_>, xa: i32, ya: i32, xb: i32, yb: i32) -> canvas::Res {
    let mut ends = Vec::new();
    let mut s = xa + ya + 4;
    while s < xb + yb {
        let xs = xa.max(s - yb);
        let xe = xb.min(s - ya);
        if xs < xe {
            ends.extend([(xs, s - xs), (xe, s - xe)]);
        }
        s += 7;
    }
    c.segments(ends, HATCH, 1)
}

/// A heat map: `values[row][col]` in percent; `None` (no branches) is drawn grey and hatched
/// with "–". Colours run from light (0%) to dark blue (100%) on a fixed scale, so maps of
/// different years compare; every cell shows its value in black or white, whichever contrasts.
pub fn heat_map(title: &str, rows: &[String], cols: &[String], values: &[Vec<Option<f64>>], text: &ChartText) -> Chart {
    let (nr, nc) = (rows.len(), cols.len());
    let grid: Vec<Vec<Option<f64>>> = (0..nr)
        .map(|r| (0..nc).map(|k| finite(values.get(r).and_then(|row| row.get(k)).copied().flatten())).collect())
        .collect();
    if nr == 0 || nc == 0 || grid.iter().flatten().all(Option::is_none) {
        return no_data(title, text);
    }
    let (names, left) = row_labels(rows);
    let right = 8;
    let cw = ((WIDTH as i32 - left - right) / nc as i32).max(1);
    let x0 = left;

    // Column headers: wrapped on up to three lines, or set vertically (bottom to top) when
    // columns are too narrow for that.
    let col_names: Vec<String> = cols.iter().map(|c| clean_label(c)).collect();
    let mut headers: Vec<Vec<String>> =
        col_names.iter().map(|c| wrap(c, SMALL_SIZE, f64::from(cw - 6).max(12.0), 3)).collect();
    let shortened = headers.iter().zip(&col_names).any(|(lines, c)| lines.concat().ends_with('…') && !c.ends_with('…'));
    let vertical = shortened && cw < 64;
    let header_height = if vertical {
        headers = col_names.iter().map(|c| vec![fit(c, SMALL_SIZE, 150.0, MAX_LABEL_CHARS)]).collect();
        let widest = headers.iter().flatten().map(|l| text_width(l, SMALL_SIZE)).fold(0.0, f64::max);
        widest.ceil() as i32 + 8
    } else {
        headers.iter().map(Vec::len).max().unwrap_or(1).max(1) as i32 * 14
    };
    let top = 8 + header_height + 6;
    let plot_bottom = top + nr as i32 * ROW;
    let legend_y = plot_bottom + 22;
    let height = legend_y + 20;

    // Cell labels: with "%" when it fits, else the number alone, else smaller, else none.
    let fits = |s: &str, size: f64| text_width(s, size) + 6.0 <= f64::from(cw);
    let (cell_size, with_pct, show) = if fits(&text.pct(100.0), SMALL_SIZE) {
        (SMALL_SIZE, true, true)
    } else if fits(&text.num(100.0, 1, false), SMALL_SIZE) {
        (SMALL_SIZE, false, true)
    } else if fits(&text.num(100.0, 1, false), 9.5) {
        (9.5, false, true)
    } else {
        (9.5, false, false)
    };

    let desc = heat_desc(&super::common::full_labels(rows), cols, &grid, text);
    // Most text: the values in the cells.
    let defaults = TextDefaults::new(SMALL_SIZE, BLACK_TEXT, HPos::Center);
    draw(title, desc, (WIDTH, height as u32), defaults, text, |c| {
        for (k, lines) in headers.iter().enumerate() {
            let xc = x0 + k as i32 * cw + cw / 2;
            if vertical {
                let t = Txt::new(SMALL_SIZE).left().bold().vertical();
                c.text(lines.concat().as_str(), xc, top - 6, t)?;
                continue;
            }
            let first = top - 6 - (lines.len() as i32) * 14 + 7;
            for (l, line) in lines.iter().enumerate() {
                c.text(line, xc, first + l as i32 * 14, Txt::new(SMALL_SIZE).center().bold())?;
            }
        }
        for (r, (name, row)) in names.iter().zip(&grid).enumerate() {
            let y = top + r as i32 * ROW;
            c.text(name, left - 8, y + ROW / 2, Txt::new(super::bars::LABEL_SIZE).right())?;
            for (k, v) in row.iter().enumerate() {
                let (xa, ya, xb, yb) = (x0 + k as i32 * cw + 1, y + 1, x0 + (k as i32 + 1) * cw - 1, y + ROW - 1);
                let (xm, ym) = ((xa + xb) / 2, (ya + yb) / 2);
                match v {
                    Some(v) => {
                        let fill = blues(*v / 100.0);
                        c.rect(xa, ya, xb, yb, fill)?;
                        if show {
                            let label = if with_pct { text.pct(*v) } else { text.num(*v, 1, false) };
                            c.text(&label, xm, ym, Txt::new(cell_size).color(fill.text_on()).center())?;
                        }
                    }
                    None => {
                        c.rect(xa, ya, xb, yb, NO_DATA_FILL)?;
                        hatch(c, xa, ya, xb, yb)?;
                        c.text("–", xm, ym, Txt::new(SMALL_SIZE).color(MUTED_TEXT).center())?;
                    }
                }
            }
        }
        // Legend: the scale in 10 steps, then the no-data swatch.
        let (mut lx, sw) = (x0, 22);
        c.text("0%", lx - 4, legend_y, Txt::new(SMALL_SIZE).color(MUTED_TEXT).right())?;
        for i in 0..10 {
            c.rect(lx + i * sw, legend_y - 7, lx + (i + 1) * sw, legend_y + 7, blues((f64::from(i) + 0.5) / 10.0))?;
        }
        c.rect_outline(lx, legend_y - 7, lx + 10 * sw, legend_y + 7, AXIS)?;
        lx += 10 * sw;
        c.text("100%", lx + 4, legend_y, Txt::new(SMALL_SIZE).color(MUTED_TEXT))?;
        lx += text_width("100%", SMALL_SIZE).ceil() as i32 + 24;
        c.rect(lx, legend_y - 7, lx + 22, legend_y + 7, NO_DATA_FILL)?;
        hatch(c, lx, legend_y - 7, lx + 22, legend_y + 7)?;
        c.rect_outline(lx, legend_y - 7, lx + 22, legend_y + 7, AXIS)?;
        c.text(&clean_label(&text.no_data), lx + 28, legend_y, Txt::new(SMALL_SIZE).color(MUTED_TEXT))?;
        Ok(())
    })
}

/// "Highest: Row / Col 98.0%; Lowest: Row / Col 2.0%; No data: 5/60."
fn heat_desc(names: &[String], cols: &[String], grid: &[Vec<Option<f64>>], text: &ChartText) -> String {
    let cols: Vec<String> = cols.iter().map(|c| clean_label(c)).collect();
    // (row, column, value) of the cells with data; names only for the cells named.
    let cells: Vec<(usize, usize, f64)> = grid
        .iter()
        .enumerate()
        .flat_map(|(r, row)| row.iter().take(cols.len()).enumerate().filter_map(move |(k, v)| v.map(|v| (r, k, v))))
        .take_while(|(r, _, _)| *r < names.len())
        .collect();
    let values: Vec<f64> = cells.iter().map(|c| c.2).collect();
    let name = |i: usize| match cells.get(i) {
        Some(&(r, k, _)) => format!("{} / {}", names[r], cols[k]),
        None => String::new(),
    };
    let mut parts = extremes_by(&values, name, None, text);
    let total = grid.iter().map(Vec::len).sum::<usize>();
    if total > cells.len() {
        parts.push(format!("{}: {}/{total}", text.no_data, total - cells.len()));
    }
    format!("{}.", parts.join("; "))
}
