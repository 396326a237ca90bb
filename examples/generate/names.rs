//! Made-up Vietnamese names (communes, hamlets, agencies, companies), the branch planner and slugs.

use crate::*;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeSet;

pub(crate) const SAMPLE_YEARS: Years = Years { first: 2022, last: 2025 };

/// A rural district: name, slug, commune-name prefixes, number of communes, towns.
pub(crate) struct RuralDef {
    pub(crate) slug: &'static str,
    pub(crate) short: &'static str,
    pub(crate) prefixes: &'static [&'static str],
    pub(crate) communes: usize,
    pub(crate) towns: &'static [&'static str],
    pub(crate) tuning: Tuning,
}

pub(crate) const COMMUNE_SUFFIXES: &[&str] = &[
    "Xá", "La", "Các", "Sơn", "Hợp", "Phong", "Kinh", "Vinh", "Quang", "Tân", "Hoàng", "Giang", "Cường", "Phương",
    "Hà", "Dương", "Mỹ", "Lĩnh", "Hải", "Thịnh", "Bình", "Hòa", "Lộc", "Trung", "Ninh", "An", "Tiến", "Lợi", "Hưng",
    "Thành", "Đức", "Hồng", "Minh", "Thắng", "Phú", "Nguyên", "Long", "Trạch", "Định", "Lạc",
];

pub(crate) const HAMLET_FIRST: &[&str] = &[
    "Thượng",
    "Hạ",
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Trung",
    "An",
    "Phú",
    "Bình",
    "Phúc",
    "Lạc",
    "Hòa",
    "Tân",
    "Vĩnh",
    "Cổ",
    "Đại",
    "Hưng",
    "Thọ",
    "Mỹ",
    "Thanh",
    "Quang",
    "Minh",
    "Kim",
    "Ngọc",
    "Lam",
    "Đồng",
    "Hội",
];
pub(crate) const HAMLET_SECOND: &[&str] = &[
    "Phúc", "Lộc", "Thọ", "Xá", "Đoài", "Đông", "Trung", "Lạc", "An", "Hòa", "Bình", "Ninh", "Thịnh", "Vinh", "Khê",
    "Liệt", "Trang", "Trì", "Mỹ", "Điền", "Sơn", "Hưng", "Lang", "Nội", "Ngoại", "Châu", "Cầu", "Tiến", "Lương",
    "Đình",
];

pub(crate) const CITY_WARDS: &[&str] =
    &["Bồ Xuyên", "Kỳ Bá", "Phú Khánh", "Tiền Phong", "Quang Minh", "Thành Nam", "Hòa Bình", "Bắc Sơn"];
pub(crate) const CITY_COMMUNES: &[&str] = &["Vũ Phúc", "Vũ Chính", "Phú Xuân", "Đông Mỹ", "Tân Bình"];

pub(crate) const DISTRICT_PARTY_AGENCIES: &[&str] = &[
    "Văn phòng Huyện ủy",
    "Ban Tổ chức Huyện ủy",
    "Ủy ban Kiểm tra Huyện ủy",
    "Ban Tuyên giáo Huyện ủy",
    "Ban Dân vận Huyện ủy",
];
pub(crate) const DISTRICT_STATE_AGENCIES: &[&str] = &[
    "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
    "Phòng Tài chính - Kế hoạch",
    "Phòng Nội vụ",
    "Phòng Tài nguyên và Môi trường",
    "Phòng Nông nghiệp và Phát triển nông thôn",
    "Phòng Kinh tế và Hạ tầng",
    "Phòng Lao động - Thương binh và Xã hội",
    "Phòng Văn hóa và Thông tin",
    "Phòng Tư pháp",
    "Thanh tra",
    "Phòng Giáo dục và Đào tạo",
];
pub(crate) const DISTRICT_STATE_GRASSROOTS: &[&str] = &[
    "Tòa án nhân dân",
    "Viện Kiểm sát nhân dân",
    "Chi cục Thi hành án dân sự",
    "Kho bạc Nhà nước",
    "Chi cục Thuế khu vực",
];

