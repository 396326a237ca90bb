//! Markdown: district and branch notes.

use crate::*;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

/// District notes and the notes of its best pilots, as planned.
pub(crate) fn write_notes(
    ctx: &Ctx,
    spec: &DistrictSpec,
    r: &DistrictResult,
    branches: &[Branch],
    showcase: &mut [(u64, usize)],
    dir: &Path,
) -> io::Result<()> {
    let notes = spec.notes;
    if notes.district {
        fs::write(dir.join("district.md"), district_md(ctx, spec, r))?;
    }
    if let Some(year) = notes.district_year {
        fs::write(dir.join(format!("district.{year}.md")), district_year_md(ctx, spec, r, year))?;
    }
    showcase.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (n, &(_, bi)) in showcase.iter().take(notes.branches).enumerate() {
        let b = &branches[bi];
        fs::write(dir.join(format!("{}.md", b.slug)), branch_md(ctx, spec, b))?;
        if n < notes.branch_years && ctx.years.len() > 1 {
            let year = ctx.years.first + 1;
            fs::write(dir.join(format!("{}.{year}.md", b.slug)), branch_year_md(b, year))?;
        }
    }
    Ok(())
}

pub(crate) fn committee_of(spec: &DistrictSpec) -> &'static str {
    match spec.kind {
        "huyen" => "Huyện ủy",
        "thanh-pho" => "Thành ủy",
        _ => "Đảng ủy",
    }
}

pub(crate) fn district_md(ctx: &Ctx, spec: &DistrictSpec, r: &DistrictResult) -> String {
    let committee = committee_of(spec);
    let last = r.years.last().cloned().unwrap_or_default();
    let first = r.years.first().cloned().unwrap_or_default();
    let mut s = front_matter(
        &format!("{}: cách làm trong xây dựng chi bộ kiểu mẫu", spec.name),
        &format!("Ban Tổ chức {committee} ({})", tag(ctx)),
        &format!("{}-12-10", ctx.years.last),
    );
    let _ = writeln!(s, "*Ghi chú minh họa ({}).*\n", tag(ctx));
    let types: Vec<&str> = (0..5).filter(|&t| r.branches_per_type[t] > 0).map(|t| TYPES[t].name).collect();
    let pilots: usize = r.pilots_per_type.iter().sum();
    let _ = write!(
        s,
        "{} có {} chi bộ thuộc {} loại hình ({}). Ngay từ đầu năm {}, {} đã khảo sát và lựa chọn \
         {} chi bộ làm điểm",
        spec.name,
        int(r.branches_per_type.iter().sum::<usize>() as u32),
        types.len(),
        types.join(", ").to_lowercase(),
        ctx.years.first,
        committee,
        pilots - r.pilots_later
    );
    if r.pilots_later > 0 {
        let _ = write!(s, ", năm sau bổ sung {} chi bộ", r.pilots_later);
    }
    s.push_str(", phân công cấp ủy viên phụ trách từng chi bộ.\n\n");
    s.push_str("Những cách làm chính:\n\n");
    s.push_str(
        "- Ban hành kế hoạch và hướng dẫn chấm điểm thống nhất, công khai kết quả tự chấm của chi bộ.\n\
         - Tổ chức sinh hoạt chi bộ mẫu tại các chi bộ làm điểm để các chi bộ khác dự, học tập.\n\
         - Định kỳ sáu tháng thẩm định, đề nghị công nhận chi bộ đạt chuẩn kiểu mẫu.\n\
         - Gắn xây dựng chi bộ kiểu mẫu với đánh giá, xếp loại chất lượng đảng viên cuối năm.\n",
    );
    let _ = writeln!(
        s,
        "\nKết quả: tỷ lệ chi bộ đạt chuẩn kiểu mẫu tăng từ {} (năm {}) lên {} (năm {}).",
        pct(first.model, first.branches),
        ctx.years.first,
        pct(last.model, last.branches),
        ctx.years.last
    );
    s
}

pub(crate) fn district_year_md(ctx: &Ctx, spec: &DistrictSpec, r: &DistrictResult, year: u16) -> String {
    let k = usize::from(year - ctx.years.first);
    let y = &r.years[k];
    let mut s = front_matter(
        &format!("{}: ghi chú năm {year}", spec.name),
        &format!("Ban Tổ chức {} ({})", committee_of(spec), tag(ctx)),
        &format!("{year}-12-05"),
    );
    let _ = writeln!(
        s,
        "Năm {year}, {} chi bộ được đánh giá; {} hoàn thành tốt nhiệm vụ trở lên, {} chi bộ đạt \
         chuẩn kiểu mẫu ({}).\n",
        int(y.branches),
        pct(y.good(), y.branches),
        y.model,
        pct(y.model, y.branches)
    );
    s.push_str(
        "Việc áp dụng khung tiêu chí sửa đổi làm một số chi bộ chưa đạt mức điểm tối thiểu về \
         chất lượng sinh hoạt chi bộ. Cấp ủy đã chỉ đạo rà soát, bổ sung nội dung sinh hoạt chuyên \
         đề và hướng dẫn lại cách chấm điểm.\n",
    );
    s
}

pub(crate) fn branch_md(ctx: &Ctx, spec: &DistrictSpec, b: &Branch) -> String {
    let mut s = front_matter(
        &format!("{}: kinh nghiệm xây dựng chi bộ kiểu mẫu", b.seed.name),
        &format!("Ban Tổ chức {} ({})", committee_of(spec), tag(ctx)),
        &format!("{}-11-20", ctx.years.last),
    );
    let focus = match b.seed.ty {
        KDC => "vận động nhân dân tham gia xây dựng nông thôn mới, giữ gìn vệ sinh môi trường và an ninh trật tự",
        CQ => "cải cách hành chính, nâng cao chất lượng tham mưu và thái độ phục vụ nhân dân",
        DVSN => "nâng cao chất lượng chuyên môn và đạo đức nghề nghiệp",
        LLVT => "huấn luyện, sẵn sàng chiến đấu và chấp hành nghiêm kỷ luật",
        _ => "sản xuất, kinh doanh hiệu quả và chăm lo đời sống người lao động",
    };
    let _ = writeln!(
        s,
        "Chi bộ có {} đảng viên, được chọn làm điểm từ năm {}. Chi bộ tập trung lãnh đạo {focus}.\n",
        b.members,
        b.pilot.unwrap_or(ctx.years.first)
    );
    s.push_str(
        "Kinh nghiệm rút ra:\n\n\
         1. Chuẩn bị kỹ nội dung sinh hoạt; mỗi quý có một chuyên đề gắn với nhiệm vụ của chi bộ.\n\
         2. Phân công nhiệm vụ cụ thể cho từng đảng viên, đánh giá kết quả hằng tháng.\n\
         3. Phát huy vai trò nêu gương của bí thư chi bộ và cấp ủy viên.\n",
    );
    s
}

pub(crate) fn branch_year_md(b: &Branch, year: u16) -> String {
    format!(
        "Năm {year}, {} tổ chức sinh hoạt chuyên đề về *học tập và làm theo tư tưởng, đạo đức, \
         phong cách Hồ Chí Minh*; đoàn công tác của cấp ủy cấp trên dự và đánh giá cao chất lượng \
         buổi sinh hoạt.\n",
        b.seed.name
    )
}
