//! Finding a Chromium to print with: `--chromium`, then `KIEUMAU_CHROMIUM`, then the usual names
//! on PATH, then where Chrome, Chromium and Edge install on Windows, macOS and Linux. Without one,
//! the hint says what to install on this system.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The systems whose install places we know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Os {
    Linux,
    MacOs,
    Windows,
}

impl Os {
    pub fn current() -> Os {
        if cfg!(windows) {
            Os::Windows
        } else if cfg!(target_os = "macos") {
            Os::MacOs
        } else {
            Os::Linux
        }
    }
}

/// What the search looks at, so that a test can give fake ones.
pub struct Probe<'a> {
    pub os: Os,
    /// An environment variable (`KIEUMAU_CHROMIUM`, `PATH`, `ProgramFiles`, `HOME`, …).
    pub var: &'a dyn Fn(&str) -> Option<OsString>,
    /// Whether a file is there.
    pub is_file: &'a dyn Fn(&Path) -> bool,
}

impl Probe<'_> {
    /// The real system.
    pub fn system<R>(f: impl FnOnce(&Probe) -> R) -> R {
        f(&Probe { os: Os::current(), var: &|name| std::env::var_os(name), is_file: &|p| p.is_file() })
    }
}

/// The hint for a machine without Chromium, naming what to install on this system.
pub fn install_hint(os: Os) -> String {
    let how = match os {
        Os::Linux => crate::msg!("print-install-linux"),
        Os::MacOs => crate::msg!("print-install-macos"),
        Os::Windows => crate::msg!("print-install-windows"),
    };
    crate::msg!("print-install-hint", how = how)
}

/// Finds a Chromium on this system (see [`find_with`]).
pub fn find(explicit: Option<&Path>) -> Result<PathBuf, String> {
    Probe::system(|probe| find_with(explicit, probe))
}

/// Finds a Chromium: `explicit` (`--chromium`), then `KIEUMAU_CHROMIUM` (each a path or a name on
/// PATH, and an error when not there: what was asked for is not silently replaced), then the usual
/// names on PATH, then the usual install places.
pub fn find_with(explicit: Option<&Path>, probe: &Probe) -> Result<PathBuf, String> {
    let from_env = (probe.var)("KIEUMAU_CHROMIUM").filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(p) = explicit.map(Path::to_path_buf).or(from_env) {
        return which(&p, probe)
            .ok_or_else(|| crate::msg!("print-not-found-at", path = &p, hint = install_hint(probe.os)));
    }
    path_names(probe.os)
        .iter()
        .find_map(|name| which(Path::new(name), probe))
        .or_else(|| install_places(probe).into_iter().find(|p| (probe.is_file)(p)))
        .ok_or_else(|| crate::msg!("print-not-found", hint = install_hint(probe.os)))
}

/// The names Chromium, Chrome and Edge have on PATH, most likely first.
fn path_names(os: Os) -> &'static [&'static str] {
    match os {
        Os::Windows => &["chrome.exe", "msedge.exe", "chromium.exe"],
        Os::Linux | Os::MacOs => &[
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
            "microsoft-edge",
            "microsoft-edge-stable",
        ],
    }
}

/// Where the browsers install, in the order we try them.
fn install_places(probe: &Probe) -> Vec<PathBuf> {
    match probe.os {
        Os::Linux => [
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
            "/usr/lib/chromium/chromium",
            "/snap/bin/chromium",
            "/opt/google/chrome/chrome",
            "/usr/bin/google-chrome-stable",
            "/opt/microsoft/msedge/msedge",
            "/var/lib/flatpak/exports/bin/org.chromium.Chromium",
        ]
        .iter()
        .map(PathBuf::from)
        .collect(),
        Os::MacOs => {
            let apps = [
                "Google Chrome.app/Contents/MacOS/Google Chrome",
                "Chromium.app/Contents/MacOS/Chromium",
                "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
            ];
            let mut roots = vec![PathBuf::from("/Applications")];
            if let Some(home) = (probe.var)("HOME") {
                roots.push(PathBuf::from(home).join("Applications"));
            }
            roots.iter().flat_map(|r| apps.iter().map(move |a| r.join(a))).collect()
        }
        Os::Windows => {
            let apps = [
                r"Google\Chrome\Application\chrome.exe",
                r"Microsoft\Edge\Application\msedge.exe",
                r"Chromium\Application\chrome.exe",
            ];
            let roots: Vec<PathBuf> = ["ProgramFiles", "ProgramFiles(x86)", "LocalAppData"]
                .iter()
                .filter_map(|v| (probe.var)(v).filter(|v| !v.is_empty()))
                .map(PathBuf::from)
                .collect();
            roots.iter().flat_map(|r| apps.iter().map(move |a| r.join(a))).collect()
        }
    }
}

