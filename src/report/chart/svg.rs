//! A plotters drawing backend that writes compact SVG straight into a `String`.
//!
//! plotters' own `SVGBackend` formats every attribute through `format!`, repeats the font family,
//! size and colour on every `<text>`, writes `opacity="1"` everywhere and has no dashed lines;
//! cleaning that up afterwards took several passes over the text. This backend writes the final
//! markup directly:
//! - integer coordinates through `itoa`, colours as `#RGB` when that is exact;
//! - the whole drawing inside one `<g>` that sets the chart's most common text size, colour and
//!   anchor ([`TextDefaults`]), so a `<text>` only names what differs (the font family is on the
//!   root `<svg>`); shapes always name their own fill, so they do not inherit the text colour;
//! - lines and polygons as `<path>` (`H`/`V` for straight runs); a line of two points needs no
//!   `fill="none"`, since it encloses no area;
//! - default attribute values (`opacity="1"`, `stroke-width="1"`, `text-anchor="start"`,
//!   `x="0"`) left out;
//! - a rectangle outlined right after being filled with the same geometry becomes one element
//!   with both fill and stroke (SVG paints the fill, then the stroke: the same pixels);
//! - dashed lines natively, and sets of separate segments (hatching) as one path, through
//!   [`Strokes`] (plotters' dashed element emits one element per dash).
//!
//! Text vertical anchors use the same `dy` offsets as plotters (`0.76em`, `0.5ex`, `-0.5ex`)
//! and rotations the same `rotate(angle x y)`, so text lands where it did.

use std::convert::Infallible;

use plotters::element::{Drawable, PointCollection};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle,
    FontTransform,
};

/// The family named on the root `<svg>`; text in another family names its own.
pub(crate) const FONT: &str = "sans-serif";

/// Text size, colour and horizontal anchor set once on the wrapping `<g>` (all three inherit);
/// only the bytes depend on the choice, not the drawing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct TextDefaults {
    /// In px.
    pub size: f64,
    pub color: (u8, u8, u8),
    /// `start`, `middle` or `end` (see [`anchor_name`]).
    pub anchor: &'static str,
}

/// The SVG body of one chart: a `<g>` element with everything drawn, in drawing order.
pub(crate) struct Svg<'a> {
    out: &'a mut String,
    size: (u32, u32),
    text: TextDefaults,
    /// The last element written, when it is a filled rectangle: its corners and where its
    /// closing `/>` starts, so that an outline of the same rectangle can join it.
    last_fill: Option<(BackendCoord, BackendCoord, usize)>,
    closed: bool,
}

/// The `text-anchor` value of a horizontal position.
pub(crate) const fn anchor_name(h: HPos) -> &'static str {
    match h {
        HPos::Left => "start",
        HPos::Center => "middle",
        HPos::Right => "end",
    }
}

impl<'a> Svg<'a> {
    /// Starts the body in `out` (appending), for a `size` canvas.
    pub(crate) fn new(out: &'a mut String, size: (u32, u32), text: TextDefaults) -> Self {
        out.push_str("<g font-size=\"");
        push_dec1(out, text.size);
        out.push_str("\" fill=\"");
        push_rgb(out, text.color);
        out.push('"');
        if text.anchor != "start" {
            out.push_str(" text-anchor=\"");
            out.push_str(text.anchor);
            out.push('"');
        }
        out.push_str(">\n");
        Svg { out, size, text, last_fill: None, closed: false }
    }

    /// `stroke`, `stroke-width` (unless 1) and `opacity` (unless opaque).
    fn stroke(&mut self, color: BackendColor, width: u32) {
        self.out.push_str(" stroke=\"");
        push_rgb(self.out, color.rgb);
        self.out.push('"');
        if width != 1 {
            self.out.push_str(" stroke-width=\"");
            push_int(self.out, i64::from(width));
            self.out.push('"');
        }
        self.opacity(color);
    }

    fn fill(&mut self, color: BackendColor) {
        self.out.push_str(" fill=\"");
        push_rgb(self.out, color.rgb);
        self.out.push('"');
        self.opacity(color);
    }

    fn opacity(&mut self, color: BackendColor) {
        if color.alpha < 1.0 {
            self.out.push_str(" opacity=\"");
            push_dec3(self.out, color.alpha);
            self.out.push('"');
        }
    }

