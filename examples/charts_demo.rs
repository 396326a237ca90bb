//! Writes one chart of each kind to /tmp/charts/*.svg and an index.html that inlines them all
//! (under the site's Content Security Policy), to look at in a browser.

use std::fmt::Write as _;

use kieumau::report::chart::{
    Chart, ChartText, Series, TargetLine, heat_map, percent_bars, scores_vs_max, stacked_shares, trend_lines,
};

fn main() -> std::io::Result<()> {
    let vi = ChartText::vi();
    let en = ChartText::en();
    let districts: Vec<String> = [
        "Thành phố Thái Bình",
        "Huyện Đông Hưng",
        "Huyện Hưng Hà",
        "Huyện Kiến Xương",
        "Huyện Quỳnh Phụ",
        "Huyện Thái Thụy",
        "Huyện Tiền Hải",
        "Huyện Vũ Thư",
        "Đảng bộ Khối các cơ quan tỉnh",
        "Đảng bộ Khối doanh nghiệp tỉnh",
        "Đảng bộ Quân sự tỉnh",
        "Đảng bộ Công an tỉnh",
        "Đảng bộ Bộ đội Biên phòng tỉnh <Thái Bình> & \"đặc biệt\"",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let good: Vec<Option<f64>> = vec![
        Some(98.0),
        Some(91.2),
        Some(88.5),
        Some(90.0),
        Some(95.7),
        Some(71.5),
        Some(93.3),
        Some(86.0),
        Some(100.0),
        Some(89.9),
        Some(96.4),
        None,
        Some(0.0),
    ];
    let target = TargetLine { label: "Chỉ tiêu 2025".into(), value: 90.0 };

    let national: Vec<String> = (0..64).map(|i| format!("Huyện số {:02} – Đông Hưng", i + 1)).collect();
    let national_vals: Vec<Option<f64>> =
        (0..64).map(|i| if i == 7 { None } else { Some(60.0 + f64::from((i * 37) % 41)) }).collect();

    let ratings: Vec<String> = ["Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành", "Không hoàn thành"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let counts: Vec<Vec<u32>> = (0..13u32)
        .map(|i| if i == 4 { vec![0, 0, 0, 0] } else { vec![3 + i % 5, 20 + (i * 7) % 30, 4 + i % 3, i % 2] })
        .collect();

    let years = [2020, 2021, 2022, 2023, 2024, 2025];
    let series = vec![
        Series {
            name: "Tốt trở lên".into(),
            values: vec![Some(82.0), Some(85.5), None, Some(89.0), Some(91.25), Some(92.5)],
        },
        Series {
            name: "Chi bộ mẫu".into(),
            values: vec![Some(8.0), Some(12.0), Some(18.5), Some(24.0), Some(31.0), Some(35.5)],
        },
        Series {
            name: "Hoàn thành xuất sắc".into(),
            values: vec![Some(15.0), Some(16.0), Some(18.0), Some(17.0), Some(19.5), Some(21.0)],
        },
    ];
    let targets = vec![
        TargetLine { label: "Chỉ tiêu tốt trở lên".into(), value: 90.0 },
        TargetLine { label: "Chỉ tiêu chi bộ mẫu".into(), value: 30.0 },
    ];
    let single = vec![Series {
        name: "Tốt trở lên".into(),
        values: vec![Some(82.0), Some(85.5), Some(87.0), Some(89.0), Some(91.25), Some(92.5)],
    }];

    let types: Vec<String> = [
        "Nông thôn",
        "Phường, thị trấn",
        "Cơ quan hành chính",
        "Đơn vị sự nghiệp",
        "Doanh nghiệp nhà nước",
        "Quân đội, công an",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let heat: Vec<Vec<Option<f64>>> = (0..13)
        .map(|r| {
            (0..6).map(|k| if (r + k) % 7 == 3 { None } else { Some(f64::from((r * 13 + k * 29) % 101)) }).collect()
        })
        .collect();

    let types12: Vec<String> = (1..=12).map(|k| format!("Loại hình cơ sở số {k}")).collect();
    let heat64: Vec<Vec<Option<f64>>> = (0..64)
        .map(|r| {
            (0..12)
                .map(|k| if (r * 5 + k) % 17 == 0 { None } else { Some(f64::from((r * 7 + k * 11) % 100) + 0.5) })
                .collect()
        })
        .collect();
    let series_one = vec![Series { name: "Tốt trở lên".into(), values: vec![Some(91.0)] }];
    let crit: Vec<String> = (1..=12).map(|i| format!("{}.{}", (i - 1) / 4 + 1, (i - 1) % 4 + 1)).collect();
    let sc = [9.0, 10.0, 7.5, 4.0, 15.0, 12.5, 8.0, 3.0, 5.0, 10.0, 20.0, 0.0];
    let mx = [10.0, 10.0, 10.0, 10.0, 15.0, 15.0, 10.0, 5.0, 5.0, 10.0, 20.0, 10.0];
    let many_crit: Vec<String> = (1..=30).map(|i| format!("Tiêu chí {i}")).collect();

    let charts: Vec<(&str, Chart)> = vec![
        (
            "percent_bars",
            percent_bars("Tỉ lệ chi bộ tốt trở lên theo đơn vị, 2025", &districts, &good, Some(&target), &vi),
        ),
        (
            "percent_bars_64",
            percent_bars(
                "Tỉ lệ chi bộ mẫu, 64 đơn vị",
                &national,
                &national_vals,
                Some(&TargetLine { label: "Chỉ tiêu".into(), value: 75.0 }),
                &vi,
            ),
        ),
        ("stacked_shares", stacked_shares("Xếp loại chi bộ theo đơn vị, 2025", &districts, &ratings, &counts, &vi)),
        ("trend_lines", trend_lines("Toàn tỉnh qua các năm", &years, &series, &targets, &vi)),
        ("trend_single", trend_lines("Province, good or better", &years, &single, &targets[..1], &en)),
        ("heat_map", heat_map("Tỉ lệ chi bộ mẫu theo đơn vị và loại hình", &districts, &types, &heat, &vi)),
        ("scores_vs_max", scores_vs_max("Điểm theo tiêu chí, Chi bộ Thôn Nam", &crit, &sc, &mx, &vi)),
        ("scores_many", scores_vs_max("Điểm theo 30 tiêu chí", &many_crit, &[6.0; 30], &[10.0; 30], &vi)),
        ("heat_map_64", heat_map("Tỉ lệ chi bộ mẫu, 64 đơn vị × 12 loại hình", &national, &types12, &heat64, &vi)),
        ("trend_one_year", trend_lines("Một năm", &[2025], &series_one, &targets, &vi)),
        ("no_data", percent_bars("Không có số liệu", &[], &[], None, &vi)),
    ];

    let mut html = head();
    for (name, chart) in &charts {
        std::fs::write(format!("/tmp/charts/{name}.svg"), &chart.svg)?;
        // One page per chart too, for focused screenshots.
        let page = format!(
            "{}<figure><figcaption>{}</figcaption>\n{}<p class=\"desc\">{}</p></figure></body></html>\n",
            head(),
            esc(&chart.title),
            chart.svg,
            esc(&chart.desc)
        );
        std::fs::write(format!("/tmp/charts/{name}.html"), page)?;
        let _ = write!(
            html,
            "<figure><figcaption>{}</figcaption>\n{}<p class=\"desc\">{}</p></figure>\n",
            esc(&chart.title),
            chart.svg,
            esc(&chart.desc)
        );
    }
    html.push_str("</body></html>\n");
    std::fs::write("/tmp/charts/index.html", html)?;
    std::fs::write(
        "/tmp/charts/charts.css",
        "body{font-family:sans-serif;margin:0 auto;padding:8px;max-width:760px}\n\
         figure{margin:0 0 32px;overflow-x:auto}figcaption{font-weight:bold;margin-bottom:6px}\n\
         svg.chart{display:block;width:100%;height:auto;max-width:720px;min-width:540px}\n\
         .desc{font-size:13px;color:#444}\n",
    )?;
    println!("wrote /tmp/charts/index.html and {} SVG files", charts.len());
    Ok(())
}

fn head() -> String {
    String::from(
        "<!doctype html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; img-src 'self' data:\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>charts demo</title><link rel=\"stylesheet\" href=\"charts.css\"></head><body>\n",
    )
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
