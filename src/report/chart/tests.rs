use super::canvas::{self, Rgb};
use super::common::*;
use super::*;

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

/// The start tag of the first `<text>` whose content is exactly `content`.
fn text_tag<'a>(svg: &'a str, content: &str) -> Option<&'a str> {
    let end = svg.find(&format!(">{content}</text>"))?;
    let start = svg[..end].rfind("<text ")?;
    Some(&svg[start..end])
}

/// The value of attribute `name` in a start tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// A presentation attribute of the text `content`: its own, else the one the drawing's `<g>`
/// sets for all text.
fn text_attr<'a>(svg: &'a str, content: &str, name: &str) -> Option<&'a str> {
    let tag = text_tag(svg, content)?;
    let group = svg.find("<g ").and_then(|g| svg[g..].find('>').map(|e| &svg[g..g + e]))?;
    attr(tag, name).or_else(|| attr(group, name))
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
    // No redundant attributes: opaque colours, the family only on the root, default widths.
    assert!(!svg.contains("opacity="), "{svg}");
    assert_eq!(svg.matches("font-family=").count(), 1, "{svg}");
    assert!(!svg.contains("stroke-width=\"1\"") && !svg.contains("stroke=\"none\""), "{svg}");
    // Every text is centred vertically on its y as plotters did it.
    assert_eq!(svg.matches("<text ").count(), svg.matches("<text x=\"").count());
    assert_eq!(svg.matches("<text ").count(), svg.matches(" dy=\"0.5ex\"").count(), "{svg}");
    // Paths are integer coordinates only.
    for part in svg.split(" d=\"").skip(1) {
        let d = part.split('"').next().unwrap_or("");
        assert!(d.chars().all(|c| c.is_ascii_digit() || " -MLHVZ".contains(c)), "path {d}");
    }
    // One group around the drawing.
    assert_eq!(svg.matches("<g ").count(), 1, "{svg}");
    // Tags balance for the elements we emit.
    for tag in ["text", "svg", "title", "desc", "g"] {
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
    assert!(c.svg.contains("fill=\"#EEE\""));
    assert!(c.svg.contains(">92.5%</text>"));
    // Dark cell gets white text, light cell black.
    assert_eq!(text_attr(&c.svg, "100.0%", "fill"), Some("#FFF"), "{}", c.svg);
    assert_eq!(text_attr(&c.svg, "0.0%", "fill"), Some("#1A1A1A"), "{}", c.svg);
    // The hatching of the one empty cell is one element, and so is the legend swatch's.
    assert_eq!(c.svg.matches("stroke=\"#C4C4C4\"").count(), 2, "{}", c.svg);
    assert_eq!(c.desc, "Highest: r2 / c2 100.0%; Lowest: r2 / c1 0.0%; No data: 1/4.");
}

#[test]
fn stacked_bars_count_branches_in_words() {
    let cats = s(&["A", "B"]);
    let c = stacked_shares("p", &s(&["x", "y"]), &cats, &[vec![189, 1], vec![1, 0]], &ChartText::vi());
    assert!(c.svg.contains(">190 chi bộ</text>") && !c.svg.contains("n="), "{}", c.svg);
    let en = stacked_shares("p", &s(&["x", "y"]), &cats, &[vec![189, 1], vec![1, 0]], &ChartText::en());
    assert!(en.svg.contains(">190 branches</text>") && en.svg.contains(">1 branch</text>"), "{}", en.svg);
}

#[test]
fn a_target_line_does_not_run_through_a_tick_label() {
    let text = ChartText::en();
    let labels = s(&["a", "b"]);
    let ticks = |c: &Chart| ["0%", "20%", "40%", "60%", "80%", "100%"].map(|t| c.svg.contains(&format!(">{t}</text>")));
    let plain = percent_bars("p", &labels, &[Some(30.0), Some(50.0)], None, &text);
    assert_eq!(ticks(&plain), [true; 6]);
    // The line at 20% would cross the tick "20%" above the plot: that tick is left out.
    let target = TargetLine { label: "Target".into(), value: 20.0 };
    let crossed = percent_bars("p", &labels, &[Some(30.0), Some(50.0)], Some(&target), &text);
    assert_eq!(ticks(&crossed), [true, false, true, true, true, true], "{}", crossed.svg);
    assert!(crossed.svg.contains(">Target: 20.0%</text>"));
    // A line between two ticks leaves them both.
    let between = TargetLine { label: "Target".into(), value: 50.0 };
    let c = percent_bars("p", &labels, &[Some(30.0), Some(50.0)], Some(&between), &text);
    assert_eq!(ticks(&c), [true; 6]);
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
            let r = super::common::round_half_away(v, d);
            let ours = super::common::fixed(r, d as u32);
            let mut std = format!("{:.*}", d as usize, r);
            // std prints a rounded-away negative zero with its sign; the integer path does not.
            if std.parse::<f64>() == Ok(0.0) {
                std = std.trim_start_matches('-').to_string();
            }
            assert_eq!(ours, std, "{v} {d}");
        }
    }
}

