//! `--help` and usage in the chosen language: the command line's texts are set from the catalogue
//! at run time (`help-<command>` for a command's description, `help-<command>-<arg>` or
//! `help-arg-<arg>` for an argument's), so clap's derive keeps only the English doc comments as a
//! fallback that a test rules out.

use clap::{Arg, ArgAction, Command};

use super::{Lang, has, text_in};

fn arg_ids(cmd: &str, arg: &str) -> [String; 2] {
    [format!("help-{cmd}-{arg}"), format!("help-arg-{arg}")]
}

fn find(lang: Lang, ids: &[String]) -> Option<String> {
    ids.iter().find(|id| has(lang, id)).map(|id| text_in(lang, id, &[]))
}

/// `a` with its help `help` (when the catalogue has one) and its default and possible values said
/// in `lang` (clap would say them in English).
fn decorate(a: Arg, help: Option<String>, lang: Lang) -> Arg {
    let mut help = help.or_else(|| a.get_help().map(ToString::to_string)).unwrap_or_default();
    let possible: Vec<String> = a.get_possible_values().iter().map(|v| v.get_name().to_string()).collect();
    let defaults: Vec<String> = a.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if !a.get_action().takes_values() {
        return a.help(help).long_help(None);
    }
    if !possible.is_empty() {
        help = format!("{help} [{}]", text_in(lang, "help-possible", &[("values", possible.join(", ").into())]));
    }
    if !defaults.is_empty() {
        help = format!("{help} [{}]", text_in(lang, "help-default", &[("value", defaults.join(", ").into())]));
    }
    a.help(help).long_help(None).hide_possible_values(true).hide_default_value(true)
}

/// The command line with every description, heading and usage line in `lang`.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    let t = |id: &str| text_in(lang, id, &[]);
    let template =
        format!("{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}", t("help-heading-usage"));
    let mut cmd = cmd
        .about(t("help-kieumau"))
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .subcommand_help_heading(t("help-heading-commands"))
        .subcommand_value_name(t("help-value-command"))
        .help_template(template.clone())
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).help(t("help-arg-help")).global(true))
        .arg(Arg::new("version").short('V').long("version").action(ArgAction::Version).help(t("help-arg-version")));
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |mut sub| {
            if let Some(about) = find(lang, &[format!("help-{name}")]) {
                sub = sub.about(about).long_about(None);
            }
            sub = sub.help_template(template.clone()).disable_help_flag(true);
            let args: Vec<String> = sub.get_arguments().map(|a| a.get_id().to_string()).collect();
            for arg in args {
                let help = find(lang, &arg_ids(&name, &arg));
                let heading = if sub.get_arguments().any(|a| a.get_id() == arg.as_str() && a.is_positional()) {
                    t("help-heading-arguments")
                } else {
                    t("help-heading-options")
                };
                sub = sub.mut_arg(&arg, |a| decorate(a.help_heading(heading), help, lang));
            }
            sub
        });
    }
    cmd.mut_args(|a| {
        let id = a.get_id().to_string();
        let help = find(lang, &[format!("help-arg-{id}")]);
        decorate(a.help_heading(t("help-heading-options")), help, lang)
    })
}

/// The catalogue ids that `cmd`'s commands and arguments lack in `lang` (must be none).
pub fn missing_help(cmd: &Command, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for sub in cmd.get_subcommands() {
        let name = sub.get_name();
        if !has(lang, &format!("help-{name}")) {
            out.push(format!("help-{name}"));
        }
        for a in sub.get_arguments() {
            let ids = arg_ids(name, a.get_id().as_str());
            if !ids.iter().any(|id| has(lang, id)) {
                out.push(ids[0].clone());
            }
        }
    }
    out
}

/// A command-line error in the chosen language: what is wrong (from clap's kind and context, never
/// its English text), the usage line, and where to find the help. `None` for help and version,
/// which clap prints itself.
pub fn error_text(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let value = |kind: ContextKind| -> String {
        match e.get(kind) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(v)) => v.join(", "),
            Some(ContextValue::StyledStr(s)) => s.to_string(),
            Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
            Some(ContextValue::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    };
    let arg = value(ContextKind::InvalidArg);
    let text = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            return None;
        }
        ErrorKind::UnknownArgument => {
            let suggested = value(ContextKind::SuggestedArg);
            if suggested.is_empty() {
                crate::msg!("cli-unknown-argument", arg = arg)
            } else {
                crate::msg!("cli-unknown-argument-near", arg = arg, near = suggested)
            }
        }
        ErrorKind::InvalidSubcommand => {
            crate::msg!("cli-unknown-command", command = value(ContextKind::InvalidSubcommand))
        }
        ErrorKind::MissingRequiredArgument => crate::msg!("cli-missing", args = arg),
        ErrorKind::MissingSubcommand => crate::msg!("cli-missing-command"),
        ErrorKind::InvalidValue => crate::msg!(
            "cli-invalid-value",
            arg = arg,
            value = value(ContextKind::InvalidValue),
            valid = value(ContextKind::ValidValue)
        ),
        ErrorKind::ValueValidation => {
            // Our own validators (a number, a URL) give their reason in the catalogue's words; a
            // number that does not parse gets one here.
            let reason = std::error::Error::source(e).map(ToString::to_string).unwrap_or_default();
            let reason = if reason.contains("invalid digit") || reason.contains("number") {
                crate::msg!("cli-not-a-number")
            } else {
                reason
            };
            crate::msg!("cli-bad-value", arg = arg, value = value(ContextKind::InvalidValue), reason = reason)
        }
        ErrorKind::ArgumentConflict => {
            crate::msg!("cli-conflict", arg = arg, other = value(ContextKind::PriorArg))
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            crate::msg!("cli-values", arg = arg)
        }
        _ => crate::msg!("cli-other"),
    };
    let mut out = crate::msg!("cli-error", text = text);
    let usage = value(ContextKind::Usage);
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    if !usage.is_empty() {
        out.push_str("\n\n");
        out.push_str(&crate::msg!("cli-usage", usage = usage));
    }
    out.push_str("\n\n");
    out.push_str(&crate::msg!("cli-help-hint"));
    Some(out)
}
