//! Fixed vocabulary: ratings, branch types, criteria frameworks.

use crate::*;

/// Ratings best first: code, Vietnamese name, counts as "good or better".
pub(crate) const RATINGS: [(&str, &str, bool); 4] = [
    ("HTXSNV", "Hoàn thành xuất sắc nhiệm vụ", true),
    ("HTTNV", "Hoàn thành tốt nhiệm vụ", true),
    ("HTNV", "Hoàn thành nhiệm vụ", false),
    ("KHTNV", "Không hoàn thành nhiệm vụ", false),
];
pub(crate) const HTXSNV: usize = 0;
pub(crate) const HTTNV: usize = 1;
pub(crate) const HTNV: usize = 2;
pub(crate) const KHTNV: usize = 3;

pub(crate) struct TypeDef {
    pub(crate) slug: &'static str,
    pub(crate) name: &'static str,
    pub(crate) subtypes: &'static [(&'static str, &'static str)],
}

pub(crate) const TYPES: [TypeDef; 5] = [
    TypeDef {
        slug: "khu-dan-cu", name: "Khu dân cư", subtypes: &[("thon", "Thôn"), ("to-dan-pho", "Tổ dân phố")]
    },
    TypeDef {
        slug: "co-quan",
        name: "Cơ quan",
        subtypes: &[
            ("dang", "Cơ quan Đảng"),
            ("nha-nuoc", "Cơ quan Nhà nước"),
            ("doan-the", "Mặt trận Tổ quốc và các đoàn thể"),
        ],
    },
    TypeDef {
        slug: "don-vi-su-nghiep",
        name: "Đơn vị sự nghiệp",
        subtypes: &[("giao-duc", "Giáo dục"), ("y-te", "Y tế"), ("khac", "Sự nghiệp khác")],
    },
    TypeDef {
        slug: "luc-luong-vu-trang",
        name: "Lực lượng vũ trang",
        subtypes: &[("chien-dau", "Đơn vị chiến đấu"), ("hanh-chinh", "Cơ quan, đơn vị hành chính, chuyên môn")],
    },
    TypeDef {
        slug: "doanh-nghiep",
        name: "Doanh nghiệp",
        subtypes: &[("nha-nuoc", "Doanh nghiệp nhà nước"), ("ngoai-nha-nuoc", "Doanh nghiệp ngoài nhà nước")],
    },
];
pub(crate) const KDC: usize = 0;
pub(crate) const CQ: usize = 1;
pub(crate) const DVSN: usize = 2;
pub(crate) const LLVT: usize = 3;
pub(crate) const DN: usize = 4;

/// One criterion; `max` and `min` in hundredths of a point (exact arithmetic).
#[derive(Clone)]
pub(crate) struct Criterion {
    pub(crate) id: &'static str,
    pub(crate) group: &'static str,
    pub(crate) title: &'static str,
    pub(crate) max: u32,
    pub(crate) min: Option<u32>,
    pub(crate) types: &'static [usize],
}

pub(crate) struct Framework {
    pub(crate) year: u16,
    pub(crate) groups: &'static [(&'static str, &'static str)],
    pub(crate) criteria: Vec<Criterion>,
    pub(crate) vetoes: &'static [(&'static str, &'static str)],
    /// Per branch type: indices of the criteria that apply to it.
    pub(crate) applicable: [Vec<usize>; 5],
    /// Per branch type: the maximum total, in hundredths.
    pub(crate) type_max: [u32; 5],
}

pub(crate) const MODEL_MIN_PCT: u32 = 90;
/// The same threshold as kieumau reads it from `criteria.toml` (an exact two-place decimal).
pub(crate) const MODEL_MIN_PCT_HUNDREDTHS: kieumau::domain::model::Hundredths =
    kieumau::domain::model::Hundredths(MODEL_MIN_PCT as i64 * 100);

pub(crate) const GROUPS: &[(&str, &str)] = &[
    ("I", "Chính trị, tư tưởng, đạo đức, lối sống"),
    ("II", "Tổ chức, sinh hoạt chi bộ và công tác đảng viên"),
    ("III", "Lãnh đạo thực hiện nhiệm vụ chính trị"),
    ("IV", "Công tác kiểm tra, giám sát và kỷ luật đảng"),
    ("V", "Tiêu chí đặc thù theo loại hình chi bộ"),
];

