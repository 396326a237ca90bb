use super::*;

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

fn check_svg(c: &Chart) {
    let svg = &c.svg;
    assert!(svg.starts_with("<svg "), "{svg}");
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains(&format!("aria-labelledby=\"{0}-title {0}-desc\"", c.id)));
    assert!(svg.contains(&format!("<title id=\"{}-title\">", c.id)));
    assert!(svg.contains(&format!("<desc id=\"{}-desc\">", c.id)));
    assert!(svg.contains("viewBox=\"0 0 720 "));
    assert!(!svg.contains(" style=") && !svg.contains("\tstyle=") && !svg.contains("\nstyle="), "inline style: {svg}");
    assert!(!svg.contains("<script"));
    assert!(!svg.contains("href"));
    assert!(!svg.contains("height=\"") || !svg.split('>').next().unwrap_or("").contains("height="));
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
    // Every font size is short (rounded).
    for part in svg.split("font-size=\"").skip(1) {
        let v = part.split('"').next().unwrap_or("");
        assert!(v.len() <= 4, "font-size {v}");
    }
    assert!(!svg.contains("#010203"));
    // Tags balance for the elements we emit.
    for tag in ["text", "svg", "title", "desc"] {
        assert_eq!(svg.matches(&format!("<{tag}")).count(), svg.matches(&format!("</{tag}>")).count(), "{tag}");
    }
}

fn all_kinds(text: &ChartText) -> Vec<Chart> {
    let labels = s(&["Huyện Đông Hưng", "Đảng bộ Khối các cơ quan tỉnh", "<b>Bold</b> & \"q\""]);
    let target = TargetLine { label: "Chỉ tiêu 2025".into(), value: 90.0 };
    vec![
        percent_bars("Tốt trở lên", &labels, &[Some(95.0), Some(90.0), None], Some(&target), text),
        stacked_shares(
            "Xếp loại",
            &labels,
            &s(&["HTXSNV", "HTTNV", "HTNV", "KHTNV"]),
            &[vec![5, 10, 3, 1], vec![0, 0, 0, 0], vec![1, 2, 3, 4]],
            text,
        ),
        trend_lines(
            "Xu hướng",
            &[2021, 2022, 2023, 2024],
            &[
                Series { name: "Tốt trở lên".into(), values: vec![Some(80.0), None, Some(88.5), Some(92.25)] },
                Series {
                    name: "<b>Mẫu</b>".into(), values: vec![Some(10.0), Some(12.0), Some(15.0), Some(f64::NAN)]
                },
            ],
            &[target.clone(), TargetLine { label: String::new(), value: 20.0 }],
            text,
        ),
        heat_map(
            "Bản đồ",
            &labels,
            &s(&["Xã", "Phường", "Cơ quan"]),
            &[vec![Some(10.0), None, Some(100.0)], vec![None, None, None], vec![Some(55.5)]],
            text,
        ),
        scores_vs_max("Tiêu chí", &s(&["1.1", "1.2", "<b>"]), &[7.5, 10.0, 2.0], &[10.0, 10.0, 5.0], text),
    ]
}

#[test]
fn every_kind_is_valid_and_deterministic() {
    for text in [ChartText::vi(), ChartText::en()] {
        let a = all_kinds(&text);
        let b = all_kinds(&text);
        assert_eq!(a, b);
        for c in &a {
            check_svg(c);
            assert!(!c.desc.is_empty());
        }
    }
}

#[test]
fn labels_and_titles_are_escaped() {
    let text = ChartText::vi();
    let c = percent_bars("A <b>title</b> & more", &s(&["<b>x</b>"]), &[Some(50.0)], None, &text);
    check_svg(&c);
    assert!(!c.svg.contains("<b>"));
    assert!(c.svg.contains("&lt;b&gt;x&lt;/b&gt;"));
    assert!(c.svg.contains("A &lt;b&gt;title&lt;/b&gt; &amp; more</title>"));
    assert!(c.desc.contains("<b>x</b> 50,0%"), "{}", c.desc);
    assert!(c.svg.contains("&lt;b&gt;x&lt;/b&gt; 50,0%.</desc>"));
    for c in all_kinds(&text) {
        assert!(!c.svg.contains("<b>"), "{}", c.svg);
    }
}

