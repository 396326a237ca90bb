//! Markdown: the yearly review narratives and their number formatting.

use crate::*;
use std::fmt::Write as _;

/// Percentage with one decimal, rounded half away from zero, Vietnamese style: "92,5%".
pub(crate) fn pct(num: u32, den: u32) -> String {
    if den == 0 {
        return "–".into();
    }
    let tenths = (u64::from(num) * 2000 + u64::from(den)) / (2 * u64::from(den));
    format!("{},{}%", tenths / 10, tenths % 10)
}

/// "tăng từ 12,0% lên 15,5%", "giảm từ ... xuống ...", or "giữ nguyên ở ...".
pub(crate) fn change(before: (u32, u32), after: (u32, u32)) -> String {
    let (a, b) = (pct(before.0, before.1), pct(after.0, after.1));
    let lhs = u64::from(after.0) * u64::from(before.1);
    let rhs = u64::from(before.0) * u64::from(after.1);
    if a == b {
        format!("giữ nguyên ở {b}")
    } else if lhs > rhs {
        format!("tăng từ {a} lên {b}")
    } else {
        format!("giảm từ {a} xuống {b}")
    }
}

pub(crate) fn pct_value(num: u32, den: u32) -> f64 {
    if den == 0 { 0.0 } else { f64::from(num) * 100.0 / f64::from(den) }
}

pub(crate) fn front_matter(title: &str, author: &str, date: &str) -> String {
    format!("+++\ntitle = {}\nauthor = {}\ndate = {date}\n+++\n\n", q(title), q(author))
}

pub(crate) fn data_note(ctx: &Ctx) -> &'static str {
    if ctx.sample {
        "> **Dữ liệu mẫu.** Văn bản và số liệu dưới đây do chương trình sinh dữ liệu mẫu tạo ra \
         để minh họa, không phải số liệu thực tế.\n\n"
    } else {
        "> **Dữ liệu tổng hợp** do chương trình sinh dữ liệu tạo ra để thử nghiệm.\n\n"
    }
}

pub(crate) fn province_totals(results: &[DistrictResult], k: usize) -> YearStats {
    let mut total = YearStats::default();
    for r in results {
        total.add(&r.years[k]);
    }
    total
}

/// The interim review of year number `k` (0 = first year), quoting the generated figures.
pub(crate) fn review_md(ctx: &Ctx, results: &[DistrictResult], k: usize) -> String {
    let years = ctx.years;
    let year = years.first + k as u16;
    let t = province_totals(results, k);
    let mut s = String::new();
    let (title, date) = if year == years.last {
        (
            format!(
                "Tổng kết thực hiện Đề án xây dựng mô hình chi bộ kiểu mẫu giai đoạn {}-{}",
                years.first, years.last
            ),
            format!("{year}-12-18"),
        )
    } else {
        (format!("Sơ kết năm {year} thực hiện Đề án xây dựng mô hình chi bộ kiểu mẫu"), format!("{year}-12-15"))
    };
    s.push_str(&front_matter(&title, &author(ctx), &date));
    s.push_str(data_note(ctx));
    s.push_str(&review_intro(ctx, year, k));

    s.push_str("\n## Kết quả chung\n\n");
    let _ = writeln!(
        s,
        "Năm {year}, toàn tỉnh có **{}** chi bộ được đánh giá, xếp loại. Trong đó **{}** chi bộ \
         ({}) hoàn thành tốt nhiệm vụ trở lên, {} chi bộ hoàn thành xuất sắc nhiệm vụ; **{}** chi \
         bộ ({}) đạt đủ tiêu chí chi bộ kiểu mẫu. Trong {} chi bộ làm điểm, {} chi bộ đạt chuẩn \
         kiểu mẫu. Điểm bình quân đạt {} tổng điểm tối đa.",
        int(t.branches),
        int(t.good()),
        pct(t.good(), t.branches),
        int(t.ratings[HTXSNV]),
        int(t.model),
        pct(t.model, t.branches),
        int(t.pilots),
        int(t.pilots_model),
        pct_hundredths(t.pct_sum, t.branches),
    );
    if k > 0 {
        let prev = province_totals(results, k - 1);
        let _ = writeln!(
            s,
            "\nSo với năm {}, tỷ lệ chi bộ đạt chuẩn kiểu mẫu {}; tỷ lệ hoàn thành tốt nhiệm vụ trở \
             lên {}.",
            year - 1,
            change((prev.model, prev.branches), (t.model, t.branches)),
            change((prev.good(), prev.branches), (t.good(), t.branches)),
        );
    }

    s.push_str("\n| Đơn vị | Chi bộ | HTTNV trở lên | Tỷ lệ | Kiểu mẫu | Tỷ lệ |\n");
    s.push_str("|---|---:|---:|---:|---:|---:|\n");
    for (d, r) in ctx.districts.iter().zip(results) {
        let y = &r.years[k];
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} |",
            d.name,
            int(y.branches),
            int(y.good()),
            pct(y.good(), y.branches),
            int(y.model),
            pct(y.model, y.branches)
        );
    }
    let _ = writeln!(
        s,
        "| **Toàn tỉnh** | **{}** | **{}** | **{}** | **{}** | **{}** |",
        int(t.branches),
        int(t.good()),
        pct(t.good(), t.branches),
        int(t.model),
        pct(t.model, t.branches)
    );

    s.push_str("\n## Theo loại hình chi bộ\n\n");
    for (i, ty) in TYPES.iter().enumerate() {
        let (n, good, model) = t.by_type[i];
        if n > 0 {
            let _ = writeln!(
                s,
                "- {}: {} chi bộ, {} hoàn thành tốt nhiệm vụ trở lên, {} đạt chuẩn kiểu mẫu.",
                ty.name,
                int(n),
                pct(good, n),
                pct(model, n)
            );
        }
    }

    s.push_str("\n## Hạn chế, nguyên nhân\n\n");
    s.push_str(&review_shortcomings(ctx, results, k));
    s.push_str("\n## Phương hướng, nhiệm vụ\n\n");
    s.push_str(&review_next(year, years));
    s
}

