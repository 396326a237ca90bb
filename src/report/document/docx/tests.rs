use std::io::Read;

use super::*;
use crate::report::document::{Block, Column, Masthead, Row, Signature, Table};

fn fonts() -> Fonts {
    let font =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default/static/fonts/LiberationSerif-Regular.ttf"))
            .unwrap();
    Fonts::new(&[&font])
}

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn sample() -> Document {
    let h =
        |level, id: &str, text: &str| Block::Heading { level, id: id.into(), text: text.into(), new_page: level == 1 };
    let table = |wide| Table {
        caption: Some("Bảng 1".into()),
        columns: vec![Column::text("Đơn vị", 3), Column::num("Số chi bộ", 1)],
        rows: vec![Row::Cells(vec!["Đông Hưng & <Hưng Hà>".into(), "190".into()])],
        wide,
        row_header: true,
    };
    Document {
        lang: "vi".into(),
        title: "Báo cáo".into(),
        blocks: vec![
            Block::Masthead(Masthead {
                issuer: vec!["TỈNH ỦY THÁI BÌNH".into(), "BAN TỔ CHỨC".into()],
                number: Some("Số: 12-BC/BTCTU".into()),
                party: "ĐẢNG CỘNG SẢN VIỆT NAM".into(),
                place_date: "Thái Bình, ngày 15 tháng 12 năm 2025".into(),
            }),
            Block::Title { kind: "BÁO CÁO".into(), title: "Tổng kết".into() },
            Block::Contents { heading: "MỤC LỤC".into() },
            h(1, "a", "I. Toàn tỉnh"),
            Block::Note {
                title: None,
                meta: String::new(),
                markdown: "Có **đậm** và *nghiêng*.\n\n- một\n- hai\n\n| a | b |\n|---|---|\n| 1 | 2 |\n".into(),
                files_at: String::new(),
                files: vec![],
            },
            Block::Table(table(false)),
            h(2, "b", "1. Đông Hưng"),
            Block::Table(table(true)),
            h(3, "c", "Chi tiết"),
            Block::Signature(Signature {
                role: vec!["TRƯỞNG BAN".into()],
                name: "Nguyễn Văn A".into(),
                recipients_heading: "Nơi nhận:".into(),
                recipients: vec!["Lưu".into()],
            }),
        ],
    }
}

#[test]
fn a_document_becomes_word_headings_fields_tables_and_sections() {
    let fonts = fonts();
    let opts = Options { fonts: &fonts, author: "Ban Tổ chức", date: jiff::civil::date(2025, 12, 15) };
    let bytes = render(&sample(), &opts).unwrap();
    let doc = part(&bytes, "word/document.xml");
    // Headings with Word's styles, bookmarked for the contents' page references.
    assert!(
        doc.contains(
            r#"<w:pStyle w:val="Heading1"/><w:pageBreakBefore/></w:pPr><w:bookmarkStart w:id="2" w:name="_Toc000001"/>"#
        ),
        "{doc}"
    );
    assert!(doc.contains(r#"<w:pStyle w:val="Heading2"/>"#) && doc.contains(r#"<w:pStyle w:val="Heading3"/>"#));
    assert!(doc.contains(r#" TOC \o "1-2" \h \z \u "#) && doc.contains(" PAGEREF _Toc000002 \\h "));
    // Escaped text, a header row that repeats, rows that do not break.
    assert!(doc.contains("Đông Hưng &amp; &lt;Hưng Hà&gt;"));
    assert_eq!(doc.matches("<w:tblHeader/>").count(), 3, "two tables and the note's table repeat their header");
    assert!(doc.matches("<w:cantSplit/>").count() >= 6);
    // The wide table sits in a landscape section between portrait ones.
    let landscape = doc.find(r#"w:orient="landscape""#).expect("a landscape section");
    let wide = doc.rfind("Bảng 1").unwrap();
    assert!(wide < landscape && doc[..wide].contains("<w:sectPr>"), "the wide table starts a section");
    assert!(doc.ends_with("</w:sectPr></w:body></w:document>"));
    assert!(doc.contains("<w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">đậm"), "the note's bold");
    assert!(doc.contains(">- một<") || doc.contains(">- </w:t></w:r><w:r><w:t xml:space=\"preserve\">một<"), "{doc}");
    assert!(part(&bytes, "word/footer1.xml").contains(" PAGE "));
    let styles = part(&bytes, "word/styles.xml");
    assert!(styles.contains(r#"w:ascii="Times New Roman""#) && styles.contains(r#"<w:outlineLvl w:val="0"/>"#));
    // A4 portrait with the margins of 36-HD/VPTW: 30 mm left (1701 twips), 15 mm right (850).
    assert!(
        doc.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#)
            && doc.contains(r#"w:right="850""#)
            && doc.contains(r#"w:left="1701""#)
    );
    // The same document makes the same bytes.
    assert_eq!(render(&sample(), &opts).unwrap(), bytes);
}

#[test]
fn a_chart_is_a_picture_with_its_caption() {
    let fonts = fonts();
    let opts = Options { fonts: &fonts, author: "", date: jiff::civil::date(2025, 12, 15) };
    let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 360"><rect width="300" height="200" fill="#123"/><text x="10" y="300" font-family="sans-serif">Hưng Hà</text></svg>"##;
    let doc = Document {
        lang: "vi".into(),
        title: "t".into(),
        blocks: vec![Block::Chart(crate::report::document::Chart {
            title: "Biểu đồ 1".into(),
            desc: "Tỷ lệ".into(),
            svg: svg.into(),
        })],
    };
    let bytes = render(&doc, &opts).unwrap();
    let xml = part(&bytes, "word/document.xml");
    assert!(xml.contains(r#"<a:blip r:embed="rIdImg1"/>"#) && xml.contains("Biểu đồ 1"));
    // 150 mm wide, half as high as the 720 × 360 chart.
    assert!(xml.contains(r#"<wp:extent cx="5400000" cy="2700000"/>"#), "{xml}");
    assert!(part(&bytes, "word/_rels/document.xml.rels").contains("media/chart1.png"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut png = Vec::new();
    zip.by_name("word/media/chart1.png").unwrap().read_to_end(&mut png).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
}
