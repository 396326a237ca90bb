//! What a build is asked to do, what it reports, and how it fails.

use std::path::{Path, PathBuf};
use std::time::Duration;

/// Why a command failed: the content (exit 1) or the machine (exit 2).
#[derive(Debug)]
pub enum Failure {
    Content,
    /// The theme's templates or translations are broken (exit 1: the site's files need fixing).
    Theme(String),
    Io(String),
}

pub struct BuildOptions {
    pub root: PathBuf,
    pub output: PathBuf,
    pub base_url: Option<String>,
    /// Replace an output folder that holds files kieumau did not write (see [`crate::build::guard`]).
    pub force: bool,
    /// The build date shown in footers (`SOURCE_DATE_EPOCH` or today).
    pub date: jiff::civil::Date,
}

impl BuildOptions {
    pub fn new(root: &Path) -> Self {
        BuildOptions {
            root: root.to_path_buf(),
            output: root.join("output"),
            base_url: None,
            force: false,
            date: build_date(),
        }
    }

    /// What the report needs of these options.
    pub fn report(&self) -> crate::report::Options {
        crate::report::Options { base_url: self.base_url.clone(), date: self.date }
    }
}

/// Today, or the day of `SOURCE_DATE_EPOCH` when it is set (reproducible builds).
pub fn build_date() -> jiff::civil::Date {
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<i64>().ok());
    match epoch.and_then(|s| jiff::Timestamp::from_second(s).ok()) {
        Some(ts) => ts.to_zoned_datetime(jiff::tz::TimeZone::UTC).date(),
        None => jiff::ZonedDateTime::now().date(),
    }
}

pub struct BuildSummary {
    /// How many files were written, and how many carried over from the last builds.
    pub reuse: crate::build::write::Reuse,
    pub files: usize,
    pub pages: usize,
    pub charts: usize,
    pub elapsed: Duration,
}