    /// ` name="value"` for an integer value.
    fn attr(&mut self, name: &str, value: i32) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_int(self.out, i64::from(value));
        self.out.push('"');
    }

    /// `<path d="…"`, without closing the tag; `None` (nothing written) for fewer than two points.
    fn open_path(&mut self, points: impl IntoIterator<Item = BackendCoord>, close: bool) -> Option<usize> {
        let mut points = points.into_iter();
        let (mut px, mut py) = points.next()?;
        let (x1, y1) = points.next()?;
        self.out.push_str("<path d=\"M");
        push_int(self.out, i64::from(px));
        self.out.push(' ');
        push_int(self.out, i64::from(py));
        let mut count = 1;
        let mut last_l = false;
        for (x, y) in std::iter::once((x1, y1)).chain(points) {
            // Straight runs as H/V; consecutive L commands need no letter.
            if y == py && x != px {
                self.out.push('H');
                push_int(self.out, i64::from(x));
                last_l = false;
            } else if x == px && y != py {
                self.out.push('V');
                push_int(self.out, i64::from(y));
                last_l = false;
            } else {
                self.out.push(if last_l { ' ' } else { 'L' });
                push_int(self.out, i64::from(x));
                self.out.push(' ');
                push_int(self.out, i64::from(y));
                last_l = true;
            }
            (px, py) = (x, y);
            count += 1;
        }
        if close {
            self.out.push('Z');
        }
        self.out.push('"');
        Some(count)
    }

    /// An open line through `points`, dashed or not.
    fn polyline(
        &mut self,
        points: impl IntoIterator<Item = BackendCoord>,
        color: BackendColor,
        width: u32,
        dash: bool,
    ) {
        self.last_fill = None;
        if color.alpha == 0.0 {
            return;
        }
        let Some(count) = self.open_path(points, false) else { return };
        // Two points enclose no area, so their (inherited) fill paints nothing.
        if count > 2 {
            self.out.push_str(" fill=\"none\"");
        }
        self.stroke(color, width);
        if dash {
            self.out.push_str(" stroke-dasharray=\"6 4\"");
        }
        self.out.push_str("/>\n");
    }

    /// A dashed line (target lines), in one element.
    pub(crate) fn dashed(&mut self, points: impl IntoIterator<Item = BackendCoord>, color: BackendColor, width: u32) {
        self.polyline(points, color, width, true);
    }

    /// Separate straight segments (`points` taken in pairs; an odd last point is ignored), as one
    /// path of one subpath each. For segments that do not overlap (hatching) this paints what one
    /// element per segment would, in a fraction of the bytes.
    pub(crate) fn segments(&mut self, points: impl IntoIterator<Item = BackendCoord>, color: BackendColor, width: u32) {
        self.last_fill = None;
        if color.alpha == 0.0 {
            return;
        }
        let mut points = points.into_iter();
        let mut open = false;
        while let (Some((ax, ay)), Some((bx, by))) = (points.next(), points.next()) {
            self.out.push_str(if open { "M" } else { "<path d=\"M" });
            open = true;
            push_int(self.out, i64::from(ax));
            self.out.push(' ');
            push_int(self.out, i64::from(ay));
            self.out.push('L');
            push_int(self.out, i64::from(bx));
            self.out.push(' ');
            push_int(self.out, i64::from(by));
        }
        if open {
            // Single segments enclose no area: no fill needed.
            self.out.push('"');
            self.stroke(color, width);
            self.out.push_str("/>\n");
        }
    }

    /// Closes the wrapping `<g>` (once).
    fn close(&mut self) {
        if !self.closed {
            self.out.push_str("</g>\n");
            self.closed = true;
        }
    }
}

