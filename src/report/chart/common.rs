//! What every chart shares: the chart type, its texts, number formatting, scales, the frame.

use std::fmt::Write as _;

use super::canvas;

/// One line of a trend chart: one value per year, `None` where there is no data.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

/// A reference line at `value` percent, labelled `label` (e.g. "Chỉ tiêu 2025").
#[derive(Debug, Clone, PartialEq)]
pub struct TargetLine {
    pub label: String,
    pub value: f64,
}

/// A finished chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// A complete `<svg>` element.
    pub svg: String,
    /// The title as given (not escaped); also the SVG's `<title>`.
    pub title: String,
    /// A plain-text summary of the numbers (not escaped); also the SVG's `<desc>`.
    pub desc: String,
    /// The id prefix inside the SVG: its `<title>` has id `{id}-title`, its `<desc>` `{id}-desc`.
    pub id: String,
}

impl Chart {
    /// The same chart with another id prefix. Characters other than ASCII letters, digits, `-`
    /// and `_` are replaced by `-`; an id not starting with a letter gets `chart-` in front.
    pub fn with_id(self, id: &str) -> Chart {
        let mut clean: String =
            id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
        if !clean.starts_with(|c: char| c.is_ascii_alphabetic()) {
            clean = format!("chart-{clean}");
        }
        let svg = self
            .svg
            .replacen(&id_attrs(&self.id).0, &id_attrs(&clean).0, 1)
            .replacen(&id_attrs(&self.id).1, &id_attrs(&clean).1, 1)
            .replacen(&id_attrs(&self.id).2, &id_attrs(&clean).2, 1);
        Chart { svg, id: clean, ..self }
    }
}

/// `aria-labelledby`, the title's and the desc's id attributes for an id prefix.
fn id_attrs(id: &str) -> (String, String, String) {
    (
        format!("aria-labelledby=\"{id}-title {id}-desc\""),
        format!("<title id=\"{id}-title\">"),
        format!("<desc id=\"{id}-desc\">"),
    )
}

/// The few words charts need, in the site language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartText {
    /// Shown when there is nothing to draw, and for a label without a value.
    pub no_data: String,
    /// Default label of a target line.
    pub target: String,
    /// "Highest" in summaries.
    pub highest: String,
    /// "Lowest" in summaries.
    pub lowest: String,
    /// "below target" in summaries ("3/13 below target 90.0%").
    pub below_target: String,
    /// `92,5%` (true, Vietnamese) or `92.5%` (false, English).
    pub decimal_comma: bool,
    /// The unit of a count of branches beside a bar, for one and for more ("190 chi bộ").
    pub branch_one: String,
    pub branch_other: String,
}

/// `r` (already rounded to `decimals`) in fixed notation, through integers: exact float
/// formatting is slow, and charts format thousands of numbers.
#[cfg(test)]
pub(crate) fn fixed(r: f64, decimals: u32) -> String {
    let mut out = String::new();
    push_fixed(&mut out, r, decimals, '.');
    out
}

/// Appends [`fixed`]`(r, decimals)` with `sep` as the decimal separator.
fn push_fixed(out: &mut String, r: f64, decimals: u32, sep: char) {
    let scale = 10i64.pow(decimals);
    let scaled = (r * scale as f64).round();
    if !scaled.is_finite() || scaled.abs() >= 1e15 {
        let start = out.len();
        let _ = write!(out, "{:.*}", decimals as usize, r);
        if sep != '.'
            && let Some(dot) = out[start..].find('.')
        {
            out.replace_range(start + dot..start + dot + 1, sep.encode_utf8(&mut [0; 4]));
        }
        return;
    }
    let n = scaled as i64;
    if n < 0 {
        out.push('-');
    }
    let (int, frac) = (n.unsigned_abs() / scale as u64, n.unsigned_abs() % scale as u64);
    let mut buf = itoa::Buffer::new();
    out.push_str(buf.format(int));
    if decimals > 0 {
        out.push(sep);
        let frac = buf.format(frac);
        for _ in frac.len()..decimals as usize {
            out.push('0');
        }
        out.push_str(frac);
    }
}

