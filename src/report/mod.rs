//! The report: what the site says, as bytes (pages, charts, downloads, the booklet).

pub mod booklet;
pub mod chart;
pub mod data;
pub mod deps;
pub mod document;
pub mod emit;
pub mod escape;
pub mod files;
pub mod formula;
pub mod i18n;
pub mod markdown;
pub mod pages;
pub mod pieces;
pub mod search;
pub mod theme;
pub mod urls;
pub mod view;
pub mod xlsx;

/// What a build tells the report beyond the content.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site's absolute address, for canonical links (`None`: every link relative).
    pub base_url: Option<String>,
    /// The build date shown in footers.
    pub date: jiff::civil::Date,
}
