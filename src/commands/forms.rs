//! `kieumau forms --year Y [--district D] [--out DIR]`: one collection workbook per district
//! (made by [`crate::report::xlsx::district_form`]), written all or nothing.
//!
//! A workbook that is already there and differs from the new one may have come back filled in:
//! it is never overwritten without `--force`, so a second run cannot lose a district's scores.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::replace::{Replace, all_or_nothing};
use crate::build::BuildOptions;
use crate::content::diag::Diagnostics;
use crate::domain::model::Content;
use crate::msg;

pub struct Options {
    pub root: PathBuf,
    pub year: i32,
    /// A district's slug or name; all districts when absent.
    pub district: Option<String>,
    /// Default: `<root>/forms`.
    pub out: Option<PathBuf>,
    pub force: bool,
}

/// What was written.
#[derive(Debug)]
pub struct Written {
    pub folder: PathBuf,
    pub written: Vec<String>,
    pub unchanged: Vec<String>,
}

pub enum Failure {
    /// The site has content errors (exit 1).
    Content(Box<Diagnostics>),
    /// A wrong argument, a workbook that would be overwritten, a file that cannot be written (exit 2).
    Usage(String),
}

/// The file name of a district's workbook for the year.
pub fn file_name(district: &str, year: i32) -> String {
    format!("{district}-{year}.xlsx")
}

fn pick_districts(content: &Content, wanted: Option<&str>) -> Result<Vec<usize>, Failure> {
    let Some(w) = wanted else { return Ok((0..content.districts.len()).collect()) };
    let w = w.trim();
    let districts = content.districts.iter().map(|d| (d.slug.as_str(), d.name.as_str()));
    match crate::domain::rules::pick_by_slug_or_name(w, districts) {
        Some(i) => Ok(vec![i]),
        None => {
            let known: Vec<&str> = content.districts.iter().map(|d| d.slug.as_str()).collect();
            Err(Failure::Usage(msg!("forms-no-district", district = w, known = known.join(", "))))
        }
    }
}

/// Makes the workbooks and writes them into the folder; nothing is written if anything fails.
pub fn forms(opts: &Options) -> Result<Written, Failure> {
    let build = BuildOptions::new(&opts.root);
    let mut diags = Diagnostics::new();
    let Some(checked) = crate::check(&opts.root, false, &mut diags) else {
        return Err(Failure::Content(Box::new(diags)));
    };
    let content = &checked.content;
    crate::domain::rules::year_in_site(&content.site, opts.year).map_err(Failure::Usage)?;
    let Some(fw) = content.frameworks.for_year(opts.year) else {
        let years: Vec<String> = content.frameworks.0.iter().map(|f| f.year.to_string()).collect();
        return Err(Failure::Usage(msg!("forms-no-framework", year = opts.year.to_string(), years = years.join(", "))));
    };
    let districts = pick_districts(content, opts.district.as_deref())?;
    let theme = crate::report::theme::Theme::for_site(&opts.root, &content.site).map_err(Failure::Usage)?;
    let labels = crate::report::xlsx::Labels::from_strings(&theme.strings).map_err(Failure::Usage)?;
    let folder = match &opts.out {
        Some(out) => out.clone(),
        None if opts.root == Path::new(".") => PathBuf::from("forms"),
        None => opts.root.join("forms"),
    };

    let books: Vec<(String, Vec<u8>)> = districts
        .par_iter()
        .map(|&di| {
            let name = file_name(&content.districts[di].slug, opts.year);
            crate::report::xlsx::district_form(content, fw, opts.year, di, build.date, &labels)
                .map(|bytes| (name.clone(), bytes))
                .map_err(|e| Failure::Usage(msg!("forms-cannot-make", file = name, error = e.to_string())))
        })
        .collect::<Result<_, _>>()?;

    let mut unchanged = Vec::new();
    let mut differ = Vec::new();
    let mut plan = Vec::new();
    for (name, bytes) in &books {
        let path = folder.join(name);
        match std::fs::read(&path) {
            Ok(old) if old == *bytes => unchanged.push(name.clone()),
            Ok(_) => {
                differ.push(name.clone());
                plan.push((name, path, bytes, false));
            }
            Err(_) => plan.push((name, path, bytes, true)),
        }
    }
    if !differ.is_empty() && !opts.force {
        return Err(Failure::Usage(msg!(
            "forms-would-overwrite",
            folder = &folder,
            count = differ.len(),
            files = differ.join(", ")
        )));
    }
    if !plan.is_empty() {
        std::fs::create_dir_all(&folder)
            .map_err(|e| Failure::Usage(msg!("forms-no-folder", folder = &folder, error = e.to_string())))?;
    }
    let rels: Vec<String> = plan.iter().map(|(name, ..)| folder.join(name).display().to_string()).collect();
    let files: Vec<Replace> = plan
        .iter()
        .zip(&rels)
        .map(|((_, path, bytes, create), rel)| Replace { rel, path, bytes, create: *create })
        .collect();
    all_or_nothing(&files).map_err(Failure::Usage)?;
    let written = plan.iter().map(|(name, ..)| (*name).clone()).collect();
    Ok(Written { folder, written, unchanged })
}

/// `kieumau forms`: makes the workbooks and says what was written. Returns the exit code.
pub fn run(opts: &Options) -> u8 {
    match forms(opts) {
        Ok(w) => {
            let folder = w.folder.display().to_string();
            eprintln!(
                "{}",
                msg!(
                    "forms-written",
                    year = opts.year.to_string(),
                    written = w.written.len(),
                    unchanged = w.unchanged.len(),
                    folder = &folder
                )
            );
            for name in &w.written {
                println!("{}", w.folder.join(name).display());
            }
            let pattern = w.folder.join("*.xlsx").display().to_string();
            eprintln!("{}", msg!("forms-next", files = pattern, year = opts.year.to_string()));
            0
        }
        Err(Failure::Content(d)) => {
            eprint!("{}", d.render_human(std::io::stderr().is_terminal()));
            eprintln!("{}", msg!("forms-refused", errors = d.error_count()));
            1
        }
        Err(Failure::Usage(m)) => {
            eprintln!("{}", msg!("error-line", message = m));
            2
        }
    }
}
