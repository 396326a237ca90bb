//! Serve's request path resolution and Host check: whatever the path, the file it maps to lies
//! inside the output folder, and nothing panics.
#![no_main]

use std::path::PathBuf;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

/// A small output folder beside a secret the paths must never reach.
static OUTPUT: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    std::fs::create_dir_all(out.join("districts/a")).unwrap();
    std::fs::write(out.join("index.html"), "i").unwrap();
    std::fs::write(out.join("districts/a/index.html"), "a").unwrap();
    std::fs::write(dir.path().join("secret.txt"), "s").unwrap();
    let real = out.canonicalize().unwrap();
    (dir, real)
});

fuzz_target!(|data: &[u8]| {
    let Ok(path) = std::str::from_utf8(data) else { return };
    let (_, out) = &*OUTPUT;
    if let Some(file) = kieumau::commands::serve::resolve(out, path) {
        assert!(file.starts_with(out), "{path:?} escaped to {}", file.display());
    }
    let local = "127.0.0.1:8123".parse().unwrap();
    let _ = kieumau::commands::serve::http::host_allowed(Some(path), local);
});