#[test]
fn no_data_charts() {
    let text = ChartText::vi();
    let target = TargetLine { label: "T".into(), value: 90.0 };
    let charts = [
        percent_bars("x", &[], &[], Some(&target), &text),
        percent_bars("x", &s(&["a", "b"]), &[None, Some(f64::INFINITY)], None, &text),
        percent_bars("x", &s(&["a", "b"]), &[], None, &text),
        stacked_shares("x", &s(&["a"]), &s(&["c"]), &[vec![0]], &text),
        stacked_shares("x", &[], &[], &[], &text),
        trend_lines("x", &[], &[], &[], &text),
        trend_lines(
            "x",
            &[2024],
            &[Series { name: "s".into(), values: vec![None] }],
            std::slice::from_ref(&target),
            &text,
        ),
        heat_map("x", &s(&["a"]), &s(&["b"]), &[vec![None]], &text),
        heat_map("x", &[], &[], &[], &text),
        scores_vs_max("x", &[], &[], &[], &text),
        scores_vs_max("x", &s(&["1"]), &[f64::NAN], &[10.0], &text),
    ];
    for c in &charts {
        check_svg(c);
        assert!(c.svg.contains("Không có dữ liệu"), "{}", c.svg);
        assert_eq!(c.desc, "Không có dữ liệu.");
    }
}

#[test]
fn heat_map_none_cells_are_hatched_with_a_dash() {
    let text = ChartText::en();
    let c = heat_map(
        "h",
        &s(&["r1", "r2"]),
        &s(&["c1", "c2"]),
        &[vec![Some(92.5), None], vec![Some(0.0), Some(100.0)]],
        &text,
    );
    check_svg(&c);
    assert!(c.svg.contains(">–</text>"));
    assert!(c.svg.contains("fill=\"#EEEEEE\""));
    assert!(c.svg.contains(">92.5%</text>"));
    // Dark cell gets white text, light cell black.
    assert!(c.svg.contains("fill=\"#FFFFFF\">100.0%</text>"), "{}", c.svg);
    assert!(c.svg.contains("fill=\"#1A1A1A\">0.0%</text>"));
    assert_eq!(c.desc, "Highest: r2 / c2 100.0%; Lowest: r2 / c1 0.0%; No data: 1/4.");
}

#[test]
fn value_exactly_at_target_is_not_below() {
    let text = ChartText::en();
    let target = TargetLine { label: "Target 2025".into(), value: 90.0 };
    let c = percent_bars("p", &s(&["a", "b", "c"]), &[Some(90.0), Some(89.9), Some(98.0)], Some(&target), &text);
    check_svg(&c);
    assert_eq!(c.desc, "Highest: c 98.0%; Lowest: b 89.9%; 1/3 below target 90.0%.");
    assert!(c.svg.contains("stroke-dasharray"));
    assert!(c.svg.contains("Target 2025: 90.0%"));
    let vi = percent_bars("p", &s(&["a"]), &[Some(90.0)], Some(&target), &ChartText::vi());
    assert!(vi.desc.contains("0/1 dưới chỉ tiêu 90,0%"), "{}", vi.desc);
    assert!(vi.svg.contains(">90,0%</text>"));
}

#[test]
fn ids_differ_by_content_and_can_be_replaced() {
    let text = ChartText::en();
    let a = percent_bars("Good or better", &s(&["a"]), &[Some(50.0)], None, &text);
    let b = percent_bars("Good or better", &s(&["a"]), &[Some(51.0)], None, &text);
    assert_ne!(a.id, b.id);
    assert!(a.id.starts_with("chart-good-or-better-"));
    let c = a.clone().with_id("fig 2");
    assert_eq!(c.id, "fig-2");
    check_svg(&c);
    assert!(!c.svg.contains(&a.id));
    assert_eq!(a.clone().with_id("2").id, "chart-2");
}

