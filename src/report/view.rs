//! View models: what templates receive, already formatted for the site language. Kept apart
//! from the domain types so that templates never compute or format.

use serde::Serialize;

use super::i18n::Format;
use crate::domain::aggregate::{Stats, TargetYear};
use crate::domain::model::{Content, Scope, Target, Threshold};
use crate::report::chart::Chart;
use crate::report::urls;

#[derive(Serialize, Clone, Debug)]
pub struct Link {
    pub label: String,
    /// Relative to the site root; templates prefix it with the page's `root`.
    pub url: String,
}

impl Link {
    pub fn new(label: impl Into<String>, url: impl Into<String>) -> Self {
        Link { label: label.into(), url: url.into() }
    }
}

/// A unit's figures in one year, formatted.
#[derive(Serialize, Clone, Debug, Default)]
pub struct StatsView {
    pub branches: String,
    pub ratings: Vec<String>,
    pub good: String,
    pub good_pct: String,
    pub model: String,
    pub model_pct: String,
    pub pilots: String,
    pub pilots_model: String,
    pub mean_pct: String,
    pub members: String,
    pub good_change: String,
    pub model_change: String,
    pub empty: bool,
}

impl StatsView {
    pub fn new(f: Format, s: &Stats, prev: Option<&Stats>) -> Self {
        let prev = prev.filter(|p| p.branches > 0);
        StatsView {
            branches: f.int(s.branches),
            ratings: s.per_rating.iter().map(|&n| f.int(n)).collect(),
            good: f.int(s.good),
            good_pct: f.pct(s.good_pct()),
            model: f.int(s.model),
            model_pct: f.pct(s.model_pct()),
            pilots: f.int(s.pilots),
            pilots_model: f.int(s.pilots_model),
            mean_pct: f.pct(s.mean_score_pct()),
            members: f.int(i64::try_from(s.members).unwrap_or(i64::MAX)),
            good_change: prev.map(|p| f.pct_change(s.good_pct(), p.good_pct())).unwrap_or_default(),
            model_change: prev.map(|p| f.pct_change(s.model_pct(), p.model_pct())).unwrap_or_default(),
            empty: s.branches == 0,
        }
    }
}

/// A table row: a unit (with a link) and its figures.
#[derive(Serialize, Clone, Debug)]
pub struct StatsRow {
    pub label: String,
    pub url: Option<String>,
    pub note: String,
    pub stats: StatsView,
    /// Flagged: below a target this row is measured against.
    pub flag: bool,
}

/// A chart with the numbers behind it, shown as a table beside it.
#[derive(Serialize, Clone, Debug)]
pub struct ChartView {
    pub svg: String,
    pub title: String,
    pub desc: String,
    /// The numbers table's `<thead>` and `<tbody>`, made here like the SVG (escaped): a template
    /// loop over every cell was a third of a branch page's rendering.
    pub table: String,
    /// More columns than fit beside the chart: the template puts the numbers under it.
    pub wide: bool,
}

/// Numbers tables with more columns than this go under their chart, not beside it.
const COLUMNS_BESIDE: usize = 4;

impl ChartView {
    /// `rows` start with their label, shown as the row's header cell.
    pub fn new(chart: Chart, headers: Vec<String>, rows: Vec<Vec<String>>) -> Self {
        use super::theme::escape_html as esc;
        let mut table = String::with_capacity(64 + 48 * headers.len() * (rows.len() + 1));
        table.push_str("<thead><tr>");
        for (i, h) in headers.iter().enumerate() {
            table.push_str(if i == 0 { "<th scope=\"col\">" } else { "<th scope=\"col\" class=\"num\">" });
            table.push_str(&esc(h));
            table.push_str("</th>");
        }
        table.push_str("</tr></thead>\n      <tbody>");
        for row in &rows {
            table.push_str("<tr>");
            for (i, cell) in row.iter().enumerate() {
                table.push_str(if i == 0 { "<th scope=\"row\">" } else { "<td class=\"num\">" });
                table.push_str(&esc(cell));
                table.push_str(if i == 0 { "</th>" } else { "</td>" });
            }
            table.push_str("</tr>");
        }
        table.push_str("</tbody>");
        let wide = headers.len() > COLUMNS_BESIDE;
        ChartView { svg: chart.svg, title: chart.title, desc: chart.desc, table, wide }
    }
}