pub(crate) const COMPANY_KINDS: &[&str] = &[
    "Công ty cổ phần May",
    "Công ty TNHH Dệt may",
    "Công ty cổ phần Gạch ngói",
    "Công ty cổ phần Cơ khí",
    "Công ty TNHH Chế biến nông sản",
    "Công ty cổ phần Vật liệu xây dựng",
    "Công ty TNHH Thủ công mỹ nghệ",
];

/// Builds the branch list of one district-level committee.
pub(crate) struct Planner<'a> {
    pub(crate) rng: &'a mut ChaCha8Rng,
    pub(crate) seeds: Vec<BranchSeed>,
}

impl Planner<'_> {
    pub(crate) fn add(
        &mut self,
        name: String,
        ty: usize,
        subtype: &'static str,
        parent: Option<&Parent>,
        members: (u32, u32),
    ) {
        self.seeds.push(BranchSeed { name, ty, subtype, parent: parent.cloned(), members });
    }

    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.rng.random_bool(p)
    }

    pub(crate) fn range(&mut self, lo: usize, hi: usize) -> usize {
        self.rng.random_range(lo..=hi)
    }

    /// Distinct two-syllable hamlet names.
    pub(crate) fn hamlet_names(&mut self, n: usize) -> Vec<String> {
        let mut names = BTreeSet::new();
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            let a = HAMLET_FIRST[self.range(0, HAMLET_FIRST.len() - 1)];
            let b = HAMLET_SECOND[self.range(0, HAMLET_SECOND.len() - 1)];
            let name = format!("{a} {b}");
            if a != b && names.insert(name.clone()) {
                out.push(name);
            }
        }
        out
    }

    /// A rural commune: hamlets, the commune office, schools, sometimes a health station and a
    /// cooperative; all subordinate to the commune's party committee.
    pub(crate) fn commune(&mut self, commune: &str) {
        let parent = Parent { name: format!("Đảng bộ xã {commune}"), short: slugify(commune) };
        let n = self.range(5, 9);
        if self.chance(0.15) {
            for i in 1..=n {
                self.add(format!("Chi bộ thôn {i}"), KDC, "thon", Some(&parent), (18, 70));
            }
        } else {
            for h in self.hamlet_names(n) {
                self.add(format!("Chi bộ thôn {h}"), KDC, "thon", Some(&parent), (18, 75));
            }
        }
        let office = format!("Chi bộ Cơ quan Ủy ban nhân dân xã {commune}");
        self.add(office, CQ, "nha-nuoc", Some(&parent), (7, 22));
        if self.chance(0.25) {
            let name = format!("Chi bộ Mặt trận và các đoàn thể xã {commune}");
            self.add(name, CQ, "doan-the", Some(&parent), (5, 12));
        }
        self.schools(commune, &parent);
        if self.chance(0.3) {
            let name = format!("Chi bộ Trạm Y tế xã {commune}");
            self.add(name, DVSN, "y-te", Some(&parent), (3, 8));
        }
        if self.chance(0.12) {
            let name = format!("Chi bộ Hợp tác xã dịch vụ nông nghiệp {commune}");
            self.add(name, DN, "ngoai-nha-nuoc", Some(&parent), (3, 12));
        }
    }

    /// Kindergarten, primary and lower-secondary school branches of a commune or ward.
    pub(crate) fn schools(&mut self, place: &str, parent: &Parent) {
        if self.chance(0.6) {
            let name = format!("Chi bộ Trường Mầm non {place}");
            self.add(name, DVSN, "giao-duc", Some(parent), (4, 16));
        }
        if self.chance(0.2) {
            let name = format!("Chi bộ Trường Tiểu học và THCS {place}");
            self.add(name, DVSN, "giao-duc", Some(parent), (8, 24));
        } else {
            if self.chance(0.7) {
                let name = format!("Chi bộ Trường Tiểu học {place}");
                self.add(name, DVSN, "giao-duc", Some(parent), (5, 18));
            }
            if self.chance(0.85) {
                let name = format!("Chi bộ Trường THCS {place}");
                self.add(name, DVSN, "giao-duc", Some(parent), (6, 20));
            }
        }
    }

    /// A town or ward: residential groups, the office, schools.
    pub(crate) fn town(&mut self, kind: &str, place: &str, groups: (usize, usize)) {
        let parent = Parent { name: format!("Đảng bộ {kind} {place}"), short: slugify(place) };
        for i in 1..=self.range(groups.0, groups.1) {
            let name = format!("Chi bộ Tổ dân phố số {i}");
            self.add(name, KDC, "to-dan-pho", Some(&parent), (12, 55));
        }
        let office = format!("Chi bộ Cơ quan Ủy ban nhân dân {kind} {place}");
        self.add(office, CQ, "nha-nuoc", Some(&parent), (7, 20));
        self.schools(place, &parent);
    }

    /// District-level agencies and units of a rural district or the city.
    pub(crate) fn district_units(&mut self, unit: &str, short: &str, city: bool) {
        let committee = if city { "Thành ủy" } else { "Huyện ủy" };
        let party =
            Parent { name: format!("Đảng bộ các cơ quan Đảng {unit} {short}"), short: "co-quan-dang".into() };
        for agency in DISTRICT_PARTY_AGENCIES {
            let name = format!("Chi bộ {}", agency.replace("Huyện ủy", committee));
            self.add(name, CQ, "dang", Some(&party), (4, 14));
        }
        let state = Parent {
            name: format!("Đảng bộ Cơ quan chính quyền {unit} {short}"), short: "chinh-quyen".into()
        };
        let n = self.range(7, DISTRICT_STATE_AGENCIES.len());
        for agency in &DISTRICT_STATE_AGENCIES[..n] {
            let name = if *agency == "Thanh tra" {
                format!("Chi bộ Thanh tra {unit}")
            } else {
                format!("Chi bộ {agency}")
            };
            self.add(name, CQ, "nha-nuoc", Some(&state), (4, 16));
        }
        for agency in DISTRICT_STATE_GRASSROOTS {
            let name = if *agency == "Kho bạc Nhà nước" || *agency == "Chi cục Thuế khu vực" {
                format!("Chi bộ {agency} {short}")
            } else {
                format!("Chi bộ {agency} {unit} {short}")
            };
            self.add(name, CQ, "nha-nuoc", None, (5, 18));
        }
        let front = format!("Chi bộ Cơ quan Mặt trận Tổ quốc và các đoàn thể {unit} {short}");
        self.add(front, CQ, "doan-the", None, (6, 16));
        let highs = ["", "Bắc ", "Nam ", "Đông "];
        for h in &highs[..self.range(2, 4)] {
            let name = format!("Chi bộ Trường THPT {h}{short}");
            self.add(name, DVSN, "giao-duc", None, (10, 30));
        }
        let name = format!("Chi bộ Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên {unit} {short}");
        self.add(name, DVSN, "giao-duc", None, (5, 14));
        let name = format!("Chi bộ Trung tâm Y tế {unit} {short}");
        self.add(name, DVSN, "y-te", None, (15, 45));
        let name = format!("Chi bộ Trung tâm Văn hóa, Thông tin và Thể thao {unit} {short}");
        self.add(name, DVSN, "khac", None, (4, 12));
        let name = format!("Chi bộ Ban Quản lý dự án đầu tư xây dựng {unit} {short}");
        self.add(name, DVSN, "khac", None, (4, 12));
    }

    /// A few enterprises directly under the district committee.
    pub(crate) fn companies(&mut self, short: &str, n: usize) {
        let mut used = BTreeSet::new();
        while used.len() < n {
            let k = self.range(0, COMPANY_KINDS.len() - 1);
            if used.insert(k) {
                let name = format!("Chi bộ {} {short}", COMPANY_KINDS[k]);
                self.add(name, DN, "ngoai-nha-nuoc", None, (3, 30));
            }
        }
    }
}