pub(crate) fn author(ctx: &Ctx) -> String {
    format!("Ban Tổ chức Tỉnh ủy ({})", tag(ctx))
}

/// How notes mark their data as not real.
pub(crate) fn tag(ctx: &Ctx) -> &'static str {
    if ctx.sample { "dữ liệu mẫu" } else { "dữ liệu tổng hợp" }
}

/// An integer with Vietnamese thousands separators: 12345 -> "12.345".
pub(crate) fn int(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

pub(crate) fn pct_hundredths(sum_x100: u64, n: u32) -> String {
    if n == 0 {
        return "–".into();
    }
    // sum_x100 / n is in hundredths of a percent; round to tenths.
    let tenths = (sum_x100 * 2 / 10 + u64::from(n)) / (2 * u64::from(n));
    format!("{},{}%", tenths / 10, tenths % 10)
}

pub(crate) fn review_intro(ctx: &Ctx, year: u16, k: usize) -> String {
    let years = ctx.years;
    let revised = ctx.frameworks.iter().any(|f| f.year == year && f.year != years.first);
    let mut s = String::new();
    if k == 0 {
        let _ = writeln!(
            s,
            "Thực hiện Đề án xây dựng mô hình chi bộ kiểu mẫu giai đoạn {}-{}, các đảng bộ trực \
             thuộc Tỉnh ủy đã quán triệt, xây dựng kế hoạch và khảo sát, lựa chọn trong mỗi loại \
             hình từ 1 đến 3 chi bộ làm điểm. Năm {year} là năm đầu triển khai; các chi bộ làm \
             điểm được cấp ủy cấp trên phân công cán bộ theo dõi, hướng dẫn trực tiếp.",
            years.first, years.last
        );
    } else if year == years.last {
        let _ = writeln!(
            s,
            "Sau {} năm thực hiện Đề án, mô hình chi bộ kiểu mẫu đã được nhân rộng ở tất cả các \
             loại hình chi bộ. Báo cáo này tổng kết kết quả giai đoạn {}-{}, đánh giá mức độ hoàn \
             thành các chỉ tiêu của Đề án và rút ra bài học kinh nghiệm.",
            years.len(),
            years.first,
            years.last
        );
    } else {
        let _ = writeln!(
            s,
            "Năm {year}, các cấp ủy tiếp tục nhân rộng mô hình từ các chi bộ làm điểm, tổ chức \
             sinh hoạt chi bộ mẫu, hội nghị chuyên đề trao đổi kinh nghiệm giữa các chi bộ cùng \
             loại hình."
        );
    }
    if revised {
        let _ = writeln!(
            s,
            "\nTừ năm {year} áp dụng khung tiêu chí sửa đổi, bổ sung: nâng mức điểm tối thiểu về \
             chất lượng sinh hoạt chi bộ, bổ sung tiêu chí chuyển đổi số trong hoạt động của chi \
             bộ, tiêu chí đặc thù về phòng, chống thiên tai, tìm kiếm cứu nạn đối với chi bộ lực \
             lượng vũ trang và một điều kiện loại trừ mới."
        );
    }
    s
}

pub(crate) fn review_shortcomings(ctx: &Ctx, results: &[DistrictResult], k: usize) -> String {
    let mut s = String::new();
    let below: Vec<String> = ctx
        .districts
        .iter()
        .zip(results)
        .filter(|(_, r)| {
            let y = &r.years[k];
            y.branches > 0 && u64::from(y.good()) * 10 < u64::from(y.branches) * 9
        })
        .map(|(d, r)| format!("{} ({})", d.name, pct(r.years[k].good(), r.years[k].branches)))
        .collect();
    if below.is_empty() {
        s.push_str("- Tất cả các đơn vị đạt tỷ lệ chi bộ hoàn thành tốt nhiệm vụ trở lên từ 90% trở lên.\n");
    } else {
        let _ = writeln!(
            s,
            "- Còn {} đơn vị có tỷ lệ chi bộ hoàn thành tốt nhiệm vụ trở lên dưới 90%: {}.",
            below.len(),
            below.join(", ")
        );
    }
    let t = province_totals(results, k);
    if k == 0 {
        s.push_str(
            "- Một số chi bộ còn lúng túng trong xây dựng nội dung sinh hoạt chuyên đề; việc chấm \
             điểm theo khung tiêu chí ở một số nơi còn nể nang.\n",
        );
    }
    if t.vetoed > 0 {
        let _ = writeln!(
            s,
            "- Có {} chi bộ có đảng viên vi phạm hoặc vướng điều kiện loại trừ, không được xét công \
             nhận chi bộ kiểu mẫu trong năm.",
            int(t.vetoed)
        );
    }
    let over: Vec<&str> = ctx
        .districts
        .iter()
        .zip(results)
        .filter(|(_, r)| r.years[k].ratings[HTXSNV] * 5 > r.years[k].ratings[HTTNV])
        .map(|(d, _)| d.name.as_str())
        .collect();
    let _ = write!(
        s,
        "- Số chi bộ hoàn thành xuất sắc nhiệm vụ bằng {} số chi bộ hoàn thành tốt nhiệm vụ",
        pct(t.ratings[HTXSNV], t.ratings[HTTNV])
    );
    if over.is_empty() {
        s.push_str("; không đơn vị nào vượt mức 20% theo quy định.\n");
    } else {
        let _ = writeln!(s, "; vượt mức 20% theo quy định: {}.", over.join(", "));
    }
    s.push_str("- Chi bộ khu dân cư có nhiều đảng viên cao tuổi, việc phát triển đảng viên trẻ còn khó khăn.\n");
    s
}

pub(crate) fn review_next(year: u16, years: Years) -> String {
    if year == years.last {
        "1. Duy trì, nâng cao chất lượng các chi bộ đã đạt chuẩn kiểu mẫu; định kỳ thẩm định lại.\n\
         2. Đưa tiêu chí chi bộ kiểu mẫu vào đánh giá, xếp loại chất lượng tổ chức đảng hằng năm.\n\
         3. Biểu dương, khen thưởng các tập thể, cá nhân có thành tích tiêu biểu trong thực hiện Đề án.\n"
            .into()
    } else {
        format!(
            "1. Mỗi đơn vị phấn đấu tăng thêm số chi bộ đạt chuẩn kiểu mẫu trong năm {}.\n\
             2. Tổ chức sinh hoạt chi bộ mẫu, trao đổi kinh nghiệm theo từng loại hình.\n\
             3. Tăng cường kiểm tra, giám sát, thẩm định kết quả chấm điểm, khắc phục tình trạng nể nang.\n\
             4. Hoàn thành sơ kết năm trước ngày 31 tháng 12 và báo cáo Ban Tổ chức Tỉnh ủy.\n",
            year + 1
        )
    }
}
