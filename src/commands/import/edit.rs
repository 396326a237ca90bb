//! Writing one year's assessment into a branch file with `toml_edit`: only the values that change
//! are replaced (each keeping its spacing and trailing comment); comments, key order, blank lines
//! and the formatting of everything else stay byte-identical.

use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, TableLike, Value};

use crate::domain::model::Hundredths;

/// An assessment as ids and codes: what the sheet asks for, or what the file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Values {
    pub rating: String,
    pub vetoes: Vec<String>,
    /// In the framework's criterion order.
    pub scores: Vec<(String, Hundredths)>,
}

impl Values {
    fn score(&self, id: &str) -> Option<Hundredths> {
        self.scores.iter().find(|(k, _)| k == id).map(|(_, v)| *v)
    }

    fn same_vetoes(&self, other: &Values) -> bool {
        let mut a: Vec<&String> = self.vetoes.iter().collect();
        let mut b: Vec<&String> = other.vetoes.iter().collect();
        a.sort();
        b.sort();
        a == b
    }
}

/// A number in its shortest exact form: `9`, `8.5`, `8.25`.
fn number(v: Hundredths) -> Value {
    // Hundredths print as plain TOML integers or floats; the fallback cannot be reached.
    v.to_string().parse::<Value>().unwrap_or_else(|_| Value::from(v.0 as f64 / 100.0))
}

/// Replaces a value, keeping the spaces around it and its trailing comment.
pub(super) fn replace(item: &mut Item, mut new: Value) {
    if let Some(old) = item.as_value() {
        *new.decor_mut() = old.decor().clone();
    }
    *item = Item::Value(new);
}

fn scores_table(want: &Values) -> InlineTable {
    let mut t = InlineTable::new();
    for (id, v) in &want.scores {
        t.insert(id, number(*v));
    }
    t
}

fn vetoes_array(want: &Values) -> Array {
    want.vetoes.iter().map(String::as_str).collect()
}

/// Brings one `[[assessments]]` entry to `want`, touching only what differs from `old`.
fn update(t: &mut dyn TableLike, want: &Values, old: &Values) {
    if want.rating != old.rating {
        match t.get_mut("rating") {
            Some(item) => replace(item, Value::from(want.rating.as_str())),
            None => {
                t.insert("rating", Item::Value(Value::from(want.rating.as_str())));
            }
        }
    }
    if !want.same_vetoes(old) {
        match t.get_mut("vetoes") {
            Some(item) => replace(item, Value::Array(vetoes_array(want))),
            None => {
                // Insert it before the scores, where the format's example has it.
                let scores = t.key("scores").cloned().zip(t.remove("scores"));
                t.insert("vetoes", Item::Value(Value::Array(vetoes_array(want))));
                if let Some((key, item)) = scores {
                    t.entry_format(&key).or_insert(item);
                }
            }
        }
    }
    let Some(item) = t.get_mut("scores") else {
        t.insert("scores", Item::Value(Value::InlineTable(scores_table(want))));
        return;
    };
    let same_keys = item
        .as_table_like()
        .is_some_and(|s| s.len() == want.scores.len() && want.scores.iter().all(|(id, _)| s.contains_key(id)));
    if same_keys {
        if let Some(s) = item.as_table_like_mut() {
            for (id, v) in &want.scores {
                if old.score(id) != Some(*v)
                    && let Some(cell) = s.get_mut(id)
                {
                    replace(cell, number(*v));
                }
            }
        }
        return;
    }
    match item {
        Item::Table(s) => {
            // A [assessments.scores] table: drop what no longer applies, update, append the rest.
            let stale: Vec<String> = s.iter().map(|(k, _)| k.to_string()).filter(|k| want.score(k).is_none()).collect();
            for k in stale {
                s.remove(&k);
            }
            for (id, v) in &want.scores {
                match s.get_mut(id) {
                    Some(_) if old.score(id) == Some(*v) => {}
                    Some(cell) => replace(cell, number(*v)),
                    None => {
                        s.insert(id, Item::Value(number(*v)));
                    }
                }
            }
        }
        _ => replace(item, Value::InlineTable(scores_table(want))),
    }
}

fn new_table(year: i32, want: &Values) -> Table {
    let mut t = Table::new();
    t.insert("year", Item::Value(Value::from(i64::from(year))));
    t.insert("rating", Item::Value(Value::from(want.rating.as_str())));
    if !want.vetoes.is_empty() {
        t.insert("vetoes", Item::Value(Value::Array(vetoes_array(want))));
    }
    t.insert("scores", Item::Value(Value::InlineTable(scores_table(want))));
    t
}

