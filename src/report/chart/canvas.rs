//! A thin drawing layer over plotters, in pixel coordinates, drawing on our compact SVG
//! backend ([`super::svg`]).
//!
//! Only plotters' primitive elements are used (rectangles, polylines, polygons, circles, text);
//! none of its layout code (legends, meshes), because that layout relies on the font-less
//! "naive" text metrics, which count UTF-8 *bytes* (so Vietnamese labels would be measured
//! about 1.5 times too wide). Layout is done with [`super::metrics`] instead.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontStyle, FontTransform, TextStyle};

pub(crate) use super::svg::TextDefaults;
use super::svg::{FONT, Strokes, Svg, anchor_name};

/// A drawing error from plotters (our backend itself never fails); every chart falls back to
/// the no-data SVG on it.
pub(crate) type DrawErr = DrawingAreaErrorKind<std::convert::Infallible>;
/// The result of one drawing step.
pub(crate) type Res = Result<(), DrawErr>;

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
/// Target lines: dashed black.
const DASH: Rgb = Rgb(0, 0, 0);

impl TextDefaults {
    /// Text set once on the whole drawing (the most common text of a chart kind); each text
    /// names only what differs.
    pub(crate) const fn new(size: f64, color: Rgb, anchor: HPos) -> Self {
        TextDefaults { size, color: (color.0, color.1, color.2), anchor: anchor_name(anchor) }
    }
}

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
    area: DrawingArea<Svg<'a>, Shift>,
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
        self.area.draw(&Strokes { points, color: DASH.plotters().to_backend_color(), width, dashed: true })
    }

    /// Separate line segments of one colour and width (hatching), as one element: `ends` holds
    /// the two ends of each segment in turn.
    pub(crate) fn segments(&self, ends: Vec<(i32, i32)>, c: Rgb, width: u32) -> Res {
        self.area.draw(&Strokes { points: ends, color: c.plotters().to_backend_color(), width, dashed: false })
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
        let mut font = FontDesc::new(FONT.into(), t.size, style);
        if t.vertical {
            font = font.transform(FontTransform::Rotate270);
        }
        let style = TextStyle { font, color: t.color.plotters().to_backend_color(), pos: Pos::new(t.h, t.v) };
        self.area.draw(&Text::new(s, (x, y), style))
    }
}

/// Draws on a `w` x `h` canvas and appends the SVG *body* (everything inside the root element)
/// to `out`; `None` when plotters reports an error. `text` is the chart's most common text style.
pub(crate) fn render_into(
    out: &mut String,
    w: u32,
    h: u32,
    text: TextDefaults,
    draw: impl FnOnce(&Canvas<'_>) -> Res,
) -> Option<()> {
    let area = Svg::new(out, (w, h), text).into_drawing_area();
    let canvas = Canvas { area };
    canvas.area.fill(&WHITE).ok()?;
    draw(&canvas).ok()?;
    canvas.area.present().ok()
}

/// [`render_into`] a new string.
#[cfg(test)]
pub(crate) fn render(w: u32, h: u32, text: TextDefaults, draw: impl FnOnce(&Canvas<'_>) -> Res) -> Option<String> {
    let mut out = String::new();
    render_into(&mut out, w, h, text, draw)?;
    Some(out)
}