pub(crate) const VETOES_FIRST: &[(&str, &str)] =
    &[("ky-luat", "Có đảng viên bị kỷ luật"), ("vi-pham-phap-luat", "Có đảng viên vi phạm pháp luật bị xử lý hình sự")];
pub(crate) const VETOES_REVISED: &[(&str, &str)] = &[
    ("ky-luat", "Có đảng viên bị kỷ luật"),
    ("vi-pham-phap-luat", "Có đảng viên vi phạm pháp luật bị xử lý hình sự"),
    ("don-thu", "Nội bộ mất đoàn kết, có đơn thư khiếu nại, tố cáo kéo dài, vượt cấp"),
];

/// Points to hundredths: `p(7.5)` is 750.
pub(crate) fn p(points: f64) -> u32 {
    (points * 100.0).round() as u32
}

pub(crate) fn crit(
    id: &'static str,
    group: &'static str,
    title: &'static str,
    max: f64,
    min: Option<f64>,
    types: &'static [usize],
) -> Criterion {
    Criterion { id, group, title, max: p(max), min: min.map(p), types }
}

/// The framework in force from the first year: 80 common points plus 20 type-specific points
/// (15 for the armed forces, whose maximum is therefore 95).
pub(crate) fn first_criteria() -> Vec<Criterion> {
    vec![
        crit(
            "1.1",
            "I",
            "Chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và quy định của địa phương, đơn vị",
            10.0,
            Some(8.0),
            &[],
        ),
        crit(
            "1.2",
            "I",
            "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; đảng viên nêu gương, giữ gìn phẩm chất đạo đức, lối sống",
            10.0,
            Some(7.0),
            &[],
        ),
        crit(
            "1.3",
            "I",
            "Nắm bắt, định hướng tư tưởng đảng viên và quần chúng; đấu tranh phản bác các quan điểm sai trái, thù địch",
            7.5,
            None,
            &[],
        ),
        crit(
            "2.1",
            "II",
            "Thực hiện nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình; giữ gìn đoàn kết nội bộ",
            10.0,
            Some(8.0),
            &[],
        ),
        crit(
            "2.2",
            "II",
            "Duy trì nền nếp, nâng cao chất lượng sinh hoạt chi bộ thường kỳ và sinh hoạt chuyên đề",
            10.0,
            Some(8.0),
            &[],
        ),
        crit(
            "2.3",
            "II",
            "Quản lý, phân công nhiệm vụ cho đảng viên; làm tốt công tác phát triển đảng viên",
            7.5,
            None,
            &[],
        ),
        crit(
            "3.1",
            "III",
            "Lãnh đạo hoàn thành các chỉ tiêu, nhiệm vụ chính trị trong năm của địa phương, cơ quan, đơn vị",
            10.0,
            Some(7.0),
            &[],
        ),
        crit(
            "3.2",
            "III",
            "Lãnh đạo xây dựng chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội vững mạnh",
            5.0,
            None,
            &[],
        ),
        crit(
            "4.1",
            "IV",
            "Xây dựng và thực hiện chương trình kiểm tra, giám sát của chi bộ; xử lý kịp thời đảng viên vi phạm",
            5.0,
            None,
            &[],
        ),
        crit("4.2", "IV", "Thu, nộp, quản lý và sử dụng đảng phí đúng quy định", 5.0, None, &[]),
        crit(
            "5.1",
            "V",
            "Lãnh đạo xây dựng nông thôn mới, khu dân cư kiểu mẫu, đô thị văn minh; giữ vững an ninh, trật tự tại khu dân cư",
            12.5,
            Some(9.0),
            &[KDC],
        ),
        crit(
            "5.2",
            "V",
            "Lãnh đạo thực hiện cuộc vận động “Toàn dân đoàn kết xây dựng đời sống văn hóa” và quy chế dân chủ ở cơ sở",
            7.5,
            None,
            &[KDC],
        ),
        crit(
            "5.3",
            "V",
            "Lãnh đạo cải cách hành chính, chuyển đổi số; nâng cao chất lượng tham mưu, phục vụ người dân và doanh nghiệp",
            10.0,
            Some(7.0),
            &[CQ],
        ),
        crit(
            "5.4",
            "V",
            "Lãnh đạo thực hành tiết kiệm, phòng, chống tham nhũng, lãng phí, tiêu cực; thực hiện quy chế dân chủ ở cơ quan, đơn vị",
            10.0,
            None,
            &[CQ, DVSN],
        ),
        crit(
            "5.5",
            "V",
            "Lãnh đạo nâng cao chất lượng giáo dục, khám chữa bệnh và cung ứng dịch vụ sự nghiệp công; thực hiện tự chủ theo quy định",
            10.0,
            Some(7.0),
            &[DVSN],
        ),
        crit(
            "5.6",
            "V",
            "Lãnh đạo xây dựng đơn vị vững mạnh toàn diện “mẫu mực, tiêu biểu”; duy trì nghiêm chế độ sẵn sàng chiến đấu",
            10.0,
            Some(8.0),
            &[LLVT],
        ),
        crit(
            "5.7",
            "V",
            "Lãnh đạo chấp hành nghiêm điều lệnh, kỷ luật; bảo đảm an ninh chính trị nội bộ, an toàn đơn vị",
            5.0,
            None,
            &[LLVT],
        ),
        crit(
            "5.8",
            "V",
            "Lãnh đạo sản xuất, kinh doanh hiệu quả, bảo toàn và phát triển vốn; hoàn thành nghĩa vụ với Nhà nước",
            12.5,
            Some(9.0),
            &[DN],
        ),
        crit(
            "5.9",
            "V",
            "Lãnh đạo chăm lo việc làm, đời sống người lao động; xây dựng quan hệ lao động hài hòa, văn hóa doanh nghiệp",
            7.5,
            None,
            &[DN],
        ),
    ]
}

