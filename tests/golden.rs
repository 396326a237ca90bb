//! Golden outputs of `kieumau check` on every error fixture, in Vietnamese and in English, so that
//! every change of wording is reviewed (`cargo insta review`, or `INSTA_UPDATE=always`).

mod common;

use std::fs;

use common::{fixtures, kieumau, site_with};

fn all_reports(lang: &str) -> String {
    let mut cases: Vec<_> = fs::read_dir(fixtures().join("errors")).unwrap().map(|e| e.unwrap().path()).collect();
    cases.sort();
    let mut out = String::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let site = site_with(Some(case));
        let run = kieumau().args(["check", "--strict", "--lang", lang, "--root"]).arg(site.path()).output().unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr).replace(&site.path().display().to_string(), "<site>");
        out.push_str(&format!("=== {name} (exit {:?})\n{stderr}\n", run.status.code()));
    }
    out
}

#[test]
fn every_error_fixture_in_vietnamese() {
    insta::assert_snapshot!("errors-vi", all_reports("vi"));
}

#[test]
fn every_error_fixture_in_english() {
    insta::assert_snapshot!("errors-en", all_reports("en"));
}

#[test]
fn a_vietnamese_site_reports_in_vietnamese_by_default_and_in_english_on_request() {
    let site = site_with(Some(&fixtures().join("errors/syntax-error")));
    let vi = kieumau().env_remove("KIEUMAU_LANG").args(["check", "--root"]).arg(site.path()).output().unwrap();
    let vi = String::from_utf8_lossy(&vi.stderr);
    assert!(vi.contains("lỗi[KM0103]: thiếu dấu ngoặc kép đóng") && vi.contains("không đạt: 1 lỗi"), "{vi}");
    let en = kieumau().args(["check", "--lang", "en", "--format", "json", "--root"]).arg(site.path()).output().unwrap();
    let en = String::from_utf8_lossy(&en.stdout);
    assert!(en.contains(r#""code":"KM0103""#) && en.contains("missing its closing quote"), "{en}");
}

#[test]
fn explain_gives_the_fix_and_an_unknown_code_is_a_usage_error() {
    let out = kieumau().args(["explain", "KM0101", "--lang", "vi"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Trước:") && text.contains("8.5"), "{text}");
    let out = kieumau().args(["explain", "KM0110", "--lang", "en"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("unknown code") && text.contains("KM0100"), "{text}");
}

#[test]
fn help_reads_in_vietnamese() {
    for sub in [&[][..], &["check"], &["build"], &["import"], &["explain"]] {
        let out =
            kieumau().env_remove("KIEUMAU_LANG").arg("--lang").arg("vi").args(sub).arg("--help").output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Cách dùng:") && !text.contains("Usage") && !text.contains("Print help"), "{text}");
    }
}

/// A wrong command line is said in the run's language too (clap's own errors are English).
#[test]
fn command_line_errors_read_in_the_chosen_language() {
    let run = |lang: &str, args: &[&str]| {
        let out = kieumau().env("KIEUMAU_LANG", lang).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let cases: [(&[&str], &str, &str); 5] = [
        (&["build", "--bogus"], "không có tùy chọn --bogus", "there is no option --bogus"),
        (&["build", "--outptu", "x"], "có phải là --output?", "did you mean --output?"),
        (&["forms"], "còn thiếu: --year", "missing: --year"),
        (&["forms", "--year", "abc"], "hãy ghi một số nguyên", "write a whole number"),
        (&["check", "--format", "xml"], "chỉ được là một trong: human, json", "it is one of: human, json"),
    ];
    for (args, vi, en) in cases {
        let text = run("vi", args);
        assert!(text.contains(vi) && text.contains("Xem các tùy chọn"), "{args:?}: {text}");
        for english in ["unexpected", "required", "invalid", "For more information", "Usage"] {
            assert!(!text.contains(english), "{args:?}: `{english}` in {text}");
        }
        assert!(run("en", args).contains(en), "{args:?}");
    }
}

#[test]
fn init_speaks_vietnamese_outside_a_site() {
    let dir = tempfile::tempdir().unwrap();
    let out = kieumau()
        .env_remove("KIEUMAU_LANG")
        .env("LANG", "vi_VN.UTF-8")
        .current_dir(dir.path())
        .args(["init", "moi"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("Đã tạo trang mới") && text.contains("Tiếp theo:"), "{text}");
    let mut again = kieumau();
    let again = again.env_remove("KIEUMAU_LANG").env("LANG", "en_US.UTF-8").current_dir(dir.path());
    let again = again.args(["init", "moi"]).output().unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("is not empty"), "LANG=en chooses English");
}