/// Draws with the chart canvas (720 x 300; plotters clamps points to it) and returns the body,
/// with text defaults of 11.5 px, muted, centred.
fn draw(f: impl FnOnce(&canvas::Canvas<'_>) -> canvas::Res) -> String {
    use plotters::style::text_anchor::HPos;
    let defaults = canvas::TextDefaults::new(11.5, canvas::MUTED_TEXT, HPos::Center);
    canvas::render(720, 300, defaults, f).unwrap_or_default()
}

#[test]
fn backend_writes_compact_markup() {
    let body = draw(|c| {
        c.line(vec![(10, 20), (90, 20)], canvas::GRID, 1)?;
        c.line(vec![(10, 20), (10, 40), (30, 45), (50, 30)], Rgb(0, 0x72, 0xB2), 2)?;
        c.polygon(vec![(5, 5), (9, 5), (7, 1)], Rgb(0xD5, 0x5E, 0x00))?;
        c.circle(3, 4, 5, canvas::WHITE_BG, false, 2)?;
        c.rect(0, 0, 4, 6, canvas::BAND)
    });
    let expected = "<g font-size=\"11.5\" fill=\"#595959\" text-anchor=\"middle\">\n\
        <rect width=\"720\" height=\"300\" fill=\"#FFF\"/>\n\
        <path d=\"M10 20H90\" stroke=\"#DDD\"/>\n\
        <path d=\"M10 20V40L30 45 50 30\" fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2\"/>\n\
        <path d=\"M5 5H9L7 1Z\" fill=\"#D55E00\"/>\n\
        <circle cx=\"3\" cy=\"4\" r=\"5\" fill=\"none\" stroke=\"#FFF\" stroke-width=\"2\"/>\n\
        <rect width=\"4\" height=\"6\" fill=\"#F4F6F8\"/>\n\
        </g>\n";
    assert_eq!(body, expected);
}

#[test]
fn backend_text_names_only_what_differs_from_the_defaults() {
    let body = draw(|c| {
        c.text("a", 1, 2, canvas::Txt::new(11.5).color(canvas::MUTED_TEXT).center())?;
        c.text("b", 3, 4, canvas::Txt::new(13.0).left().bold())?;
        c.text("c", 5, 6, canvas::Txt::new(9.45).color(canvas::MUTED_TEXT).right().italic())?;
        c.text("", 5, 6, canvas::Txt::new(13.0))
    });
    assert!(body.contains("<text x=\"1\" y=\"2\" dy=\"0.5ex\">a</text>\n"), "{body}");
    assert!(
        body.contains(
            "<text x=\"3\" y=\"4\" dy=\"0.5ex\" text-anchor=\"start\" font-size=\"13\" fill=\"#1A1A1A\" \
             font-weight=\"bold\">b</text>\n"
        ),
        "{body}"
    );
    assert!(
        body.contains(
            "<text x=\"5\" y=\"6\" dy=\"0.5ex\" text-anchor=\"end\" font-size=\"9.5\" font-style=\"italic\">c</text>"
        ),
        "{body}"
    );
    assert_eq!(body.matches("<text").count(), 3, "empty text is not drawn: {body}");
}

#[test]
fn backend_rotates_vertical_text_about_its_anchor() {
    let body = draw(|c| c.text("1.1", 57, 264, canvas::Txt::new(11.5).color(canvas::MUTED_TEXT).right().vertical()));
    assert!(
        body.contains(
            "<text x=\"57\" y=\"264\" dy=\"0.5ex\" text-anchor=\"end\" transform=\"rotate(270 57 264)\">1.1</text>"
        ),
        "{body}"
    );
    // In charts: criterion names too long to sit under their bars, and narrow heat-map headers.
    let text = ChartText::en();
    let names: Vec<String> = (0..20).map(|i| format!("Criterion number {i}")).collect();
    let c = scores_vs_max("s", &names, &[1.0; 20], &[2.0; 20], &text);
    check_svg(&c);
    let tag = text_tag(&c.svg, "Criterion number 7").unwrap_or("");
    let (x, y) = (attr(tag, "x").unwrap_or("?"), attr(tag, "y").unwrap_or("?"));
    assert_eq!(attr(tag, "transform"), Some(format!("rotate(270 {x} {y})").as_str()), "{tag}");
    assert_eq!(attr(tag, "text-anchor"), Some("end"), "{tag}");
    let cols: Vec<String> = (0..12).map(|k| format!("Xã phường thị trấn {k}")).collect();
    let h = heat_map("h", &s(&["r"]), &cols, &[vec![Some(50.0); 12]], &text);
    check_svg(&h);
    let tag = text_tag(&h.svg, "Xã phường thị trấn 3").unwrap_or("");
    assert!(attr(tag, "transform").is_some_and(|t| t.starts_with("rotate(270 ")), "{tag}");
    assert_eq!(attr(tag, "font-weight"), Some("bold"), "{tag}");
}

#[test]
fn backend_escapes_text() {
    let body = draw(|c| c.text("<b>\"x\" & 'y'\u{7}</b>", 1, 2, canvas::Txt::new(11.5)));
    assert!(body.contains(">&lt;b&gt;&quot;x&quot; &amp; &#x27;y&#x27; &lt;/b&gt;</text>"), "{body}");
    assert!(!body.contains("<b>") && !body.contains('\u{7}'));
    // Plain text is copied as it is.
    let body = draw(|c| c.text("Đông Hưng – 92,5%", 1, 2, canvas::Txt::new(11.5)));
    assert!(body.contains(">Đông Hưng – 92,5%</text>"), "{body}");
}

#[test]
fn dashed_lines_are_single_elements() {
    let body = draw(|c| c.dashed(vec![(10, 2), (10, 48)], 2));
    assert!(
        body.contains("<path d=\"M10 2V48\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"),
        "{body}"
    );
    let text = ChartText::en();
    let targets = [TargetLine { label: "A".into(), value: 90.0 }, TargetLine { label: "B".into(), value: 20.0 }];
    let series = [Series { name: "s".into(), values: vec![Some(50.0), Some(60.0)] }];
    let c = trend_lines("t", &[2023, 2024], &series, &targets, &text);
    check_svg(&c);
    assert_eq!(c.svg.matches("stroke-dasharray=\"6 4\"").count(), 2, "{}", c.svg);
    let bars = percent_bars("p", &s(&["a"]), &[Some(50.0)], Some(&targets[0]), &text);
    let dashes: Vec<&str> = bars.svg.lines().filter(|l| l.contains("stroke-dasharray")).collect();
    assert_eq!(dashes.len(), 1, "{}", bars.svg);
    assert!(dashes[0].contains("stroke=\"#000\" stroke-width=\"2\""), "{}", dashes[0]);
}

#[test]
fn an_outline_joins_the_rectangle_just_filled() {
    let body = draw(|c| {
        c.rect(1, 2, 11, 22, Rgb(0xEC, 0xF0, 0xF4))?;
        c.rect_outline(1, 2, 11, 22, Rgb(0x8C, 0x96, 0xA0))?;
        c.rect(1, 2, 11, 22, canvas::BAND)?;
        c.rect_outline(1, 2, 12, 22, canvas::AXIS)?;
        c.rect(1, 2, 11, 22, canvas::BAND)?;
        c.line(vec![(0, 0), (5, 5)], canvas::AXIS, 1)?;
        c.rect_outline(1, 2, 11, 22, canvas::AXIS)
    });
    assert!(
        body.contains("<rect x=\"1\" y=\"2\" width=\"10\" height=\"20\" fill=\"#ECF0F4\" stroke=\"#8C96A0\"/>"),
        "{body}"
    );
    // Another geometry, or anything drawn in between, keeps them apart (the stacking order).
    assert_eq!(body.matches("<rect").count(), 6, "{body}");
    assert_eq!(body.matches("fill=\"none\" stroke=\"#767676\"").count(), 2, "{body}");
}

#[test]
fn segments_are_one_path() {
    let body = draw(|c| c.segments(vec![(0, 4), (4, 0), (0, 11), (11, 0), (7, 7)], Rgb(0xC4, 0xC4, 0xC4), 1));
    assert!(body.contains("<path d=\"M0 4L4 0M0 11L11 0\" stroke=\"#C4C4C4\"/>"), "{body}");
    let body = draw(|c| c.segments(vec![(1, 1)], Rgb(0xC4, 0xC4, 0xC4), 1));
    assert!(!body.contains("<path"), "{body}");
}

#[test]
fn number_and_colour_formatting() {
    let mut out = String::new();
    for v in [0, 7, -7, 123, -4567, i64::from(i32::MIN), i64::MAX] {
        super::svg::push_int(&mut out, v);
        out.push(' ');
    }
    assert_eq!(out, format!("0 7 -7 123 -4567 {} {} ", i32::MIN, i64::MAX));
    let mut out = String::new();
    for v in [11.5, 13.0, 9.45, 0.04, -2.25, f64::NAN] {
        super::svg::push_dec1(&mut out, v);
        out.push(' ');
    }
    assert_eq!(out, "11.5 13 9.5 0 -2.3 0 ");
    let mut out = String::new();
    for c in [(0xDD, 0xDD, 0xDD), (0, 0x72, 0xB2), (0xFF, 0xFF, 0xFF), (0x1A, 0x1A, 0x1A), (0x11, 0x22, 0x34)] {
        super::svg::push_rgb(&mut out, c);
        out.push(' ');
    }
    assert_eq!(out, "#DDD #0072B2 #FFF #1A1A1A #112234 ");
}

#[test]
fn ids_hash_is_fixed_and_separates_parts() {
    // Ids must not change between builds, compilers or machines: pin the hash.
    assert_eq!(super::common::hash64(&[b"title", b"desc", b"<g>body</g>"]), 0x514C_25F7_944C_F249);
    assert_ne!(super::common::hash64(&[b"ab", b"c"]), super::common::hash64(&[b"a", b"bc"]));
    assert_ne!(super::common::hash64(&[b"", b""]), super::common::hash64(&[b""]));
    let a = percent_bars("Same", &s(&["a"]), &[Some(50.0)], None, &ChartText::en());
    let b = percent_bars("Same", &s(&["a"]), &[Some(50.0)], None, &ChartText::en());
    assert_eq!(a.svg, b.svg);
    assert_eq!(a.id, b.id);
}

#[test]
fn num_matches_the_std_formatting_it_replaces() {
    // The former implementation, through std formatting.
    fn reference(text: &ChartText, v: f64, decimals: i32, trim: bool) -> String {
        let r = super::common::round_half_away(v, decimals);
        if !r.is_finite() {
            return "–".into();
        }
        let mut s = format!("{:.*}", decimals.clamp(0, 6) as usize, r);
        if s.parse::<f64>() == Ok(0.0) {
            s = s.trim_start_matches('-').to_string();
        }
        if trim && s.contains('.') {
            s = s.trim_end_matches('0').trim_end_matches('.').to_string();
        }
        if text.decimal_comma { s.replace('.', ",") } else { s }
    }
    let specials = [1e300, -1e300, f64::NAN, f64::INFINITY, 1e16, -123_456_789_012_345.6, 0.0, -0.0, 100.0, 7.25];
    for text in [ChartText::en(), ChartText::vi()] {
        let values = (-3000..3000).map(|i| f64::from(i) * 0.0371).chain(specials);
        for v in values {
            for d in 0..4 {
                for trim in [false, true] {
                    assert_eq!(text.num(v, d, trim), reference(&text, v, d, trim), "{v} {d} {trim}");
                }
            }
            assert_eq!(text.pct(v), format!("{}%", reference(&text, v, 1, false)));
        }
    }
}

#[test]
fn clean_label_keeps_clean_labels_and_mends_the_rest() {
    for (raw, clean) in [
        ("Huyện Đông Hưng", "Huyện Đông Hưng"),
        ("  a  b ", "a b"),
        ("a\tb\nc\u{7}d", "a b c d"),
        ("a\u{a0}b", "a b"),
        ("", ""),
        (" ", ""),
        ("x", "x"),
    ] {
        assert_eq!(clean_label(raw), clean, "{raw:?}");
    }
}

/// The charts' words come from the theme's strings; a theme without them keeps the built-in ones.
#[test]
fn chart_texts_come_from_the_theme() {
    let mut strings = std::collections::BTreeMap::new();
    strings.insert("chart_text_target".to_string(), "Mục tiêu".to_string());
    let t = ChartText::from_strings(&strings, true);
    assert_eq!(t.target, "Mục tiêu");
    assert_eq!(t.no_data, ChartText::vi().no_data);
    assert!(t.decimal_comma);
    let theme = crate::report::theme::Theme::load(std::path::Path::new("."), None, "en", None).unwrap();
    let en = ChartText::from_strings(&theme.strings, false);
    assert_eq!(
        (en.branch_one.as_str(), en.branch_other.as_str(), en.target.as_str()),
        ("branch", "branches", "Target")
    );
}