#[test]
fn numbers_round_half_away_from_zero() {
    let en = ChartText::en();
    assert_eq!(en.pct(92.45), "92.5%");
    assert_eq!(en.pct(92.25), "92.3%");
    assert_eq!(en.pct(-0.01), "0.0%");
    assert_eq!(ChartText::vi().pct(92.5), "92,5%");
    assert_eq!(en.score(7.5), "7.5");
    assert_eq!(en.score(10.0), "10");
    assert_eq!(ChartText::vi().score(7.25), "7,25");
}

#[test]
fn many_long_labels_stay_within_the_chart() {
    let text = ChartText::vi();
    let labels: Vec<String> =
        (0..64).map(|i| format!("Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh số {i}")).collect();
    let vals: Vec<Option<f64>> = (0..64).map(|i| Some(f64::from(i) * 1.5)).collect();
    let c = percent_bars("p", &labels, &vals, None, &text);
    check_svg(&c);
    assert!(c.svg.contains("…"));
    assert!(c.svg.contains(&format!("viewBox=\"0 0 720 {}\"", 30 + 64 * 28 + 28)));
    let counts: Vec<Vec<u32>> = (0..64).map(|i| vec![i, 64 - i, 3]).collect();
    check_svg(&stacked_shares("s", &labels, &s(&["A", "B", "C"]), &counts, &text));
    let grid: Vec<Vec<Option<f64>>> =
        (0..64).map(|i| (0..12).map(|k| if k == i % 12 { None } else { Some(f64::from(i + k)) }).collect()).collect();
    let cols: Vec<String> = (0..12).map(|k| format!("Loại hình cơ sở {k}")).collect();
    check_svg(&heat_map("h", &labels, &cols, &grid, &text));
    let ids: Vec<String> = (0..40).map(|i| format!("TC {i}")).collect();
    check_svg(&scores_vs_max("s", &ids, &vec![3.0; 40], &vec![5.0; 40], &text));
}

#[test]
fn absurd_values_neither_panic_nor_hang() {
    let text = ChartText::en();
    for v in [1e300, -1e300, f64::MAX, f64::MIN, f64::MIN_POSITIVE, -5.0, 250.0] {
        let labels = s(&["a", "b"]);
        let t = TargetLine { label: "t".into(), value: v };
        check_svg(&percent_bars("p", &labels, &[Some(v), Some(50.0)], Some(&t), &text));
        check_svg(&stacked_shares("s", &labels, &s(&["x", "y"]), &[vec![u32::MAX, u32::MAX], vec![1]], &text));
        let series = [Series { name: "a".into(), values: vec![Some(v), Some(50.0), Some(-v)] }];
        check_svg(&trend_lines("t", &[2020, 2021, 2022], &series, std::slice::from_ref(&t), &text));
        check_svg(&heat_map("h", &labels, &labels, &[vec![Some(v), Some(-v)]], &text));
        check_svg(&scores_vs_max("c", &labels, &[v, 1.0], &[v.abs(), 2.0], &text));
    }
}

#[test]
fn fixed_formatting_matches_std() {
    for i in -20_000..20_000 {
        let v = f64::from(i) * 0.0137;
        for d in 0..3 {
            let r = super::round_half_away(v, d);
            let ours = super::fixed(r, d as u32);
            let mut std = format!("{:.*}", d as usize, r);
            // std prints a rounded-away negative zero with its sign; the integer path does not.
            if std.parse::<f64>() == Ok(0.0) {
                std = std.trim_start_matches('-').to_string();
            }
            assert_eq!(ours, std, "{v} {d}");
        }
    }
}
