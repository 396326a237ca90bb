//! Render: the site's pages and downloads, written into the build's staging folder.

pub mod data;

use std::io;

use crate::build::{BuildOptions, Checked};
use crate::model::tenths_to_string;
use crate::write::Output;

#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub files: usize,
    pub pages: usize,
    pub charts: usize,
}

pub fn render_site(checked: &Checked, opts: &BuildOptions, out: &Output) -> io::Result<Counts> {
    let mut counts = Counts::default();
    counts.files += data::write_all(&checked.content, &checked.agg, out)?;
    out.write("index.html", index_page(checked, opts).as_bytes())?;
    counts.files += 1;
    counts.pages += 1;
    Ok(counts)
}

/// A plain province summary; the themed site replaces it.
fn index_page(checked: &Checked, opts: &BuildOptions) -> String {
    let (c, agg) = (&checked.content, &checked.agg);
    let esc = tera::escape_html;
    let mut rows = String::new();
    for (yi, y) in agg.years.iter().enumerate() {
        let s = &agg.province[yi];
        let pct = |r: Option<crate::model::Ratio>| {
            r.map(|r| tenths_to_string(r.pct_tenths()))
                .unwrap_or_default()
        };
        rows.push_str(&format!(
            "<tr><td>{y}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            s.branches,
            s.good,
            pct(s.good_pct()),
            s.model,
            pct(s.model_pct())
        ));
    }
    format!(
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body>\n<h1>{title}</h1><p>{org}</p>\n<table><tr><th>year</th><th>branches</th><th>good_or_better</th><th>%</th><th>model</th><th>%</th></tr>\n{rows}</table>\n<p><a href=\"data/site.json\">site.json</a></p><footer>{version} · {date}</footer></body></html>\n",
        lang = c.site.language.code(),
        title = esc(&c.site.title),
        org = esc(&c.site.organisation),
        version = esc(&c.version),
        date = opts.date,
    )
}