/// A target's state in one year.
#[derive(Serialize, Clone, Debug)]
pub struct TargetView {
    pub name: String,
    pub threshold: String,
    pub scope: String,
    pub value: String,
    /// "met", "unmet" or "none".
    pub state: &'static str,
    pub state_label: String,
    pub detail: String,
    pub below: Vec<Link>,
}

pub fn threshold_text(f: Format, t: Threshold) -> String {
    let v = f.score(t.pct());
    match t {
        Threshold::AtLeast(_) => format!("≥ {v}%"),
        Threshold::MoreThan(_) => format!("> {v}%"),
    }
}

pub fn state_of(met: Option<bool>) -> &'static str {
    match met {
        Some(true) => "met",
        Some(false) => "unmet",
        None => "none",
    }
}

pub fn target_view(
    f: Format,
    tr: &dyn Fn(&str) -> String,
    content: &Content,
    target: &Target,
    ty: &TargetYear,
) -> TargetView {
    let level = target.level.map(|l| format!(" · {}", tr(&format!("level_{}", l.slug().replace('-', "_")))));
    let scope = match target.scope {
        Scope::District => tr("scope_district"),
        Scope::Province => tr("scope_province"),
    } + &level.unwrap_or_default();
    let (detail, below) = match target.scope {
        Scope::District => {
            let below = content
                .districts
                .iter()
                .zip(&ty.districts)
                .filter_map(|(d, v)| match v {
                    Some((r, false)) => {
                        Some(Link::new(format!("{} ({})", d.name, f.pct(Some(*r))), urls::district(&d.slug)))
                    }
                    _ => None,
                })
                .collect();
            let detail = format!("{}/{} {}", ty.districts_met(), ty.districts_counted(), tr("districts_meeting"));
            (detail, below)
        }
        Scope::Province => (String::new(), Vec::new()),
    };
    TargetView {
        name: target.name.clone(),
        threshold: threshold_text(f, target.threshold),
        scope,
        value: f.pct(ty.value),
        state: state_of(ty.met),
        state_label: tr(&format!("target_{}", state_of(ty.met))),
        detail,
        below,
    }
}

/// One district's value of a district-scope target in one year, with its state (`met`, `unmet`
/// or `none`) and the word for it.
#[derive(Serialize, Clone, Debug)]
pub struct TargetCell {
    pub value: String,
    pub state: &'static str,
    pub state_label: String,
}

/// A criteria framework as the criteria page and the booklet's annex show it.
#[derive(Serialize, Clone, Debug)]
pub struct FrameworkView {
    pub year: i32,
    /// The last year it is in force.
    pub until: i32,
    pub model_min_pct: String,
    pub model_ratings: Vec<String>,
    pub groups: Vec<GroupView>,
    pub vetoes: Vec<VetoView>,
    pub maxima: Vec<MaximumView>,
}

#[derive(Serialize, Clone, Debug)]
pub struct GroupView {
    pub id: String,
    pub name: String,
    pub criteria: Vec<CriterionView>,
}

#[derive(Serialize, Clone, Debug)]
pub struct CriterionView {
    pub id: String,
    pub title: String,
    pub max: String,
    pub min: Option<String>,
    /// The branch types it applies to, in words.
    pub types: String,
}

#[derive(Serialize, Clone, Debug)]
pub struct VetoView {
    pub id: String,
    pub title: String,
}

/// A branch type's highest total score under the framework.
#[derive(Serialize, Clone, Debug)]
pub struct MaximumView {
    #[serde(rename = "type")]
    pub branch_type: String,
    pub max: String,
}