/// The revised framework (in force two years after the first): criterion 2.2 has a higher
/// minimum, 3.1 is worth 2.5 points less and a new common criterion 3.3 takes them; the armed
/// forces get a third specific criterion (their maximum becomes 100); a third veto is added.
pub(crate) fn revised_criteria() -> Vec<Criterion> {
    let mut criteria = first_criteria();
    for c in &mut criteria {
        match c.id {
            "2.2" => c.min = Some(p(8.5)),
            "3.1" => {
                c.max = p(7.5);
                c.min = Some(p(5.5));
            }
            _ => {}
        }
    }
    let at = criteria.iter().position(|c| c.id == "3.2").unwrap_or(0) + 1;
    criteria.insert(
        at,
        crit(
            "3.3",
            "III",
            "Lãnh đạo chuyển đổi số trong hoạt động của chi bộ; sử dụng hiệu quả sổ tay đảng viên điện tử",
            2.5,
            None,
            &[],
        ),
    );
    criteria.push(crit(
        "5.10",
        "V",
        "Lãnh đạo thực hiện nhiệm vụ phòng, chống thiên tai, tìm kiếm cứu nạn; tham gia xây dựng cơ sở chính trị ở địa bàn",
        5.0,
        None,
        &[LLVT],
    ));
    criteria
}

impl Framework {
    pub(crate) fn new(year: u16, criteria: Vec<Criterion>, vetoes: &'static [(&'static str, &'static str)]) -> Self {
        let mut applicable: [Vec<usize>; 5] = Default::default();
        let mut type_max = [0u32; 5];
        for (t, list) in applicable.iter_mut().enumerate() {
            for (i, c) in criteria.iter().enumerate() {
                if c.types.is_empty() || c.types.contains(&t) {
                    list.push(i);
                    type_max[t] += c.max;
                }
            }
        }
        Framework { year, groups: GROUPS, criteria, vetoes, applicable, type_max }
    }
}

/// The frameworks for a year range: the first year, and a revision two years later if the
/// range reaches it.
pub(crate) fn frameworks(years: Years) -> Vec<Framework> {
    let mut list = vec![Framework::new(years.first, first_criteria(), VETOES_FIRST)];
    if years.last >= years.first + 2 {
        list.push(Framework::new(years.first + 2, revised_criteria(), VETOES_REVISED));
    }
    list
}

/// Index of the framework in force in `year` (greatest first year <= year).
pub(crate) fn framework_for(frameworks: &[Framework], year: u16) -> usize {
    frameworks.iter().rposition(|f| f.year <= year).unwrap_or(0)
}