impl ChartText {
    pub fn en() -> Self {
        ChartText {
            no_data: "No data".into(),
            target: "Target".into(),
            highest: "Highest".into(),
            lowest: "Lowest".into(),
            below_target: "below target".into(),
            decimal_comma: false,
            branch_one: "branch".into(),
            branch_other: "branches".into(),
        }
    }

    /// The texts from the theme's interface strings (`chart_text_*`), like every other string of
    /// the pages; a theme that lacks one gets the built-in text of its language.
    pub fn from_strings(strings: &std::collections::BTreeMap<String, String>, vietnamese: bool) -> Self {
        let base = if vietnamese { ChartText::vi() } else { ChartText::en() };
        let get = |key: &str, default: String| strings.get(&format!("chart_text_{key}")).cloned().unwrap_or(default);
        ChartText {
            no_data: get("no_data", base.no_data),
            target: get("target", base.target),
            highest: get("highest", base.highest),
            lowest: get("lowest", base.lowest),
            below_target: get("below_target", base.below_target),
            decimal_comma: base.decimal_comma,
            branch_one: get("branch_one", base.branch_one),
            branch_other: get("branch_other", base.branch_other),
        }
    }

    pub fn vi() -> Self {
        ChartText {
            no_data: "Không có dữ liệu".into(),
            target: "Chỉ tiêu".into(),
            highest: "Cao nhất".into(),
            lowest: "Thấp nhất".into(),
            below_target: "dưới chỉ tiêu".into(),
            decimal_comma: true,
            branch_one: "chi bộ".into(),
            branch_other: "chi bộ".into(),
        }
    }

    /// A count of branches with its unit: "190 chi bộ", "1 branch".
    pub fn branches(&self, n: u64) -> String {
        let unit = if n == 1 { &self.branch_one } else { &self.branch_other };
        format!("{n} {unit}")
    }

    /// A percentage with one decimal, rounded half away from zero: `92,5%` / `92.5%`.
    pub fn pct(&self, v: f64) -> String {
        let mut s = String::with_capacity(8);
        self.push_num(&mut s, v, 1, false);
        s.push('%');
        s
    }

    /// `v` with `decimals` decimals (trailing zeros dropped when `trim`), in the site's style.
    pub(crate) fn num(&self, v: f64, decimals: i32, trim: bool) -> String {
        let mut s = String::with_capacity(8);
        self.push_num(&mut s, v, decimals, trim);
        s
    }

    /// Appends [`ChartText::num`]`(v, decimals, trim)`, in one go (charts format thousands).
    fn push_num(&self, out: &mut String, v: f64, decimals: i32, trim: bool) {
        let r = round_half_away(v, decimals);
        if !r.is_finite() {
            out.push('–');
            return;
        }
        let sep = if self.decimal_comma { ',' } else { '.' };
        let start = out.len();
        push_fixed(out, r, decimals.clamp(0, 6) as u32, sep);
        if trim && out[start..].contains(sep) {
            let kept = out.trim_end_matches('0').trim_end_matches(sep).len();
            out.truncate(kept);
        }
    }

    /// A score with up to two decimals: `7,5`, `10`.
    pub(crate) fn score(&self, v: f64) -> String {
        self.num(v, 2, true)
    }

    /// The label of a target line: "Chỉ tiêu 2025: 90,0%" (its own label, or the generic word).
    pub(crate) fn target_label(&self, t: &TargetLine) -> String {
        let label = clean_label(&t.label);
        let label = if label.is_empty() { self.target.clone() } else { label };
        format!("{label}: {}", self.pct(t.value))
    }
}

