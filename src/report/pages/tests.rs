//! Golden snapshots of every page kind's view model (the context its template gets) on the valid
//! fixture: a changed rule or view shows, in one reviewable diff, every page value it changes.
//! Update with `cargo insta review` (or `INSTA_UPDATE=always cargo test`).

use std::io;
use std::sync::Mutex;

use super::Renderer;
use crate::content::Checked;
use crate::domain::digest::Key;
use crate::report::emit::Emit;
use crate::report::pieces::{OldFile, PieceSink};
use crate::report::theme::Theme;

/// An output that keeps nothing: the views are what is compared.
struct Nowhere;

impl Emit for Nowhere {
    fn offer(&self, _: &str, _: Key) -> io::Result<bool> {
        Ok(true)
    }
    fn write(&self, _: &str, _: &[u8]) -> io::Result<()> {
        Ok(())
    }
    fn old_pieces(&self, _: &str) -> Option<OldFile> {
        None
    }
    fn write_streamed(
        &self,
        _: &str,
        _: Option<&OldFile>,
        _: &mut dyn FnMut(&mut dyn PieceSink) -> io::Result<()>,
    ) -> io::Result<()> {
        Ok(())
    }
}

fn fixture() -> Checked {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    crate::check(&root, false, &mut crate::content::diag::Diagnostics::new()).expect("the valid fixture checks")
}

#[test]
fn every_page_kinds_view_model() {
    let checked = fixture();
    let theme = Theme::load(std::path::Path::new("/nonexistent"), None, "vi", None).unwrap();
    let opts = crate::report::Options { base_url: None, date: jiff::civil::date(2024, 12, 15) };
    let mut r = Renderer::new(&checked, &theme, opts);
    r.views = Some(Mutex::new(Default::default()));
    let out = Nowhere;
    let content = &checked.content;
    let year = checked.agg.latest_year().unwrap();
    r.year_page(&out, year, true).unwrap();
    r.year_page(&out, year, false).unwrap();
    r.district_page(&out, 0, "v").unwrap();
    r.branch_page(&out, 0, 0, "v").unwrap();
    r.type_page(&out, 0).unwrap();
    r.list_pages(&out).unwrap();
    r.criteria_page(&out).unwrap();
    r.data_page(&out, &[("branches.csv".into(), 2048), ("districts/dong-hung.xlsx".into(), 4096)]).unwrap();
    r.snapshots_page(&out, &[]).unwrap();
    let views = r.views.take().unwrap().into_inner().unwrap();
    let (d, b) = (&content.districts[0], &content.districts[0].branches[0]);
    let kinds = [
        ("home", "index.html".to_string()),
        ("year", crate::report::urls::year(year)),
        ("district", crate::report::urls::district(&d.slug)),
        ("branch", crate::report::urls::branch(&d.slug, &b.slug)),
        ("type", crate::report::urls::branch_type(&content.site.branch_types[0].slug)),
        ("districts", crate::report::urls::DISTRICTS.to_string()),
        ("types", crate::report::urls::TYPES.to_string()),
        ("criteria", crate::report::urls::CRITERIA.to_string()),
        ("data", crate::report::urls::DATA.to_string()),
        ("snapshots", crate::report::urls::SNAPSHOTS.to_string()),
    ];
    assert_eq!(views.len(), kinds.len(), "one view per page rendered: {:?}", views.keys().collect::<Vec<_>>());
    for (kind, path) in kinds {
        let mut view = views.get(&path).unwrap_or_else(|| panic!("no view for {path}")).clone();
        // The charts' SVG is compared by the chart tests; here only its presence and size.
        strip_svg(&mut view);
        insta::assert_json_snapshot!(kind, view);
    }
}

/// Replaces every `svg` string in the view by its length.
fn strip_svg(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                if k == "svg"
                    && let Some(s) = x.as_str()
                {
                    *x = serde_json::json!(format!("<svg of {} bytes>", s.len()));
                } else {
                    strip_svg(x);
                }
            }
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(strip_svg),
        _ => {}
    }
}
