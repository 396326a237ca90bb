//! `districts/<district>/district.toml`: a district-level committee.

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use toml::de::DeTable;

use super::fields::{Ctx, Fields};
use crate::content::diag::known_hint;
use crate::diag;
use crate::domain::model::DistrictLevel;

/// The district's own fields; its branches and notes are attached by the caller.
pub struct DistrictHead {
    pub name: String,
    pub kind: String,
    pub order: Option<i64>,
}

pub fn district(cx: &mut Ctx<'_>, root: &DeTable<'_>, level: &DistrictLevel) -> Option<DistrictHead> {
    let f = Fields::new(cx, root, 0..0, "what-district", &["name", "kind", "order"]);
    let name = f.text(cx, "name", true, "\"Huyện Đông Hưng\"");
    let example = level.kinds.first().map_or_else(|| "\"huyen\"".to_string(), |k| format!("\"{}\"", k.slug));
    let kind = f.string(cx, "kind", true, &example).and_then(|(s, span)| {
        let kind = level.kind(s).map(|k| k.slug.clone());
        if kind.is_none() {
            let known: Vec<&str> = level.kinds.iter().map(|k| k.slug.as_str()).collect();
            cx.error(span, diag!("KM0311", what = crate::msg!("what-kind"), value = s)).hint(known_hint(s, &known));
        }
        kind
    });
    let order = f.integer(cx, "order", false, -1_000_000..=1_000_000, "2").map(|(o, _)| o);
    Some(DistrictHead { name: name?.0.to_string(), kind: kind?, order })
}