/// Rounds half away from zero; a relative nudge absorbs binary noise (92.45 stored as
/// 92.4499999…), so ties computed from integer ratios round as the data tables do.
pub(crate) fn round_half_away(v: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    let x = v * f;
    let r = (x + x.signum() * x.abs().max(1.0) * 1e-12).round() / f;
    if r == 0.0 { 0.0 } else { r }
}

/// A step of 1, 2 or 5 times a power of ten giving at most `max_intervals` intervals over
/// `span`; 1 for an empty or unusable span.
pub(crate) fn nice_step(span: f64, max_intervals: f64) -> f64 {
    if !(span.is_finite() && span > 0.0) {
        return 1.0;
    }
    let raw = span / max_intervals;
    let p = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * p)
        .find(|step| *step >= raw * (1.0 - 1e-9))
        .filter(|step| step.is_finite() && *step > 0.0)
        .unwrap_or(1.0)
}

/// The number of steps of `step` in `span`, at most 50 (guards against absurd data).
pub(crate) fn tick_count(span: f64, step: f64) -> usize {
    let n = (span / step).round();
    if n.is_finite() && n > 0.0 { (n as usize).min(50) } else { 1 }
}

/// Finite values only.
pub(crate) fn finite(v: Option<f64>) -> Option<f64> {
    v.filter(|x| x.is_finite())
}

