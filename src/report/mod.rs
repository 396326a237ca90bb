//! The report: what the site says, as bytes (pages, charts, downloads, the booklet).

pub mod booklet;
pub mod chart;
pub mod data;
pub mod i18n;
pub mod markdown;
pub mod pages;
pub mod search;
pub mod theme;
pub mod view;
pub mod xlsx;
mod zip;
