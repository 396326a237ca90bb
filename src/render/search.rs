//! The search index: a `.js` file (so it loads from `file://`, where fetching JSON is refused)
//! listing districts and branches with their names folded to plain ASCII for matching.

use crate::model::Content;

/// Folds a name for matching: no diacritics, `đ` -> `d`, lowercase ("Đông Hưng" -> "dong hung").
pub fn fold(name: &str) -> String {
    deunicode::deunicode(name).to_lowercase()
}

/// `search-index.js`: `[folded, name, context, url]` rows, urls relative to the site root.
pub fn index_js(content: &Content) -> String {
    let mut rows: Vec<serde_json::Value> = Vec::new();
    for d in &content.districts {
        rows.push(serde_json::json!([fold(&d.name), d.name, "", format!("districts/{}/index.html", d.slug)]));
        for b in &d.branches {
            rows.push(serde_json::json!([
                fold(&b.name),
                b.name,
                d.name,
                format!("districts/{}/{}/index.html", d.slug, b.slug)
            ]));
        }
    }
    let json = serde_json::to_string(&rows).unwrap_or_else(|_| "[]".into());
    // `</` cannot occur in a .js file served as a script, but keep the index inert anyway.
    format!("window.KIEUMAU_INDEX = {};\n", json.replace("</", "<\\/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("Huyện Đông Hưng"), "huyen dong hung");
        assert_eq!(fold("Chi bộ thôn Thượng Phúc"), "chi bo thon thuong phuc");
    }
}
