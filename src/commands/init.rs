//! `kieumau init DIR`: a new site with a small example that builds at once (two districts, five
//! branches, a criteria framework, notes and a review) and a README in Vietnamese for the staff
//! who will edit it. The example is embedded in the binary (`src/commands/init/example/`).

use std::fs;
use std::path::{Path, PathBuf};

use include_dir::{Dir, DirEntry, include_dir};

static EXAMPLE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/commands/init/example");

/// Why no site was created.
#[derive(Debug)]
pub enum Failure {
    /// The folder exists and holds something (or is a file): kieumau never writes over it.
    NotEmpty(String),
    Io(String),
}

/// Every file of the example: its path relative to the site and its bytes, sorted by path.
pub fn example_files() -> Vec<(&'static Path, &'static [u8])> {
    fn walk(dir: &'static Dir<'static>, out: &mut Vec<(&'static Path, &'static [u8])>) {
        for entry in dir.entries() {
            match entry {
                DirEntry::Dir(d) => walk(d, out),
                DirEntry::File(f) => out.push((f.path(), f.contents())),
            }
        }
    }
    let mut out = Vec::new();
    walk(&EXAMPLE, &mut out);
    out.sort_by_key(|(p, _)| *p);
    out
}

/// Creates the example site in `dir` (created if absent; refused unless empty). Returns the
/// files written.
pub fn create(dir: &Path) -> Result<Vec<PathBuf>, Failure> {
    let existed = match fs::metadata(dir) {
        Ok(m) if !m.is_dir() => {
            return Err(Failure::NotEmpty(crate::msg!("init-is-file", dir = dir)));
        }
        Ok(_) => {
            let mut entries = fs::read_dir(dir)
                .map_err(|e| Failure::Io(crate::msg!("init-cannot-read", dir = dir, reason = e.to_string())))?;
            if entries.next().is_some() {
                return Err(Failure::NotEmpty(crate::msg!("init-not-empty", dir = dir)));
            }
            true
        }
        Err(_) => false,
    };
    let mut written = Vec::new();
    let result = (|| -> std::io::Result<()> {
        fs::create_dir_all(dir)?;
        for (rel, bytes) in example_files() {
            let path = dir.join(rel);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&path, bytes)?;
            written.push(path);
        }
        Ok(())
    })();
    if let Err(e) = result {
        // Leave nothing half made: the folder goes back to how it was.
        if existed {
            if let Ok(entries) = fs::read_dir(dir) {
                for entry in entries.flatten() {
                    let _ = fs::remove_dir_all(entry.path()).or_else(|_| fs::remove_file(entry.path()));
                }
            }
        } else {
            let _ = fs::remove_dir_all(dir);
        }
        return Err(Failure::Io(crate::msg!("init-cannot-create", dir = dir, reason = e.to_string())));
    }
    Ok(written)
}

/// The folder `kieumau init [DIR] [--root ROOT]` means: DIR relative to ROOT, or ROOT itself.
pub fn target(root: &Path, dir: Option<&Path>) -> PathBuf {
    match dir {
        Some(d) if root == Path::new(".") || d.is_absolute() => d.to_path_buf(),
        Some(d) => root.join(d),
        None => root.to_path_buf(),
    }
}

/// `kieumau init DIR`: creates the site and says what to do next. Returns the exit code.
pub fn run(root: &Path, dir: Option<&Path>) -> u8 {
    let dir = &target(root, dir);
    match create(dir) {
        Ok(files) => {
            let arg = shell_arg(&dir.display().to_string());
            eprintln!("{}", crate::msg!("init-done", dir = dir, arg = arg, count = files.len()));
            0
        }
        Err(Failure::NotEmpty(msg)) | Err(Failure::Io(msg)) => {
            eprintln!("{}", crate::msg!("error-line", message = msg));
            2
        }
    }
}

/// A path as one argument of a command line to copy: in double quotes when it holds a space or
/// a character a shell treats specially (`Báo cáo 2025`), as is otherwise. Double quotes work in
/// cmd, PowerShell and POSIX shells alike.
pub fn shell_arg(path: &str) -> String {
    let plain = !path.is_empty() && path.chars().all(|c| c.is_alphanumeric() || "._-/\\:~+,@".contains(c));
    if plain { path.to_string() } else { format!("\"{}\"", path.replace('"', "\\\"")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_with_spaces_are_quoted() {
        assert_eq!(shell_arg("Báo cáo 2025"), "\"Báo cáo 2025\"");
        assert_eq!(shell_arg("bao-cao/2025"), "bao-cao/2025");
        assert_eq!(shell_arg("Báo_cáo"), "Báo_cáo");
        assert_eq!(shell_arg("a&b"), "\"a&b\"");
        assert_eq!(shell_arg(r"C:\Users\Cán bộ\site"), "\"C:\\Users\\Cán bộ\\site\"");
    }

    #[test]
    fn example_has_the_site_files() {
        let files: Vec<String> = example_files().iter().map(|(p, _)| p.to_string_lossy().replace('\\', "/")).collect();
        for f in [
            "README.md",
            "content/site.toml",
            "content/criteria/2024.toml",
            "content/districts/huyen-mau/district.toml",
        ] {
            assert!(files.iter().any(|x| x == f), "{f} in {files:?}");
        }
    }
}