pub(crate) fn rural_defs() -> Vec<(&'static str, RuralDef)> {
    let t = Tuning::offset;
    vec![
        (
            "Huyện Đông Hưng",
            RuralDef {
                slug: "dong-hung",
                short: "Đông Hưng",
                prefixes: &["Đông", "Hồng", "Liên", "Minh", "Phú"],
                communes: 12,
                towns: &["Đông Hưng"],
                tuning: t(0.6),
            },
        ),
        (
            "Huyện Hưng Hà",
            RuralDef {
                slug: "hung-ha",
                short: "Hưng Hà",
                prefixes: &["Tân", "Hồng", "Minh", "Thái", "Hòa", "Phúc", "Văn", "Điệp"],
                communes: 11,
                towns: &["Hưng Hà", "Hưng Nhân"],
                tuning: Tuning { lenient: 1.9, ..t(0.2) },
            },
        ),
        (
            "Huyện Kiến Xương",
            RuralDef {
                slug: "kien-xuong",
                short: "Kiến Xương",
                prefixes: &["Vũ", "Quang", "Bình", "Thanh", "Hòa", "Nam", "An"],
                communes: 10,
                towns: &["Kiến Xương"],
                tuning: t(0.5),
            },
        ),
        (
            "Huyện Quỳnh Phụ",
            RuralDef {
                slug: "quynh-phu",
                short: "Quỳnh Phụ",
                prefixes: &["Quỳnh", "An", "Đồng", "Châu"],
                communes: 12,
                towns: &["Quỳnh Côi", "An Bài"],
                tuning: Tuning { offset: -1.8, growth: 1.0, lenient: 1.0 },
            },
        ),
        (
            "Huyện Thái Thụy",
            RuralDef {
                slug: "thai-thuy",
                short: "Thái Thụy",
                prefixes: &["Thụy", "Thái", "Hồng", "Dương"],
                communes: 11,
                towns: &["Diêm Điền"],
                tuning: t(0.0),
            },
        ),
        (
            "Huyện Tiền Hải",
            RuralDef {
                slug: "tien-hai",
                short: "Tiền Hải",
                prefixes: &["Đông", "Tây", "Nam", "Vân", "Phương"],
                communes: 10,
                towns: &["Tiền Hải"],
                tuning: Tuning { offset: -1.9, growth: 0.75, lenient: 1.0 },
            },
        ),
        (
            "Huyện Vũ Thư",
            RuralDef {
                slug: "vu-thu",
                short: "Vũ Thư",
                prefixes: &["Vũ", "Song", "Tân", "Minh", "Hồng", "Việt", "Bách", "Tự"],
                communes: 9,
                towns: &["Vũ Thư"],
                tuning: t(0.8),
            },
        ),
    ]
}

