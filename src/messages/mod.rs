//! The message catalogue: every text kieumau prints to its user, in Vietnamese and English.
//!
//! The texts live in `vi.ftl` and `en.ftl` (Fluent, embedded in the binary); code asks for them by
//! id with [`msg!`](crate::msg) and, for diagnostics, by stable code with [`diag!`](crate::diag)
//! (the codes table is `codes.rs`). The language is chosen once per run ([`set_lang`]); see
//! [`resolve_lang`] for the order of the choices. This module depends on no other layer.

pub mod cli;
pub mod codes;

use std::borrow::Cow;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use codes::{CODES, Code, code};

/// The languages of the tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    /// "vi" / "en" (any case, "vi-VN", "en_US.UTF-8" too); anything else is not a language of the tool.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("vi") {
            Some(Lang::Vi)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

pub const VI_FTL: &str = include_str!("vi.ftl");
pub const EN_FTL: &str = include_str!("en.ftl");

/// 0: not chosen yet, 1: vi, 2: en.
static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Chooses the language of every later message of this run.
pub fn set_lang(lang: Lang) {
    CURRENT.store(if lang == Lang::Vi { 1 } else { 2 }, Ordering::Relaxed);
}

/// The chosen language; before a choice, what the environment says (unit tests: English).
pub fn lang() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Vi,
        2 => Lang::En,
        _ if cfg!(test) => Lang::En,
        _ => resolve_lang(None, None),
    }
}

/// The language of a run: `--lang`, then `KIEUMAU_LANG`, then the site's `language`, and outside a
/// site Vietnamese unless `LANG` starts with `en`.
pub fn resolve_lang(flag: Option<Lang>, site: Option<Lang>) -> Lang {
    let env = |name: &str| std::env::var(name).ok();
    flag.or_else(|| env("KIEUMAU_LANG").as_deref().and_then(Lang::parse)).or(site).unwrap_or_else(|| {
        match env("LANG") {
            Some(l) if l.to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::Vi,
        }
    })
}

fn bundle(lang: Lang, source: &'static str) -> FluentBundle<FluentResource> {
    let tag: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap_or_default();
    let mut b = FluentBundle::new_concurrent(vec![tag]);
    // Isolation marks (U+2068/2069) around arguments would end up in terminals and JSON.
    b.set_use_isolating(false);
    // A broken catalogue fails the completeness test; at run time the parsed part still serves.
    let res = FluentResource::try_new(source.to_string()).unwrap_or_else(|(res, _)| res);
    let _ = b.add_resource(res);
    b
}

static VI: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle(Lang::Vi, VI_FTL));
static EN: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle(Lang::En, EN_FTL));

fn bundle_of(lang: Lang) -> &'static FluentBundle<FluentResource> {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// One argument of a message: text or a number (numbers choose plural forms).
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(f64),
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(n: $t) -> Arg {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_args!(i32, i64, u32, u64, usize, u16, u8);

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<Cow<'_, str>> for Arg {
    fn from(s: Cow<'_, str>) -> Arg {
        Arg::Text(s.into_owned())
    }
}
impl From<&std::path::Path> for Arg {
    fn from(p: &std::path::Path) -> Arg {
        Arg::Text(p.display().to_string())
    }
}
impl From<&std::path::PathBuf> for Arg {
    fn from(p: &std::path::PathBuf) -> Arg {
        Arg::Text(p.display().to_string())
    }
}

/// The text of message `id` in language `lang`; a missing id gives the id itself (the completeness
/// test makes sure none is missing).
pub fn text_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle_of(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut fargs = FluentArgs::new();
    for (name, arg) in args {
        match arg {
            Arg::Text(s) => fargs.set(*name, FluentValue::from(s.as_str())),
            Arg::Number(n) => fargs.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = vec![];
    bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned()
}

/// The text of message `id` in the chosen language.
pub fn text(id: &str, args: &[(&str, Arg)]) -> String {
    text_in(lang(), id, args)
}

/// Whether the catalogue of `lang` has message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle_of(lang).get_message(id).is_some_and(|m| m.value().is_some())
}

/// A diagnostic's text: its stable code, message and hint in the chosen language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub code: Option<&'static str>,
    pub text: String,
    pub hint: Option<String>,
}

impl Message {
    /// The message of diagnostic `code` with its hint (when the code has one), from `args`.
    pub fn coded(code: &'static str, args: &[(&str, Arg)]) -> Message {
        match codes::code(code) {
            Some(c) => Message { code: Some(c.code), text: text(c.id, args), hint: c.hint.map(|h| text(h, args)) },
            None => Message { code: Some(code), text: code.to_string(), hint: None },
        }
    }
}

impl Message {
    /// The message as the text of a failed command: its words, then its hint and its code on
    /// lines of their own.
    pub fn failure_text(&self) -> String {
        let mut out = self.text.clone();
        if let Some(hint) = &self.hint {
            out.push_str("\n  = ");
            out.push_str(&text("hint-label", &[("hint", Arg::from(hint))]));
        }
        if let Some(code) = self.code {
            out.push_str("\n  = ");
            out.push_str(&text("failure-code", &[("code", Arg::from(code))]));
        }
        out
    }
}

impl From<String> for Message {
    fn from(text: String) -> Message {
        Message { code: None, text, hint: None }
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        Message { code: None, text: text.to_string(), hint: None }
    }
}

/// A catalogue text: `msg!("summary-counts", errors = 2, warnings = 0)`.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::text($id, &[$((stringify!($name), $crate::messages::Arg::from($value))),*])
    };
}

/// A diagnostic's message and hint by stable code: `d.error(file, span, diag!("KM0201", key = k))`.
#[macro_export]
macro_rules! diag {
    ($code:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Message::coded($code, &[$((stringify!($name), $crate::messages::Arg::from($value))),*])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_forms_follow_the_language() {
        let one = text_in(Lang::En, "summary-counts", &[("errors", 1.into()), ("warnings", 2.into())]);
        assert_eq!(one, "1 error, 2 warnings");
        let vi = text_in(Lang::Vi, "summary-counts", &[("errors", 1.into()), ("warnings", 2.into())]);
        assert_eq!(vi, "1 lỗi, 2 cảnh báo");
    }

    #[test]
    fn languages_parse_from_tags_and_locales() {
        assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("VI"), Some(Lang::Vi));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(resolve_lang(Some(Lang::En), Some(Lang::Vi)), Lang::En);
    }
}