/// A path as it is, or a bare name looked up on PATH.
fn which(p: &Path, probe: &Probe) -> Option<PathBuf> {
    if p.components().count() > 1 || p.is_absolute() {
        return (probe.is_file)(p).then(|| p.to_path_buf());
    }
    let path = (probe.var)("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(p)).find(|c| (probe.is_file)(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn search(os: Os, vars: &[(&str, &str)], files: &[&str], explicit: Option<&str>) -> Result<PathBuf, String> {
        let vars: BTreeMap<String, OsString> = vars.iter().map(|(k, v)| (k.to_string(), OsString::from(v))).collect();
        let files: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
        let probe = Probe { os, var: &|name| vars.get(name).cloned(), is_file: &|p| files.iter().any(|f| f == p) };
        find_with(explicit.map(Path::new), &probe)
    }

    #[test]
    fn the_search_goes_flag_env_path_then_install_places() {
        let all = ["/x/my-chrome", "/env/chrome", "/bin2/google-chrome", "/usr/bin/chromium"];
        let path = [("PATH", "/bin1:/bin2"), ("KIEUMAU_CHROMIUM", "/env/chrome")];
        let found = |vars: &[(&str, &str)], explicit| search(Os::Linux, vars, &all, explicit).unwrap();
        assert_eq!(found(&path, Some("/x/my-chrome")), PathBuf::from("/x/my-chrome"));
        assert_eq!(found(&path, None), PathBuf::from("/env/chrome"));
        assert_eq!(found(&path[..1], None), PathBuf::from("/bin2/google-chrome"));
        assert_eq!(found(&[("PATH", "/bin1")], None), PathBuf::from("/usr/bin/chromium"));
        assert_eq!(found(&[], None), PathBuf::from("/usr/bin/chromium"), "no PATH at all");
        // A name given with --chromium is looked up on PATH.
        assert_eq!(found(&path, Some("google-chrome")), PathBuf::from("/bin2/google-chrome"));
        // What was asked for and is missing is an error, not replaced by another browser.
        assert!(search(Os::Linux, &path, &all, Some("/nowhere/chrome")).unwrap_err().contains("/nowhere/chrome"));
        let env_missing = [("PATH", "/bin2"), ("KIEUMAU_CHROMIUM", "/gone")];
        assert!(search(Os::Linux, &env_missing, &all, None).unwrap_err().contains("/gone"));
    }

    #[test]
    fn install_places_on_windows_and_macos() {
        let win = [("ProgramFiles", r"C:\Program Files"), ("LocalAppData", r"C:\Users\a\AppData\Local")];
        let edge = PathBuf::from(r"C:\Program Files").join(r"Microsoft\Edge\Application\msedge.exe");
        let edge_s = edge.to_str().unwrap();
        assert_eq!(search(Os::Windows, &win, &[edge_s], None).unwrap(), edge);
        let chrome = PathBuf::from(r"C:\Users\a\AppData\Local").join(r"Google\Chrome\Application\chrome.exe");
        let chrome_s = chrome.to_str().unwrap();
        // Chrome under Program Files comes before Edge; a user's own Chrome after both.
        assert_eq!(search(Os::Windows, &win, &[chrome_s, edge_s], None).unwrap(), edge);
        assert_eq!(search(Os::Windows, &win, &[chrome_s], None).unwrap(), chrome);

        let mac = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
        let home = "/Users/a/Applications/Chromium.app/Contents/MacOS/Chromium";
        assert_eq!(search(Os::MacOs, &[("HOME", "/Users/a")], &[home, mac], None).unwrap(), PathBuf::from(mac));
        assert_eq!(search(Os::MacOs, &[("HOME", "/Users/a")], &[home], None).unwrap(), PathBuf::from(home));
        // Linux places are not looked for on a Mac.
        assert!(search(Os::MacOs, &[], &["/usr/bin/chromium"], None).is_err());
    }

    #[test]
    fn the_hint_names_what_to_install_here() {
        // Both languages name the same packages.
        assert!(search(Os::Linux, &[], &[], None).unwrap_err().contains("apt-get install chromium"));
        assert!(search(Os::Windows, &[], &[], None).unwrap_err().contains("Microsoft Edge"));
        assert!(search(Os::MacOs, &[], &[], None).unwrap_err().contains("Google Chrome"));
    }
}
