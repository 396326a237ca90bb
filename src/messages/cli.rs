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
