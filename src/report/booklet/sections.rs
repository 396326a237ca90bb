//! The year's report as a [`Document`], laid out as Hướng dẫn 36-HD/VPTW asks: the heading block,
//! "BÁO CÁO" and the title, the review text, the province against every target, a chapter per
//! district and per branch type, the signature and "Nơi nhận", the annexes (criteria, model
//! branches, pilots, with STT and parent organisations), and the contents.
//!
//! The HTML page is written in pieces (see [`super`]): given [`Marks`], each district's chapter
//! body and its annex rows are markers here and made on their own by [`Renderer::district_body`]
//! and [`Renderer::annex_rows`]; without, the document is whole (the Word file).

use super::{Annex, Marks};
use crate::domain::aggregate::Stats;
use crate::domain::model::{Metric, Note, Scope};
use crate::domain::score::Scored;
use crate::report::document::{Block, Chart, Column, Document, Masthead, Row, Run, Signature, Table, long_date};
use crate::report::pages::Renderer;
use crate::report::view::{ChartView, StatsView, threshold_text};

const ROMAN: [&str; 12] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

fn heading(level: u8, id: impl Into<String>, text: impl Into<String>, new_page: bool) -> Block {
    Block::Heading { level, id: id.into(), text: text.into(), new_page }
}

fn chart(c: ChartView) -> Block {
    Block::Chart(Chart { title: c.title, desc: c.desc, svg: c.svg })
}

/// `Xây dựng…` → `xây dựng…`, to stand inside a sentence.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