impl DrawingBackend for Svg<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        self.last_fill = None;
        self.close();
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<Infallible>> {
        self.draw_rect((x, y), (x + 1, y + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.polyline([from, to], style.color(), style.stroke_width(), false);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        let last_fill = self.last_fill.take();
        if color.alpha == 0.0 {
            return Ok(());
        }
        // Only opaque colours: `opacity` would apply to fill and stroke together.
        if !fill
            && color.alpha >= 1.0
            && let Some((a, b, end)) = last_fill
            && a == (x0, y0)
            && b == (x1, y1)
        {
            // Outlining the rectangle just filled: add the stroke to it.
            self.out.truncate(end);
            self.stroke(color, style.stroke_width());
            self.out.push_str("/>\n");
            return Ok(());
        }
        self.out.push_str("<rect");
        if x0 != 0 {
            self.attr("x", x0);
        }
        if y0 != 0 {
            self.attr("y", y0);
        }
        self.attr("width", x1 - x0);
        self.attr("height", y1 - y0);
        if fill {
            self.fill(color);
            if color.alpha >= 1.0 {
                self.last_fill = Some(((x0, y0), (x1, y1), self.out.len()));
            }
        } else {
            self.out.push_str(" fill=\"none\"");
            self.stroke(color, style.stroke_width());
        }
        self.out.push_str("/>\n");
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.polyline(path, style.color(), style.stroke_width(), false);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        self.last_fill = None;
        if color.alpha == 0.0 {
            return Ok(());
        }
        if self.open_path(vert, true).is_some() {
            self.fill(color);
            self.out.push_str("/>\n");
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        self.last_fill = None;
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.out.push_str("<circle");
        self.attr("cx", x);
        self.attr("cy", y);
        self.out.push_str(" r=\"");
        push_int(self.out, i64::from(radius));
        self.out.push('"');
        if fill {
            self.fill(color);
        } else {
            self.out.push_str(" fill=\"none\"");
            self.stroke(color, style.stroke_width());
        }
        self.out.push_str("/>\n");
        Ok(())
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        self.last_fill = None;
        if color.alpha == 0.0 {
            return Ok(());
        }
        let anchor = style.anchor();
        self.out.push_str("<text");
        self.attr("x", x);
        self.attr("y", y);
        self.out.push_str(match anchor.v_pos {
            VPos::Top => " dy=\"0.76em\"",
            VPos::Center => " dy=\"0.5ex\"",
            VPos::Bottom => " dy=\"-0.5ex\"",
        });
        let anchor_name = anchor_name(anchor.h_pos);
        if anchor_name != self.text.anchor {
            self.out.push_str(" text-anchor=\"");
            self.out.push_str(anchor_name);
            self.out.push('"');
        }
        let family = style.family();
        if family.as_str() != FONT {
            self.out.push_str(" font-family=\"");
            push_escaped(self.out, family.as_str());
            self.out.push('"');
        }
        // Sizes compare at the 0.1 px they are written with.
        let size = style.size();
        if (size * 10.0).round() != (self.text.size * 10.0).round() {
            self.out.push_str(" font-size=\"");
            push_dec1(self.out, size);
            self.out.push('"');
        }
        if color.rgb != self.text.color {
            self.out.push_str(" fill=\"");
            push_rgb(self.out, color.rgb);
            self.out.push('"');
        }
        self.opacity(color);
        match style.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => self.out.push_str(" font-weight=\"bold\""),
            FontStyle::Italic => self.out.push_str(" font-style=\"italic\""),
            FontStyle::Oblique => self.out.push_str(" font-style=\"oblique\""),
        }
        let angle = match style.transform() {
            FontTransform::None => None,
            FontTransform::Rotate90 => Some("90"),
            FontTransform::Rotate180 => Some("180"),
            FontTransform::Rotate270 => Some("270"),
        };
        if let Some(angle) = angle {
            self.out.push_str(" transform=\"rotate(");
            self.out.push_str(angle);
            self.out.push(' ');
            push_int(self.out, i64::from(x));
            self.out.push(' ');
            push_int(self.out, i64::from(y));
            self.out.push_str(")\"");
        }
        self.out.push('>');
        push_escaped(self.out, text);
        self.out.push_str("</text>\n");
        Ok(())
    }
}

/// Lines drawn through a plotters drawing area like its own elements, but written as one element:
/// a dashed polyline with `stroke-dasharray` ([`Svg::dashed`]), or separate segments, `points`
/// in pairs, as one path ([`Svg::segments`]).
pub(crate) struct Strokes {
    pub points: Vec<(i32, i32)>,
    pub color: BackendColor,
    pub width: u32,
    pub dashed: bool,
}

impl<'b> PointCollection<'b, (i32, i32)> for &'b Strokes {
    type Point = &'b (i32, i32);
    type IntoIter = &'b [(i32, i32)];
    fn point_iter(self) -> &'b [(i32, i32)] {
        &self.points
    }
}

impl Drawable<Svg<'_>> for Strokes {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        points: I,
        backend: &mut Svg<'_>,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if self.dashed {
            backend.dashed(points, self.color, self.width);
        } else {
            backend.segments(points, self.color, self.width);
        }
        Ok(())
    }
}

/// Appends a decimal integer.
pub(crate) fn push_int(out: &mut String, v: i64) {
    out.push_str(itoa::Buffer::new().format(v));
}

/// Appends `v` rounded to 0.1, without a trailing `.0`: `11.5`, `13`.
pub(crate) fn push_dec1(out: &mut String, v: f64) {
    push_fixed(out, v, 10);
}

/// Appends `v` rounded to 0.001, without trailing zeros.
fn push_dec3(out: &mut String, v: f64) {
    push_fixed(out, v, 1000);
}

/// `v` rounded to 1/`scale` (a power of ten), trailing zeros dropped; out-of-range values (not
/// finite, or beyond 1e15) as 0, which the charts never produce.
fn push_fixed(out: &mut String, v: f64, scale: i64) {
    let n = (v * scale as f64).round();
    let n = if n.is_finite() && n.abs() < 1e15 { n as i64 } else { 0 };
    if n < 0 {
        out.push('-');
    }
    let (int, mut frac) = (n.unsigned_abs() / scale as u64, n.unsigned_abs() % scale as u64);
    push_int(out, int as i64);
    if frac > 0 {
        out.push('.');
        let mut digit = scale as u64 / 10;
        while frac > 0 && digit > 0 {
            out.push(char::from(b'0' + (frac / digit) as u8));
            frac %= digit;
            digit /= 10;
        }
    }
}

/// Appends `#RRGGBB`, or `#RGB` when every channel has two equal hex digits (the same colour).
pub(crate) fn push_rgb(out: &mut String, (r, g, b): (u8, u8, u8)) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let hex = |n: u8| char::from(HEX[usize::from(n & 15)]);
    out.push('#');
    if [r, g, b].iter().all(|c| c >> 4 == c & 15) {
        for c in [r, g, b] {
            out.push(hex(c));
        }
    } else {
        for c in [r, g, b] {
            out.push(hex(c >> 4));
            out.push(hex(c));
        }
    }
}

pub(crate) use crate::report::escape::push_escaped;