fn year_of(t: &dyn TableLike) -> Option<i64> {
    t.get("year").and_then(Item::as_integer)
}

/// The file's text with `year`'s assessment set to `want` (`old`: what the file holds now, if
/// it has that year). Line ends (LF or CRLF) and a byte-order mark are kept.
pub fn apply(text: &str, year: i32, want: &Values, old: Option<&Values>) -> Result<String, String> {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    let crlf = body.contains("\r\n") && body.matches('\n').count() == body.matches("\r\n").count();
    let work = if crlf { body.replace("\r\n", "\n") } else { body.to_string() };
    let mut doc: DocumentMut =
        work.parse().map_err(|e: toml_edit::TomlError| crate::msg!("import-cannot-parse", reason = e.to_string()))?;
    let y = i64::from(year);
    let mut appended = false;
    match doc.get_mut("assessments") {
        Some(Item::ArrayOfTables(aot)) => {
            let found = aot.iter().position(|t| year_of(t) == Some(y));
            match found {
                Some(i) => {
                    if let Some(t) = aot.get_mut(i) {
                        update(t, want, old.unwrap_or(&Values::empty()));
                    }
                }
                None => {
                    let later = aot.iter().position(|t| year_of(t).is_some_and(|ty| ty > y));
                    let at = later.unwrap_or(aot.len());
                    appended = at == aot.len();
                    aot.insert(at, new_table(year, want));
                }
            }
        }
        Some(Item::Value(Value::Array(arr))) => {
            let found = arr.iter().position(|v| v.as_inline_table().is_some_and(|t| year_of(t) == Some(y)));
            match found {
                Some(i) => {
                    if let Some(t) = arr.get_mut(i).and_then(Value::as_inline_table_mut) {
                        update(t, want, old.unwrap_or(&Values::empty()));
                    }
                }
                None => {
                    let later =
                        arr.iter().position(|v| v.as_inline_table().and_then(|t| year_of(t)).is_some_and(|ty| ty > y));
                    let at = later.unwrap_or(arr.len());
                    let t = new_table(year, want).into_inline_table();
                    arr.insert_formatted(at, Value::InlineTable(t));
                    arr.fmt();
                }
            }
        }
        Some(_) => return Err(crate::msg!("import-assessments-shape")),
        None => {
            let mut aot = ArrayOfTables::new();
            aot.push(new_table(year, want));
            doc.insert("assessments", Item::ArrayOfTables(aot));
            appended = true;
        }
    }
    let mut out = doc.to_string();
    if !appended && !work.ends_with('\n') && out.ends_with('\n') {
        out.pop();
    }
    if crlf {
        out = out.replace('\n', "\r\n");
    }
    Ok(format!("{bom}{out}"))
}

