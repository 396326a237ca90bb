//! A thin drawing layer over plotters' SVG backend, in pixel coordinates, plus the clean-up of
//! its output (rounded font sizes, dashed lines, no redundant attributes).
//!
//! Only plotters' primitive elements are used (rectangles, polylines, polygons, circles, text);
//! none of its layout code (legends, meshes), because that layout relies on the font-less
//! "naive" text metrics, which count UTF-8 *bytes* (so Vietnamese labels would be measured
//! about 1.5 times too wide). Layout is done with [`super::metrics`] instead.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontStyle, FontTransform, TextStyle};

/// A drawing error from plotters; every chart falls back to the no-data SVG on it.
pub(crate) type DrawErr = DrawingAreaErrorKind<std::io::Error>;
/// The result of one drawing step.
pub(crate) type Res = Result<(), DrawErr>;

/// The generic font family; the browser picks the actual font.
pub(crate) const FONT: &str = "sans-serif";
/// plotters writes `font-size = size / 1.24` into the SVG.
const PLOTTERS_FONT_SCALE: f64 = 1.24;

/// A colour in sRGB.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    fn plotters(self) -> RGBColor {
        RGBColor(self.0, self.1, self.2)
    }

    /// WCAG relative luminance.
    pub(crate) fn luminance(self) -> f64 {
        fn lin(c: u8) -> f64 {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        }
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// Black or white, whichever contrasts more with this background.
    pub(crate) fn text_on(self) -> Rgb {
        // White wherever it reaches a contrast of 4.2 (slightly favoured over black on mid
        // blues, where both are near 4.5 and white reads better), else black.
        let l = self.luminance();
        if 1.05 / (l + 0.05) >= 4.2 { Rgb(255, 255, 255) } else { BLACK_TEXT }
    }

    /// Linear interpolation between two colours, `t` in 0..=1.
    pub(crate) fn mix(self, other: Rgb, t: f64) -> Rgb {
        let t = t.clamp(0.0, 1.0);
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }
}

pub(crate) const WHITE_BG: Rgb = Rgb(255, 255, 255);
pub(crate) const BLACK_TEXT: Rgb = Rgb(0x1A, 0x1A, 0x1A);
pub(crate) const MUTED_TEXT: Rgb = Rgb(0x59, 0x59, 0x59);
pub(crate) const GRID: Rgb = Rgb(0xDD, 0xDD, 0xDD);
pub(crate) const AXIS: Rgb = Rgb(0x76, 0x76, 0x76);
pub(crate) const BAND: Rgb = Rgb(0xF4, 0xF6, 0xF8);
/// Drawn as a placeholder stroke colour and rewritten to a dashed black line afterwards
/// (plotters' own dashed path emits one element per dash).
const DASH_SENTINEL: Rgb = Rgb(0x01, 0x02, 0x03);

/// How a piece of text is drawn.
#[derive(Clone, Copy)]
pub(crate) struct Txt {
    pub size: f64,
    pub color: Rgb,
    pub h: HPos,
    pub v: VPos,
    pub bold: bool,
    pub italic: bool,
    /// Rotated 90 degrees counter-clockwise (reads bottom to top).
    pub vertical: bool,
}

impl Txt {
    pub(crate) fn new(size: f64) -> Self {
        Txt { size, color: BLACK_TEXT, h: HPos::Left, v: VPos::Center, bold: false, italic: false, vertical: false }
    }
    pub(crate) fn color(mut self, c: Rgb) -> Self {
        self.color = c;
        self
    }
    pub(crate) fn left(mut self) -> Self {
        self.h = HPos::Left;
        self
    }
    pub(crate) fn right(mut self) -> Self {
        self.h = HPos::Right;
        self
    }
    pub(crate) fn center(mut self) -> Self {
        self.h = HPos::Center;
        self
    }
    pub(crate) fn bold(mut self) -> Self {
        self.bold = true;
        self
    }
    pub(crate) fn italic(mut self) -> Self {
        self.italic = true;
        self
    }
    pub(crate) fn vertical(mut self) -> Self {
        self.vertical = true;
        self
    }
}

/// A plotters drawing area over an SVG string, in integer pixel coordinates.
pub(crate) struct Canvas<'a> {
    area: DrawingArea<SVGBackend<'a>, Shift>,
}

fn stroke(c: Rgb, width: u32) -> ShapeStyle {
    ShapeStyle { color: c.plotters().to_rgba(), filled: false, stroke_width: width }
}

fn fill(c: Rgb) -> ShapeStyle {
    ShapeStyle { color: c.plotters().to_rgba(), filled: true, stroke_width: 0 }
}

