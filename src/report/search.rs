//! The search index: a `.js` file (so it loads from `file://`, where fetching JSON is refused)
//! listing districts and branches with their names (and a branch's parent organisation, which
//! tells namesakes apart) folded to plain ASCII for matching.

use crate::domain::model::Content;
use crate::report::urls;

/// Folds a name for matching: no diacritics, `đ` -> `d`, lowercase ("Đông Hưng" -> "dong hung").
pub fn fold(name: &str) -> String {
    deunicode::deunicode(name).to_lowercase()
}

/// What the index is made from: the names and slugs of districts and branches and the branches'
/// parents (so that an edit of anything else leaves it as it is), and this kieumau.
pub fn key(content: &Content) -> crate::domain::digest::Key {
    let mut parts: Vec<&[u8]> = vec![b"search index", crate::content::cache::tool_id().as_bytes()];
    for d in &content.districts {
        parts.extend([d.slug.as_bytes(), d.name.as_bytes()]);
        for b in &d.branches {
            parts.extend([b.slug.as_bytes(), b.name.as_bytes(), b.parent.as_deref().unwrap_or("\0").as_bytes()]);
        }
        // A district's end, so that a branch moved to the next district changes the key.
        parts.push(b"");
    }
    crate::domain::digest::key(&parts)
}

/// `search-index.js`: `[folded, name, context, url]` rows, urls relative to the site root. A
/// branch's folded text holds its parent too ("Đảng bộ phường" finds the branches under one), and
/// its context reads "parent · district".
pub fn index_js(content: &Content) -> String {
    let mut rows: Vec<serde_json::Value> = Vec::new();
    for d in &content.districts {
        rows.push(serde_json::json!([fold(&d.name), d.name, "", urls::district(&d.slug)]));
        for b in &d.branches {
            let (folded, context) = match &b.parent {
                Some(p) => (fold(&format!("{} {p}", b.name)), format!("{p} · {}", d.name)),
                None => (fold(&b.name), d.name.clone()),
            };
            rows.push(serde_json::json!([folded, b.name, context, urls::branch(&d.slug, &b.slug)]));
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