/// A label without control characters (invalid in XML) and surrounding blanks.
pub(crate) fn clean_label(s: &str) -> String {
    // Most labels are clean already: single spaces between words, nothing else blank.
    let mut prev_space = true;
    let clean = s.chars().all(|c| {
        let ok = if c == ' ' { !prev_space } else { !c.is_control() && !c.is_whitespace() };
        prev_space = c == ' ';
        ok
    }) && !prev_space;
    if clean {
        return s.to_string();
    }
    let s: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Labels in full (cleaned, not shortened), for summaries.
pub(crate) fn full_labels(labels: &[String]) -> Vec<String> {
    labels.iter().map(|l| clean_label(l)).collect()
}

use crate::report::escape::escape;

/// The width of every chart's viewBox.
pub(crate) const WIDTH: u32 = 720;

/// Draws a chart on a `w` x `h` canvas into its final `<svg>`: root, title and desc first, then
/// the drawing in the same buffer (no copy), then the id's hash, patched in once the drawing is
/// known. A drawing error gives the no-data chart.
pub(crate) fn draw(
    title: &str,
    desc: String,
    size: (u32, u32),
    defaults: canvas::TextDefaults,
    text: &ChartText,
    f: impl FnOnce(&canvas::Canvas<'_>) -> canvas::Res,
) -> Chart {
    let title = clean_label(title);
    let mut svg = String::with_capacity(8192);
    let head = Head::write(&mut svg, &title, &desc, size);
    match canvas::render_into(&mut svg, size.0, size.1, defaults, f) {
        Some(()) => head.seal(svg, title, desc),
        None => no_data(&title, text),
    }
}

/// The small chart that only says "no data".
pub(crate) fn no_data(title: &str, text: &ChartText) -> Chart {
    let size = (WIDTH, 56);
    let msg = clean_label(&text.no_data);
    let title = clean_label(title);
    let desc = format!("{msg}.");
    let t = canvas::Txt::new(14.0).color(canvas::MUTED_TEXT).center().italic();
    let defaults = canvas::TextDefaults::new(t.size, t.color, t.h);
    let mut svg = String::with_capacity(1024);
    let head = Head::write(&mut svg, &title, &desc, size);
    let drawn = canvas::render_into(&mut svg, size.0, size.1, defaults, |c| {
        c.rect_outline(0, 0, size.0 as i32 - 1, size.1 as i32 - 1, canvas::GRID)?;
        c.text(&msg, size.0 as i32 / 2, size.1 as i32 / 2, t)
    });
    if drawn.is_none() {
        // Nothing else to fall back on: an empty drawing.
        svg.truncate(head.body_start);
    }
    head.seal(svg, title, desc)
}

/// Where the parts of a chart's id sit in its `<svg>`, written before its drawing.
struct Head {
    /// `chart-<slug>-`, the id without its hash.
    base: String,
    /// Offsets of the (so far zero) hash digits, one per use of the id.
    holes: [usize; 4],
    body_start: usize,
}

/// Hex digits of the id hash (32 bits).
const HASH_DIGITS: usize = 8;

impl Head {
    /// Writes the root start tag, `<title>` and `<desc>` into `svg`, with a zero hash in the ids.
    fn write(svg: &mut String, title: &str, desc: &str, (w, h): (u32, u32)) -> Head {
        let base = id_base(title);
        let _ = write!(
            svg,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {w} {h}\" \
             width=\"100%\" role=\"img\" aria-labelledby=\""
        );
        // The id is used four times; after each, what follows it.
        let after = [
            "-title ".to_string(),
            "-desc\" font-family=\"sans-serif\">\n<title id=\"".to_string(),
            format!("-title\">{}</title>\n<desc id=\"", escape(title)),
            format!("-desc\">{}</desc>\n", escape(desc)),
        ];
        let mut holes = [0; 4];
        for (hole, after) in holes.iter_mut().zip(after) {
            svg.push_str(&base);
            *hole = svg.len();
            svg.extend(std::iter::repeat_n('0', HASH_DIGITS));
            svg.push_str(&after);
        }
        Head { base, holes, body_start: svg.len() }
    }

    /// Hashes title, desc and drawing into the id, patches it in and closes the root.
    fn seal(self, mut svg: String, title: String, desc: String) -> Chart {
        let body = svg.get(self.body_start..).unwrap_or_default();
        let digest = hash64(&[title.as_bytes(), desc.as_bytes(), body.as_bytes()]);
        let hex = format!("{:0w$x}", digest >> 32, w = HASH_DIGITS);
        for at in self.holes {
            svg.replace_range(at..at + HASH_DIGITS, &hex);
        }
        svg.push_str("</svg>\n");
        Chart { svg, title, desc, id: self.base + &hex }
    }
}

/// `chart-<slug>-` (or `chart-` for a title without letters or digits): readable; the hash
/// that follows makes ids unique for distinct charts, deterministically.
fn id_base(title: &str) -> String {
    let mut slug = slug::slugify(title);
    if slug.len() > 32 {
        slug.truncate(32);
        slug = slug.trim_end_matches('-').to_string();
    }
    let mut id = String::from("chart-");
    if !slug.is_empty() {
        id.push_str(&slug);
        id.push('-');
    }
    id
}

/// A fast 64-bit hash of a sequence of byte strings, fixed for all builds and platforms (ids
/// must not change between runs, so not std's `DefaultHasher`). Ids only need to differ between
/// the few charts of one page, and a cryptographic hash of every drawing cost more than
/// writing it: this takes 8 bytes per multiply, and a final avalanche (murmur3's `fmix64`)
/// spreads every input bit over the 32 bits kept.
pub(crate) fn hash64(parts: &[&[u8]]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h: u64 = 0x243F_6A88_85A3_08D3;
    for part in parts {
        let (words, rest) = part.as_chunks::<8>();
        for w in words {
            h = (h ^ u64::from_le_bytes(*w)).wrapping_mul(K).rotate_left(29);
        }
        // The tail, then the length, which also separates the parts ("ab","c" vs "a","bc").
        let tail = rest.iter().rev().fold(0u64, |t, &b| (t << 8) | u64::from(b));
        h = (h ^ tail).wrapping_mul(K).rotate_left(29);
        h = (h ^ part.len() as u64).wrapping_mul(K).rotate_left(29);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

/// Names joined for a summary, at most three, then "…".
pub(crate) fn join_names(names: &[&str]) -> String {
    let mut out = names.iter().take(3).copied().collect::<Vec<_>>().join(", ");
    if names.len() > 3 {
        out.push_str(", …");
    }
    out
}
