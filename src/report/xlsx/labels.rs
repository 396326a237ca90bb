//! The workbooks' interface strings: the theme's `xlsx_*` strings, in the site's language, like
//! every other interface string.

use std::collections::BTreeMap;

macro_rules! labels {
    ($($field:ident),* $(,)?) => {
        /// The interface strings of the workbooks.
        pub struct Labels {
            $(pub $field: String,)*
        }

        impl Labels {
            /// The labels from the theme's strings (`xlsx_<field>`); a missing one is named.
            pub fn from_strings(strings: &BTreeMap<String, String>) -> Result<Labels, String> {
                let get = |field: &str| {
                    let key = format!("xlsx_{field}");
                    strings.get(&key).cloned().ok_or_else(|| crate::msg!("theme-missing-string", key = key.as_str()))
                };
                Ok(Labels { $($field: get(stringify!($field))?,)* })
            }
        }
    };
}

labels!(
    province,
    districts,
    types,
    branches,
    targets,
    year,
    district,
    branch_type,
    branch,
    parent,
    subtype,
    level,
    members,
    rating,
    score,
    max_score,
    score_pct,
    model,
    pilot,
    vetoes,
    count,
    good,
    good_pct,
    model_pct,
    pilots_model,
    mean_pct,
    target,
    scope,
    threshold,
    value,
    met,
    districts_met,
    scope_district,
    scope_province,
    yes,
    no,
    is_met,
    not_met,
    in_year,
    years,
    co_so,
    truc_thuoc,
    form_title,
    form_sheet,
    form_guide_sheet,
    form_col_district,
    form_col_branch,
    form_score_input,
    form_score_error,
    form_rating_error,
    form_vetoes_input,
    form_steps,
    form_columns,
    form_code,
    form_meaning,
    form_criteria,
    form_applies,
    form_all_types,
);
