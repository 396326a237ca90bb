//! SVG charts for the report pages, drawn with plotters on a compact SVG backend of our own
//! ([`svg`]).
//!
//! The functions are domain-free: they take labels and plain numbers (percentages 0..=100 unless
//! said otherwise) and return a [`Chart`]: a complete `<svg>` element to inline into HTML5, its
//! title and a one-paragraph text summary (`desc`) of the numbers.
//!
//! Properties of every SVG:
//! - `role="img"` and `aria-labelledby` pointing at its own `<title>` and `<desc>`;
//! - ids are `chart-<slug of the title>-<8 hex digits of a hash of title, summary and drawing>`,
//!   so distinct charts on a page get distinct ids and the bytes stay deterministic; two charts
//!   with identical title *and* numbers would share ids, so give one of them another id with
//!   [`Chart::with_id`] (say, with the page position appended);
//! - `viewBox="0 0 720 H"` and `width="100%"`, no fixed height: the chart scales with its
//!   container and keeps its aspect ratio. The site's stylesheet should cap it, e.g.
//!   `svg.chart { display: block; width: 100%; height: auto; max-width: 720px; }`;
//! - no `style` attributes (the site's CSP forbids inline styles), only presentation attributes;
//!   no scripts, no external references, no `xlink:href`; text is SVG `<text>` in the generic
//!   `sans-serif` family, so no font is needed at build time; all text is XML-escaped;
//! - colour-blind-safe colours (Okabe–Ito hues, single-hue blue scales), dashed black target
//!   lines, so charts also read in black-and-white print;
//! - empty or unusable input (no labels, only `None`, NaN or infinities) gives a small valid SVG
//!   saying [`ChartText::no_data`]; nothing here panics on data.
//!
//! Layout uses font-free width estimates (see [`metrics`]); labels longer than 32 characters are
//! shortened with "…" (the full names belong in the data table beside each chart).

mod bars;
mod canvas;
mod common;
mod heat;
mod lines;
mod metrics;
pub mod png;
mod scores;
mod svg;
#[cfg(test)]
mod tests;

pub use bars::{percent_bars, stacked_shares};
pub use common::{Chart, ChartText, Series, TargetLine};
pub use heat::heat_map;
pub use lines::trend_lines;
pub use scores::scores_vs_max;