/// Distinct commune names made of a district prefix and a common suffix.
pub(crate) fn commune_names(rng: &mut ChaCha8Rng, prefixes: &[&str], n: usize) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let a = prefixes[rng.random_range(0..prefixes.len())];
        let b = COMMUNE_SUFFIXES[rng.random_range(0..COMMUNE_SUFFIXES.len())];
        let name = format!("{a} {b}");
        if a != b && seen.insert(name.clone()) {
            out.push(name);
        }
    }
    out
}

/// Lowercase ASCII slug: diacritics removed, đ -> d, other characters -> '-'.
pub(crate) fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        let base = fold(c);
        if base.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(base);
        } else {
            dash = true;
        }
    }
    out
}

/// The ASCII letter under a Vietnamese lowercase letter.
pub(crate) fn fold(c: char) -> char {
    const TABLE: [(&str, char); 7] = [
        ("àáạảãâầấậẩẫăằắặẳẵ", 'a'),
        ("èéẹẻẽêềếệểễ", 'e'),
        ("ìíịỉĩ", 'i'),
        ("òóọỏõôồốộổỗơờớợởỡ", 'o'),
        ("ùúụủũưừứựửữ", 'u'),
        ("ỳýỵỷỹ", 'y'),
        ("đ", 'd'),
    ];
    if c.is_ascii() {
        return c;
    }
    TABLE.iter().find(|(set, _)| set.contains(c)).map_or('-', |&(_, base)| base)
}