impl Renderer<'_> {
    /// The year's whole document (the Word file).
    pub fn booklet_document(&self, year: i32) -> Document {
        self.document_with(year, None)
    }

    /// The title under "BÁO CÁO": the review's `title`, or "Sơ kết năm Y …" ("Tổng kết …" for the
    /// target year).
    pub fn booklet_title(&self, year: i32) -> String {
        let content = &self.checked.content;
        let site = &content.site;
        let review = content.reviews.iter().find(|(y, _)| *y == year).map(|(_, n)| n);
        if let Some(t) = review.and_then(|n| n.title.clone()) {
            return t;
        }
        let key = if year == site.target_year { "booklet_title_final" } else { "booklet_title_year" };
        let title = if site.language.code() == "vi" { lower_first(&site.title) } else { site.title.clone() };
        self.tr(key)
            .replace("{year}", &year.to_string())
            .replace("{first}", &site.first_year.to_string())
            .replace("{title}", &title)
    }

    pub(super) fn document_with(&self, year: i32, marks: Option<&Marks>) -> Document {
        let (content, agg) = (&self.checked.content, &self.checked.agg);
        let site = &content.site;
        let yi = self.yi(year);
        let lang = site.language.code();
        let review = content.reviews.iter().find(|(y, _)| *y == year).map(|(_, n)| n);
        let official = review.and_then(|n| n.official.as_deref());
        let mut b = Vec::with_capacity(64 + 4 * content.districts.len());

        let issuer = if site.issuer.is_empty() { vec![site.organisation.to_uppercase()] } else { site.issuer.clone() };
        let date = review
            .and_then(|n| n.date.as_deref())
            .and_then(|d| d.get(..10)?.parse::<jiff::civil::Date>().ok())
            .unwrap_or(self.opts.date);
        let long = long_date(lang, date);
        let place_date = match &site.place {
            Some(p) => format!("{p}, {long}"),
            None => {
                let mut chars = long.chars();
                chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
            }
        };
        b.push(Block::Masthead(Masthead {
            issuer,
            number: official.and_then(|o| o.number.as_ref()).map(|n| format!("{} {n}", self.tr("booklet_number"))),
            party: self.tr("booklet_party"),
            place_date,
        }));
        let title = self.booklet_title(year);
        b.push(Block::Title { kind: self.tr("booklet_kind"), title: title.clone() });
        if let Some(n) = review {
            b.push(Block::Note {
                title: None,
                meta: String::new(),
                markdown: n.body.clone(),
                files_at: String::new(),
                files: n.files.clone(),
            });
        }

        // I. The province against every target.
        let mut part = 0;
        let mut numbered = |text: String| {
            part += 1;
            format!("{}. {text}", ROMAN.get(part - 1).copied().unwrap_or("…"))
        };
        b.push(heading(1, "province", numbered(self.tr("booklet_province")), review.is_some()));
        b.push(self.key_figures(&agg.province[yi], self.prev(&agg.province, yi)));
        b.push(Block::Table(self.targets_table(yi)));
        let rows = content.districts.iter().enumerate().map(|(di, d)| (d.name.clone(), &agg.districts[di]));
        b.push(Block::Table(self.stats_table(format!("{} {year}", self.tr("by_district")), rows.collect(), yi)));
        let labels: Vec<String> = content.districts.iter().map(|d| d.name.clone()).collect();
        let stats: Vec<&Stats> = agg.districts.iter().map(|s| &s[yi]).collect();
        b.push(chart(self.trend_chart(&self.tr("chart_province_trend"), &agg.province)));
        let good = format!("{} {year}", self.tr("chart_good_by_district"));
        b.push(chart(self.percent_chart(&good, &labels, &stats, Metric::GoodOrBetter)));
        let model = format!("{} {year}", self.tr("chart_model_by_district"));
        b.push(chart(self.percent_chart(&model, &labels, &stats, Metric::Model)));
        b.push(chart(self.heat_chart(&format!("{} {year}", self.tr("chart_heat")), yi)));

        // II. A chapter per district.
        b.push(heading(1, "districts", numbered(self.tr("booklet_districts")), true));
        for (di, d) in content.districts.iter().enumerate() {
            b.push(heading(2, format!("d-{}", d.slug), format!("{}. {}", di + 1, d.name), di > 0));
            match marks {
                Some(m) => b.push(Block::Piece(m.at(3 * di))),
                None => b.extend(self.district_body(di, year)),
            }
        }

        // III. A chapter per branch type.
        b.push(heading(1, "types", numbered(self.tr("booklet_types")), true));
        for (ti, t) in site.branch_types.iter().enumerate() {
            b.push(heading(2, format!("t-{}", t.slug), format!("{}. {}", ti + 1, t.name), ti > 0));
            b.push(self.key_figures(&agg.types[ti][yi], self.prev(&agg.types[ti], yi)));
            let with_type: Vec<usize> =
                (0..content.districts.len()).filter(|&di| agg.district_types[di][ti][yi].branches > 0).collect();
            let labels: Vec<String> = with_type.iter().map(|&di| content.districts[di].name.clone()).collect();
            let stats: Vec<&Stats> = with_type.iter().map(|&di| &agg.district_types[di][ti][yi]).collect();
            let title = format!("{} – {} {year}", self.tr("chart_model_by_district"), t.name);
            b.push(chart(self.percent_chart(&title, &labels, &stats, Metric::Model)));
            let rows = with_type.iter().map(|&di| (content.districts[di].name.clone(), &agg.district_types[di][ti]));
            b.push(Block::Table(self.stats_table(format!("{} {year}", self.tr("by_district")), rows.collect(), yi)));
        }

        if let Some(o) = official.filter(|o| o.signer.is_some() || !o.recipients.is_empty()) {
            let (role, name) = o.signer.as_ref().map_or((Vec::new(), String::new()), |s| {
                (s.role.lines().map(str::to_string).collect(), s.name.clone())
            });
            b.push(Block::Signature(Signature {
                role,
                name,
                recipients_heading: self.tr("booklet_recipients"),
                recipients: o.recipients.clone(),
            }));
        }

        // The annexes.
        let annex = |n: u32, what: String| format!("{} {n}. {what}", self.tr("annex"));
        b.push(heading(1, "annex-criteria", annex(1, self.tr("criteria_heading")), true));
        self.criteria_annex(&mut b, year);
        let (firsts, totals) = self.annex_firsts(year);
        b.push(heading(1, "annex-model", annex(2, format!("{} ({})", self.tr("booklet_model_list"), totals.0)), true));
        b.push(Block::Table(self.annex_table(Annex::Model, year, &firsts, marks)));
        b.push(heading(1, "annex-pilots", annex(3, format!("{} ({})", self.tr("booklet_pilot_list"), totals.1)), true));
        let deviations: Vec<String> = agg
            .pilot_checks
            .iter()
            .filter(|c| !c.ok)
            .map(|c| {
                let (d, t) = (&content.districts[c.district].name, &site.branch_types[c.type_idx].name);
                format!("{d} — {t}: {} {}", c.pilots, self.tr("flag_pilots"))
            })
            .collect();
        if !deviations.is_empty() {
            let rule = site.pilots.map(|r| format!(" ({} {}–{})", self.tr("flag_rule"), r.min, r.max));
            b.push(Block::Para(vec![Run::bold(format!("{}{}", self.tr("pilot_deviation"), rule.unwrap_or_default()))]));
            b.push(Block::List(deviations));
        }
        b.push(Block::Table(self.annex_table(Annex::Pilots, year, &firsts, marks)));

        b.push(Block::Contents { heading: self.tr("booklet_contents") });
        Document { lang: lang.to_string(), title, blocks: b }
    }

    /// A unit's key figures as a two-column table.
    fn key_figures(&self, s: &Stats, prev: Option<&Stats>) -> Block {
        let v = StatsView::new(self.fmt, s, prev);
        let points = self.tr("points");
        let change = |c: &str| if c.is_empty() { String::new() } else { format!(" ({c} {points})") };
        let rows = [
            (self.tr("col_branches"), v.branches.clone()),
            (self.tr("col_good_pct"), format!("{}{}", v.good_pct, change(&v.good_change))),
            (
                self.tr("col_model"),
                format!(
                    "{} ({}{})",
                    v.model,
                    v.model_pct,
                    change(&v.model_change).replace(" (", ", ").replace(')', "")
                ),
            ),
            (self.tr("col_pilots"), format!("{} ({} {})", v.pilots, v.pilots_model, self.tr("kieu_mau_short"))),
            (self.tr("col_mean"), v.mean_pct.clone()),
            (self.tr("col_members"), v.members.clone()),
        ];
        Block::Table(Table {
            caption: Some(self.tr("booklet_key_figures")),
            columns: vec![Column::text(self.tr("col_indicator"), 3), Column::text(self.tr("col_result"), 2)],
            rows: rows.into_iter().map(|(k, v)| Row::Cells(vec![k, v])).collect(),
            wide: false,
            row_header: true,
        })
    }

    /// The province against every target, with the districts below a district target.
    fn targets_table(&self, yi: usize) -> Table {
        let rows = self
            .targets(yi)
            .into_iter()
            .map(|t| {
                let value = if t.detail.is_empty() { t.value } else { format!("{} ({})", t.value, t.detail) };
                let below = t.below.iter().map(|l| l.label.as_str()).collect::<Vec<_>>().join("; ");
                Row::Cells(vec![t.name, t.scope, t.threshold, value, t.state_label, below])
            })
            .collect();
        Table {
            caption: Some(self.tr("targets_heading")),
            columns: vec![
                Column::text(self.tr("col_target"), 4),
                Column::text(self.tr("col_scope"), 2),
                Column::num(self.tr("col_threshold"), 1),
                Column::num(self.tr("col_value"), 2),
                Column::text(self.tr("col_state"), 1),
                Column::text(self.tr("col_below"), 3),
            ],
            rows,
            wide: false,
            row_header: true,
        }
    }

    /// Units' figures in a year, every column (landscape: twelve of them do not fit a portrait
    /// page in readable type).
    fn stats_table(&self, caption: String, rows: Vec<(String, &Vec<Stats>)>, yi: usize) -> Table {
        let site = &self.checked.content.site;
        let mut columns = vec![Column::text(self.tr("col_unit"), 4), Column::num(self.tr("col_branches"), 1)];
        columns.extend(site.ratings.iter().map(|r| Column::num(r.code.clone(), 1)));
        for key in ["col_good_pct", "col_model", "col_model_pct", "col_pilots", "col_mean", "col_change"] {
            columns.push(Column::num(self.tr(key), 1));
        }
        let rows = rows
            .into_iter()
            .map(|(label, series)| {
                let v = StatsView::new(self.fmt, &series[yi], self.prev(series, yi));
                let mut cells = vec![label, v.branches];
                cells.extend(v.ratings);
                let pilots = if v.pilots == "0" {
                    v.pilots
                } else {
                    format!("{} ({} {})", v.pilots, v.pilots_model, self.tr("kieu_mau_short"))
                };
                cells.extend([v.good_pct, v.model, v.model_pct, pilots, v.mean_pct, v.model_change]);
                Row::Cells(cells)
            })
            .collect();
        Table { caption: Some(caption), columns, rows, wide: true, row_header: true }
    }

    /// A district's chapter after its heading: figures, targets, trend, notes and branches.
    pub(super) fn district_body(&self, di: usize, year: i32) -> Vec<Block> {
        let (content, agg) = (&self.checked.content, &self.checked.agg);
        let site = &content.site;
        let yi = self.yi(year);
        let d = &content.districts[di];
        let mut b = vec![self.key_figures(&agg.districts[di][yi], self.prev(&agg.districts[di], yi))];
        let targets: Vec<Row> = site
            .targets
            .iter()
            .zip(&agg.targets)
            .filter(|(t, _)| t.scope == Scope::District)
            .map(|(t, ys)| {
                let cell = self.district_target_cell(&ys[yi], di);
                Row::Cells(vec![t.name.clone(), threshold_text(self.fmt, t.threshold), cell.value, cell.state_label])
            })
            .collect();
        if !targets.is_empty() {
            b.push(Block::Table(Table {
                caption: Some(self.tr("targets_heading")),
                columns: vec![
                    Column::text(self.tr("col_target"), 5),
                    Column::num(self.tr("col_threshold"), 1),
                    Column::num(self.tr("col_value"), 1),
                    Column::text(self.tr("col_state"), 1),
                ],
                rows: targets,
                wide: false,
                row_header: true,
            }));
        }
        b.push(chart(self.trend_chart(&format!("{} – {}", self.tr("chart_trend"), d.name), &agg.districts[di])));
        let notes = d.notes.general.iter().map(|n| (None, &**n));
        let yearly = d.notes.by_year.iter().filter(|(y, _)| *y == year).map(|(y, n)| (Some(*y), n));
        for (y, n) in notes.chain(yearly) {
            b.push(self.note_block(n, y, &d.slug));
        }
        let rows: Vec<Row> = self
            .booklet_rows(di, year)
            .enumerate()
            .map(|(i, (bi, s))| {
                let br = &d.branches[bi];
                Row::Cells(vec![
                    (i + 1).to_string(),
                    br.name.clone(),
                    br.parent.clone().unwrap_or_default(),
                    site.branch_types[br.type_idx].name.clone(),
                    site.ratings[s.rating].code.clone(),
                    self.fmt.score(s.total),
                    self.fmt.pct(Some(s.pct())),
                    if s.model { "x".into() } else { String::new() },
                    if s.pilot { "x".into() } else { String::new() },
                ])
            })
            .collect();
        b.push(Block::Table(Table {
            caption: Some(format!("{} {year} ({})", self.tr("branches_heading"), rows.len())),
            columns: vec![
                Column::num(self.tr("col_no"), 1),
                Column::text(self.tr("col_branch"), 6),
                Column::text(self.tr("col_parent"), 5),
                Column::text(self.tr("col_type"), 3),
                Column::text(self.tr("col_rating"), 2),
                Column::num(self.tr("col_score"), 2),
                Column::num(self.tr("col_score_pct"), 2),
                Column::text(self.tr("model"), 2),
                Column::text(self.tr("col_pilot"), 2),
            ],
            rows,
            wide: false,
            row_header: false,
        }));
        b
    }

    /// A district's note; its files are those its district page publishes (the booklet sits at
    /// `booklet/<year>/`).
    fn note_block(&self, n: &Note, year: Option<i32>, district: &str) -> Block {
        let meta = [n.author.clone(), n.date.as_deref().map(|d| self.fmt.date_text(d))]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        let title = n.title.clone().or_else(|| year.map(|y| format!("{} {y}", self.tr("year"))));
        Block::Note {
            title,
            meta,
            markdown: n.body.clone(),
            files_at: format!("../../{}", crate::report::urls::district_folder(district)),
            files: n.files.clone(),
        }
    }

    /// Annex 1: the framework in force in `year`.
    fn criteria_annex(&self, b: &mut Vec<Block>, year: i32) {
        let frameworks = &self.checked.content.frameworks.0;
        let Some(i) = frameworks.iter().rposition(|f| f.year <= year) else { return };
        let fw = self.framework_view(i);
        let (from, until) = (fw.year, fw.until);
        let span = if until != from { format!("{from}–{until}") } else { from.to_string() };
        let ratings = &fw.model_ratings;
        b.push(Block::Para(vec![Run::plain(format!(
            "{} {span}. {} {}% {} {}; {}",
            self.tr("framework"),
            self.tr("model_rule_1"),
            fw.model_min_pct,
            self.tr("model_rule_2"),
            ratings.join(", "),
            self.tr("model_rule_3"),
        ))]));
        for g in &fw.groups {
            let rows = g
                .criteria
                .iter()
                .map(|c| {
                    let min = c.min.clone().unwrap_or_default();
                    Row::Cells(vec![c.id.clone(), c.title.clone(), c.max.clone(), min, c.types.clone()])
                })
                .collect();
            b.push(Block::Table(Table {
                caption: Some(format!("{}. {}", g.id, g.name)),
                columns: vec![
                    Column::text(self.tr("col_criterion"), 1),
                    Column::text(self.tr("col_title"), 8),
                    Column::num(self.tr("col_max"), 1),
                    Column::num(self.tr("col_min"), 1),
                    Column::text(self.tr("col_applies"), 3),
                ],
                rows,
                wide: false,
                row_header: true,
            }));
        }
        let vetoes: Vec<String> = fw.vetoes.iter().map(|v| v.title.clone()).collect();
        if !vetoes.is_empty() {
            b.push(Block::Para(vec![Run::bold(self.tr("vetoes_heading"))]));
            b.push(Block::List(vetoes));
        }
    }

    /// The running numbers of each district's first rows in the annexes of model and pilot
    /// branches, and the totals.
    pub(super) fn annex_firsts(&self, year: i32) -> (Vec<(u64, u64)>, (u64, u64)) {
        let n = self.checked.content.districts.len();
        let mut firsts = Vec::with_capacity(n);
        let (mut model, mut pilot) = (1u64, 1u64);
        for di in 0..n {
            firsts.push((model, pilot));
            for (_, s) in self.booklet_rows(di, year) {
                model += u64::from(s.model);
                pilot += u64::from(s.pilot);
            }
        }
        (firsts, (model - 1, pilot - 1))
    }

    pub(super) fn annex_columns(&self, annex: Annex) -> Vec<Column> {
        let mut columns = vec![
            Column::num(self.tr("col_no"), 1),
            Column::text(self.tr("col_unit"), 4),
            Column::text(self.tr("col_branch"), 6),
            Column::text(self.tr("col_parent"), 5),
            Column::text(self.tr("col_type"), 3),
        ];
        match annex {
            Annex::Model => {
                columns.extend([Column::text(self.tr("col_rating"), 2), Column::num(self.tr("col_score_pct"), 2)])
            }
            Annex::Pilots => columns.extend([Column::num(self.tr("col_since"), 2), Column::text(self.tr("model"), 2)]),
        }
        columns
    }

    fn annex_table(&self, annex: Annex, year: i32, firsts: &[(u64, u64)], marks: Option<&Marks>) -> Table {
        let n = self.checked.content.districts.len();
        let piece = match annex {
            Annex::Model => 1,
            Annex::Pilots => 2,
        };
        let mut rows = Vec::new();
        for (di, first) in firsts.iter().enumerate().take(n) {
            match marks {
                Some(m) => rows.push(Row::Piece(m.at(3 * di + piece))),
                None => {
                    let first = if annex == Annex::Model { first.0 } else { first.1 };
                    rows.extend(self.annex_rows(annex, di, year, first));
                }
            }
        }
        Table { caption: None, columns: self.annex_columns(annex), rows, wide: false, row_header: false }
    }

    /// A district's rows in an annex, numbered from `first`.
    pub(super) fn annex_rows(&self, annex: Annex, di: usize, year: i32, first: u64) -> Vec<Row> {
        let site = &self.checked.content.site;
        let d = &self.checked.content.districts[di];
        let pick = |s: &Scored| if annex == Annex::Model { s.model } else { s.pilot };
        self.booklet_rows(di, year)
            .filter(|(_, s)| pick(s))
            .enumerate()
            .map(|(i, (bi, s))| {
                let b = &d.branches[bi];
                let mut cells = vec![
                    (first + i as u64).to_string(),
                    d.name.clone(),
                    b.name.clone(),
                    b.parent.clone().unwrap_or_default(),
                    site.branch_types[b.type_idx].name.clone(),
                ];
                match annex {
                    Annex::Model => cells.extend([site.ratings[s.rating].code.clone(), self.fmt.pct(Some(s.pct()))]),
                    Annex::Pilots => cells.extend([
                        b.pilot.map(|p| p.to_string()).unwrap_or_default(),
                        if s.model { "x".into() } else { String::new() },
                    ]),
                }
                Row::Cells(cells)
            })
            .collect()
    }
}