impl Values {
    fn empty() -> Values {
        Values { rating: String::new(), vetoes: Vec::new(), scores: Vec::new() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(rating: &str, vetoes: &[&str], scores: &[(&str, i64)]) -> Values {
        Values {
            rating: rating.into(),
            vetoes: vetoes.iter().map(|s| s.to_string()).collect(),
            scores: scores.iter().map(|(k, v)| (k.to_string(), Hundredths(*v))).collect(),
        }
    }

    const FILE: &str = "name = \"A\"   # the name\nmembers = 40\n\n# first year\n[[assessments]]\nyear = 2022\nrating = \"HTTNV\"  # decided in December\nscores = { \"1.1\" = 45, \"2.1\" = 40.5 }   # 85.5 / 95\n\n[[assessments]]\nyear = 2023\nrating = \"HTXSNV\"\nscores = { \"1.1\" = 50, \"2.1\" = 45 }\n";

    #[test]
    fn replaces_only_changed_values() {
        let old = values("HTTNV", &[], &[("1.1", 4500), ("2.1", 4050)]);
        let want = values("HTXSNV", &[], &[("1.1", 4625), ("2.1", 4050)]);
        let out = apply(FILE, 2022, &want, Some(&old)).unwrap();
        assert_eq!(
            out,
            FILE.replace("rating = \"HTTNV\"  #", "rating = \"HTXSNV\"  #")
                .replace("\"1.1\" = 45,", "\"1.1\" = 46.25,")
        );
    }

    #[test]
    fn adds_vetoes_before_scores() {
        let old = values("HTXSNV", &[], &[("1.1", 5000), ("2.1", 4500)]);
        let want = values("HTXSNV", &["ky-luat", "tham-nhung"], &[("1.1", 5000), ("2.1", 4500)]);
        let out = apply(FILE, 2023, &want, Some(&old)).unwrap();
        assert_eq!(
            out,
            FILE.replace("rating = \"HTXSNV\"\n", "rating = \"HTXSNV\"\nvetoes = [\"ky-luat\", \"tham-nhung\"]\n")
        );
        // Clearing them keeps the key, empty.
        let back = apply(&out, 2023, &old, Some(&want)).unwrap();
        assert_eq!(back, FILE.replace("rating = \"HTXSNV\"\n", "rating = \"HTXSNV\"\nvetoes = []\n"));
    }

    #[test]
    fn inserts_new_years_in_order() {
        let want = values("HTNV", &[], &[("1.1", 900), ("2.1", 850)]);
        let out = apply(FILE, 2024, &want, None).unwrap();
        assert_eq!(
            out,
            format!(
                "{FILE}\n[[assessments]]\nyear = 2024\nrating = \"HTNV\"\nscores = {{ \"1.1\" = 9, \"2.1\" = 8.5 }}\n"
            )
        );
        let only_2023 = "name = \"A\"\n\n[[assessments]]\nyear = 2023\nrating = \"HTNV\"\nscores = { \"1.1\" = 1 }\n";
        let want = values("HTTNV", &[], &[("1.1", 200)]);
        let out = apply(only_2023, 2022, &want, None).unwrap();
        assert_eq!(
            out,
            "name = \"A\"\n\n[[assessments]]\nyear = 2022\nrating = \"HTTNV\"\nscores = { \"1.1\" = 2 }\n\n[[assessments]]\nyear = 2023\nrating = \"HTNV\"\nscores = { \"1.1\" = 1 }\n"
        );
        let none = "name = \"A\"\nmembers = 3";
        let out = apply(none, 2022, &want, None).unwrap();
        assert_eq!(
            out,
            "name = \"A\"\nmembers = 3\n\n[[assessments]]\nyear = 2022\nrating = \"HTTNV\"\nscores = { \"1.1\" = 2 }\n"
        );
    }

    #[test]
    fn keeps_crlf_bom_and_a_missing_final_newline() {
        let file = format!("\u{feff}{}", FILE.trim_end().replace('\n', "\r\n"));
        let old = values("HTXSNV", &[], &[("1.1", 5000), ("2.1", 4500)]);
        let want = values("HTXSNV", &[], &[("1.1", 4900), ("2.1", 4500)]);
        let out = apply(&file, 2023, &want, Some(&old)).unwrap();
        assert_eq!(out, file.replace("\"1.1\" = 50,", "\"1.1\" = 49,"));
    }

    #[test]
    fn rebuilds_scores_when_the_criteria_differ() {
        let old = values("HTXSNV", &[], &[("1.1", 5000), ("2.1", 4500)]);
        let want = values("HTXSNV", &[], &[("1.1", 5000), ("2.1", 4500), ("2.3", 900)]);
        let out = apply(FILE, 2023, &want, Some(&old)).unwrap();
        assert_eq!(out, FILE.replace("\"2.1\" = 45 }\n", "\"2.1\" = 45, \"2.3\" = 9 }\n"));
    }

    #[test]
    fn edits_inline_lists_and_score_tables() {
        let file = "name = \"A\"\nassessments = [{ year = 2022, rating = \"HTNV\", scores = { \"1.1\" = 1 } }]\n";
        let old = values("HTNV", &[], &[("1.1", 100)]);
        let want = values("HTTNV", &[], &[("1.1", 150)]);
        let out = apply(file, 2022, &want, Some(&old)).unwrap();
        assert_eq!(out, file.replace("\"HTNV\"", "\"HTTNV\"").replace("= 1 }", "= 1.5 }"));
        let out = apply(file, 2023, &want, None).unwrap();
        let doc: toml::Table = toml::from_str(&out).unwrap();
        assert_eq!(doc["assessments"].as_array().unwrap().len(), 2);

        let file = "name = \"A\"\n\n[[assessments]]\nyear = 2022\nrating = \"HTNV\"\n\n[assessments.scores]\n\"1.1\" = 1 # one\n\"2.1\" = 2\n";
        let old = values("HTNV", &[], &[("1.1", 100), ("2.1", 200)]);
        let want = values("HTNV", &[], &[("1.1", 100), ("2.1", 250)]);
        let out = apply(file, 2022, &want, Some(&old)).unwrap();
        assert_eq!(out, file.replace("\"2.1\" = 2\n", "\"2.1\" = 2.5\n"));
    }
}