impl Canvas<'_> {
    pub(crate) fn rect(&self, x0: i32, y0: i32, x1: i32, y1: i32, c: Rgb) -> Res {
        if x1 <= x0 || y1 <= y0 {
            return Ok(());
        }
        self.area.draw(&Rectangle::new([(x0, y0), (x1, y1)], fill(c)))
    }

    pub(crate) fn rect_outline(&self, x0: i32, y0: i32, x1: i32, y1: i32, c: Rgb) -> Res {
        self.area.draw(&Rectangle::new([(x0, y0), (x1, y1)], stroke(c, 1)))
    }

    pub(crate) fn line(&self, points: Vec<(i32, i32)>, c: Rgb, width: u32) -> Res {
        self.area.draw(&PathElement::new(points, stroke(c, width)))
    }

    /// A dashed black line (target lines).
    pub(crate) fn dashed(&self, points: Vec<(i32, i32)>, width: u32) -> Res {
        self.area.draw(&PathElement::new(points, stroke(DASH_SENTINEL, width)))
    }

    pub(crate) fn polygon(&self, points: Vec<(i32, i32)>, c: Rgb) -> Res {
        self.area.draw(&Polygon::new(points, fill(c)))
    }

    pub(crate) fn polygon_outline(&self, mut points: Vec<(i32, i32)>, c: Rgb, width: u32) -> Res {
        if let Some(&first) = points.first() {
            points.push(first);
        }
        self.line(points, c, width)
    }

    pub(crate) fn circle(&self, x: i32, y: i32, r: u32, c: Rgb, filled: bool, width: u32) -> Res {
        let style = if filled { fill(c) } else { stroke(c, width) };
        self.area.draw(&Circle::new((x, y), r, style))
    }

    pub(crate) fn text(&self, s: &str, x: i32, y: i32, t: Txt) -> Res {
        if s.is_empty() {
            return Ok(());
        }
        let style = match (t.bold, t.italic) {
            (true, _) => FontStyle::Bold,
            (false, true) => FontStyle::Italic,
            _ => FontStyle::Normal,
        };
        let mut font = FontDesc::new(FONT.into(), t.size * PLOTTERS_FONT_SCALE, style);
        if t.vertical {
            font = font.transform(FontTransform::Rotate270);
        }
        let style = TextStyle { font, color: t.color.plotters().to_backend_color(), pos: Pos::new(t.h, t.v) };
        self.area.draw(&Text::new(s, (x, y), style))
    }
}

/// Draws on a `w` x `h` canvas and returns the SVG *body* (everything inside the root element),
/// cleaned up; `None` when plotters reports an error.
pub(crate) fn render(w: u32, h: u32, draw: impl FnOnce(&Canvas<'_>) -> Res) -> Option<String> {
    let mut buf = String::new();
    {
        let area = SVGBackend::with_string(&mut buf, (w, h)).into_drawing_area();
        let canvas = Canvas { area };
        canvas.area.fill(&WHITE).ok()?;
        draw(&canvas).ok()?;
        canvas.area.present().ok()?;
    }
    let start = buf.find(">\n")? + 2;
    let end = buf.rfind("</svg>")?;
    Some(clean(buf.get(start..end)?))
}

/// Rewrites plotters' output: drops `opacity="1"` and `stroke="none"` (defaults), rounds font
/// sizes to 0.1 px, turns sentinel strokes into dashed black lines and removes the line breaks
/// plotters puts around text content. Attribute values never contain a raw `"` (plotters
/// escapes it), so matching `name="` cannot hit label text.
fn clean(body: &str) -> String {
    let dash = format!("stroke=\"#{:02X}{:02X}{:02X}\"", DASH_SENTINEL.0, DASH_SENTINEL.1, DASH_SENTINEL.2);
    let s = body
        .replace(" opacity=\"1\"", "")
        .replace(" stroke=\"none\"", "")
        .replace(&dash, "stroke=\"#000000\" stroke-dasharray=\"6 4\"")
        .replace("\n</text>", "</text>");
    // Pass 1: no line break right after a text start tag (it ends at the first '>').
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(t) = rest.find("<text ") {
        let Some(gt) = rest[t..].find('>') else { break };
        let tag_end = t + gt + 1;
        out.push_str(&rest[..tag_end]);
        rest = &rest[tag_end..];
        if let Some(stripped) = rest.strip_prefix('\n') {
            rest = stripped;
        }
    }
    out.push_str(rest);
    // Pass 2: font sizes rounded to 0.1 px (plotters writes `size / 1.24` in full precision).
    let s = out;
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    const KEY: &str = "font-size=\"";
    while let Some(f) = rest.find(KEY) {
        let value_start = f + KEY.len();
        out.push_str(&rest[..value_start]);
        rest = &rest[value_start..];
        let Some(q) = rest.find('"') else { break };
        match rest[..q].parse::<f64>() {
            Ok(v) => out.push_str(&trim_number(v, 1)),
            Err(_) => out.push_str(&rest[..q]),
        }
        rest = &rest[q..];
    }
    out.push_str(rest);
    out
}

/// `v` with at most `decimals` decimals, without trailing zeros, with a dot.
pub(crate) fn trim_number(v: f64, decimals: i32) -> String {
    let f = 10f64.powi(decimals);
    let r = (v * f).round() / f;
    let r = if r == 0.0 { 0.0 } else { r };
    let s = format!("{:.*}", decimals.max(0) as usize, r);
    if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s }
}
