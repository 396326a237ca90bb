//! The Thái Bình sample plan: its 13 district-level committees and planted deviations.

use crate::*;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

pub(crate) fn sample_context(seed: u64) -> Ctx {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut districts = Vec::new();
    let rurals = rural_defs();
    // Commune names are drawn first: the police plan reuses them.
    let communes: Vec<Vec<String>> =
        rurals.iter().map(|(_, d)| commune_names(&mut rng, d.prefixes, d.communes)).collect();

    districts.push(city_spec(&mut rng));
    for ((name, def), communes) in rurals.iter().zip(&communes) {
        districts.push(rural_spec(&mut rng, name, def, communes));
    }
    districts.push(agencies_bloc_spec(&mut rng));
    districts.push(enterprises_bloc_spec(&mut rng));
    districts.push(military_spec(&mut rng));
    districts.push(police_spec(&mut rng, &rurals, &communes));
    districts.push(border_guard_spec(&mut rng));
    for (i, d) in districts.iter_mut().enumerate() {
        d.order = i + 1;
    }
    plant_sample_deviations(&mut districts);

    Ctx {
        sample: true,
        seed,
        years: SAMPLE_YEARS,
        organisation: "Ban Tổ chức Tỉnh ủy Thái Bình (dữ liệu mẫu)".into(),
        frameworks: frameworks(SAMPLE_YEARS),
        districts,
    }
}

/// Deliberate breaches of the 1-3 pilots rule, and the notes to write.
pub(crate) fn plant_sample_deviations(districts: &mut [DistrictSpec]) {
    for d in districts.iter_mut() {
        match d.slug.as_str() {
            "hung-ha" => d.pilot_override.push((DN, 0)),
            "khoi-co-quan-tinh" => d.pilot_override.push((CQ, 4)),
            "tien-hai" => d.pilot_override.push((DVSN, 0)),
            _ => {}
        }
        let notes = &mut d.notes;
        match d.slug.as_str() {
            "thanh-pho-thai-binh" | "quynh-phu" | "khoi-co-quan-tinh" => notes.district = true,
            "dong-hung" | "tien-hai" => {
                notes.district = true;
                notes.district_year = Some(2024);
                notes.branches = 2;
                notes.branch_years = 1;
            }
            "cong-an-tinh" => {
                notes.district = true;
                notes.branches = 1;
                notes.branch_years = 1;
            }
            _ => {}
        }
    }
}

pub(crate) fn spec(slug: &str, name: &str, kind: &'static str, tuning: Tuning, seeds: Vec<BranchSeed>) -> DistrictSpec {
    DistrictSpec {
        slug: slug.into(),
        name: name.into(),
        kind,
        order: 0,
        tuning,
        source: Source::Planned(seeds),
        pilot_override: Vec::new(),
        notes: NotePlan::default(),
    }
}

pub(crate) fn city_spec(rng: &mut ChaCha8Rng) -> DistrictSpec {
    let mut pl = Planner { rng, seeds: Vec::new() };
    for ward in CITY_WARDS {
        pl.town("phường", ward, (6, 10));
    }
    for commune in CITY_COMMUNES {
        pl.commune(commune);
    }
    pl.district_units("thành phố", "Thái Bình", true);
    pl.companies("Thái Bình", 4);
    let extra =
        ["Chi bộ Công ty cổ phần Môi trường và Dịch vụ đô thị Thái Bình", "Chi bộ Công ty cổ phần Xe khách Thái Bình"];
    for name in extra {
        pl.add(name.into(), DN, "nha-nuoc", None, (8, 30));
    }
    spec("thanh-pho-thai-binh", "Thành phố Thái Bình", "thanh-pho", Tuning::offset(1.0), pl.seeds)
}

pub(crate) fn rural_spec(rng: &mut ChaCha8Rng, name: &str, def: &RuralDef, communes: &[String]) -> DistrictSpec {
    let mut pl = Planner { rng, seeds: Vec::new() };
    for town in def.towns {
        pl.town("thị trấn", town, (4, 7));
    }
    for commune in communes {
        pl.commune(commune);
    }
    pl.district_units("huyện", def.short, false);
    let n = pl.range(2, 4);
    pl.companies(def.short, n);
    spec(def.slug, name, "huyen", def.tuning, pl.seeds)
}

/// Subordinate branches under one parent, all of one type and subtype.
pub(crate) fn under(
    pl: &mut Planner,
    parent: &Parent,
    ty: usize,
    subtype: &'static str,
    names: &[&str],
    members: (u32, u32),
) {
    for n in names {
        pl.add(format!("Chi bộ {n}"), ty, subtype, Some(parent), members);
    }
}

/// Grassroots-level branches, all of one type and subtype.
pub(crate) fn grassroots(pl: &mut Planner, ty: usize, subtype: &'static str, names: &[&str], members: (u32, u32)) {
    for n in names {
        pl.add(format!("Chi bộ {n}"), ty, subtype, None, members);
    }
}

pub(crate) fn parent(name: &str, short: &str) -> Parent {
    Parent { name: name.into(), short: short.into() }
}

pub(crate) fn agencies_bloc_spec(rng: &mut ChaCha8Rng) -> DistrictSpec {
    let mut pl = Planner { rng, seeds: Vec::new() };
    let pl = &mut pl;
    let party = parent("Đảng bộ các cơ quan Đảng tỉnh", "co-quan-dang");
    under(
        pl,
        &party,
        CQ,
        "dang",
        &[
            "Văn phòng Tỉnh ủy",
            "Ban Tổ chức Tỉnh ủy",
            "Ủy ban Kiểm tra Tỉnh ủy",
            "Ban Tuyên giáo Tỉnh ủy",
            "Ban Dân vận Tỉnh ủy",
            "Ban Nội chính Tỉnh ủy",
        ],
        (6, 20),
    );
    under(pl, &party, DVSN, "khac", &["Báo Thái Bình"], (10, 25));
    under(pl, &party, DVSN, "giao-duc", &["Trường Chính trị tỉnh"], (10, 25));
    let offices: [(&str, &str, &[&str]); 6] = [
        (
            "Đảng bộ Văn phòng Ủy ban nhân dân tỉnh",
            "vp-ubnd",
            &[
                "Phòng Tổng hợp",
                "Phòng Kinh tế",
                "Phòng Khoa giáo - Văn xã",
                "Phòng Nội chính",
                "Phòng Hành chính - Tổ chức",
                "Phòng Quản trị - Tài vụ",
            ],
        ),
        (
            "Đảng bộ Sở Tài chính",
            "so-tai-chinh",
            &[
                "Văn phòng Sở",
                "Phòng Quản lý ngân sách",
                "Phòng Tài chính doanh nghiệp",
                "Phòng Quản lý giá và công sản",
                "Thanh tra Sở",
            ],
        ),
        (
            "Đảng bộ Sở Nông nghiệp và Phát triển nông thôn",
            "so-nong-nghiep",
            &[
                "Văn phòng Sở",
                "Chi cục Thủy lợi",
                "Chi cục Trồng trọt và Bảo vệ thực vật",
                "Chi cục Chăn nuôi và Thú y",
                "Chi cục Thủy sản",
            ],
        ),
        (
            "Đảng bộ Sở Giáo dục và Đào tạo",
            "so-giao-duc",
            &[
                "Văn phòng Sở",
                "Phòng Giáo dục Trung học",
                "Phòng Giáo dục Mầm non - Tiểu học",
                "Phòng Tổ chức cán bộ",
                "Phòng Khảo thí và Quản lý chất lượng",
            ],
        ),
        (
            "Đảng bộ Sở Y tế",
            "so-y-te",
            &[
                "Văn phòng Sở",
                "Phòng Nghiệp vụ Y",
                "Phòng Kế hoạch - Tài chính",
                "Chi cục An toàn vệ sinh thực phẩm",
                "Chi cục Dân số - Kế hoạch hóa gia đình",
            ],
        ),
        (
            "Đảng bộ Cục Thuế tỉnh",
            "cuc-thue",
            &[
                "Văn phòng Cục",
                "Phòng Kiểm tra thuế",
                "Phòng Thanh tra thuế",
                "Phòng Quản lý hộ kinh doanh, cá nhân và thu khác",
                "Phòng Tổng hợp - Nghiệp vụ - Dự toán",
            ],
        ),
    ];
    for (name, short, units) in offices {
        under(pl, &parent(name, short), CQ, "nha-nuoc", units, (4, 16));
    }
    let nn = parent("Đảng bộ Sở Nông nghiệp và Phát triển nông thôn", "so-nong-nghiep");
    under(pl, &nn, DVSN, "khac", &["Trung tâm Khuyến nông"], (5, 14));
    let tnmt = parent("Đảng bộ Sở Tài nguyên và Môi trường", "so-tai-nguyen");
    under(pl, &tnmt, CQ, "nha-nuoc", &["Văn phòng Sở", "Chi cục Bảo vệ môi trường", "Phòng Quản lý đất đai"], (4, 14));
    under(
        pl,
        &tnmt,
        DVSN,
        "khac",
        &["Văn phòng Đăng ký đất đai", "Trung tâm Quan trắc tài nguyên và môi trường"],
        (6, 20),
    );
    grassroots(
        pl,
        CQ,
        "nha-nuoc",
        &[
            "Sở Tư pháp",
            "Sở Ngoại vụ",
            "Sở Khoa học và Công nghệ",
            "Sở Thông tin và Truyền thông",
            "Thanh tra tỉnh",
            "Sở Kế hoạch và Đầu tư",
            "Sở Xây dựng",
            "Sở Giao thông vận tải",
            "Sở Công Thương",
            "Sở Nội vụ",
            "Sở Lao động - Thương binh và Xã hội",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
            "Kho bạc Nhà nước tỉnh",
            "Ban Quản lý Khu kinh tế và các khu công nghiệp tỉnh",
        ],
        (8, 35),
    );
    grassroots(
        pl,
        CQ,
        "doan-the",
        &[
            "Cơ quan Ủy ban Mặt trận Tổ quốc tỉnh",
            "Cơ quan Tỉnh đoàn",
            "Cơ quan Hội Nông dân tỉnh",
            "Cơ quan Hội Liên hiệp Phụ nữ tỉnh",
            "Cơ quan Liên đoàn Lao động tỉnh",
            "Cơ quan Hội Cựu chiến binh tỉnh",
            "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
            "Hội Chữ thập đỏ tỉnh",
        ],
        (5, 18),
    );
    let hospital = parent("Đảng bộ Bệnh viện Đa khoa tỉnh", "bv-da-khoa");
    under(
        pl,
        &hospital,
        DVSN,
        "y-te",
        &[
            "Khoa Nội",
            "Khoa Ngoại",
            "Khoa Phụ sản",
            "Khoa Nhi",
            "Khoa Hồi sức tích cực - Chống độc",
            "Khoa Khám bệnh",
            "Khoa Cấp cứu",
            "Khoa Chẩn đoán hình ảnh",
            "Khoa Xét nghiệm",
            "Khoa Dược",
            "Phòng Kế hoạch tổng hợp",
        ],
        (8, 30),
    );
    let university = parent("Đảng bộ Trường Đại học Thái Bình", "dai-hoc");
    under(
        pl,
        &university,
        DVSN,
        "giao-duc",
        &[
            "Khoa Kinh tế",
            "Khoa Luật",
            "Khoa Công nghệ thông tin",
            "Khoa Cơ khí - Điện",
            "Khoa Lý luận chính trị",
            "Phòng Đào tạo",
            "Khối Văn phòng",
        ],
        (6, 22),
    );
    grassroots(
        pl,
        DVSN,
        "y-te",
        &[
            "Bệnh viện Nhi tỉnh",
            "Bệnh viện Phụ sản tỉnh",
            "Bệnh viện Mắt tỉnh",
            "Bệnh viện Phục hồi chức năng tỉnh",
            "Bệnh viện Tâm thần tỉnh",
            "Trung tâm Kiểm soát bệnh tật tỉnh",
        ],
        (15, 60),
    );
    grassroots(
        pl,
        DVSN,
        "giao-duc",
        &["Trường THPT Chuyên Thái Bình", "Trường Cao đẳng Y tế Thái Bình", "Trường Cao đẳng Sư phạm Thái Bình"],
        (15, 45),
    );
    grassroots(
        pl,
        DVSN,
        "khac",
        &[
            "Đài Phát thanh và Truyền hình tỉnh",
            "Thư viện tỉnh",
            "Bảo tàng tỉnh",
            "Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh",
            "Trung tâm Phục vụ hành chính công tỉnh",
        ],
        (6, 30),
    );
    let seeds = std::mem::take(&mut pl.seeds);
    spec("khoi-co-quan-tinh", "Đảng bộ Khối các cơ quan tỉnh", "truc-thuoc", Tuning::offset(1.6), seeds)
}

pub(crate) const DISTRICT_SHORTS: [&str; 8] =
    ["Thái Bình", "Đông Hưng", "Hưng Hà", "Kiến Xương", "Quỳnh Phụ", "Thái Thụy", "Tiền Hải", "Vũ Thư"];

pub(crate) fn enterprises_bloc_spec(rng: &mut ChaCha8Rng) -> DistrictSpec {
    let mut pl = Planner { rng, seeds: Vec::new() };
    let pl = &mut pl;
    let power = parent("Đảng bộ Công ty Điện lực Thái Bình", "dien-luc");
    for d in &DISTRICT_SHORTS[1..] {
        pl.add(format!("Chi bộ Điện lực {d}"), DN, "nha-nuoc", Some(&power), (8, 30));
    }
    under(
        pl,
        &power,
        DN,
        "nha-nuoc",
        &[
            "Điện lực thành phố Thái Bình",
            "Văn phòng Công ty",
            "Phòng Kế hoạch và Vật tư",
            "Đội Quản lý vận hành lưới điện cao thế",
        ],
        (6, 25),
    );
    let bank = parent("Đảng bộ Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh tỉnh Thái Bình", "ngan-hang-nn");
    for d in &DISTRICT_SHORTS[1..] {
        pl.add(format!("Chi bộ Chi nhánh {d}"), DN, "nha-nuoc", Some(&bank), (5, 20));
    }
    under(pl, &bank, DN, "nha-nuoc", &["Hội sở chi nhánh tỉnh"], (10, 30));
    let water = parent("Đảng bộ Công ty cổ phần Nước sạch Thái Bình", "nuoc-sach");
    under(
        pl,
        &water,
        DN,
        "nha-nuoc",
        &[
            "Xí nghiệp Nước Đông Hưng",
            "Xí nghiệp Nước Quỳnh Phụ",
            "Xí nghiệp Nước Thái Thụy",
            "Xí nghiệp Nước Tiền Hải",
            "Văn phòng Công ty",
        ],
        (5, 20),
    );
    let telecom = parent("Đảng bộ Viễn thông Thái Bình", "vien-thong");
    under(
        pl,
        &telecom,
        DN,
        "nha-nuoc",
        &[
            "Trung tâm Viễn thông Đông Hưng",
            "Trung tâm Viễn thông Hưng Hà",
            "Trung tâm Viễn thông Kiến Xương",
            "Trung tâm Viễn thông Thái Thụy",
            "Trung tâm Điều hành thông tin",
        ],
        (4, 16),
    );
    grassroots(
        pl,
        DN,
        "nha-nuoc",
        &[
            "Ngân hàng Thương mại cổ phần Ngoại thương chi nhánh Thái Bình",
            "Ngân hàng Thương mại cổ phần Đầu tư và Phát triển chi nhánh Thái Bình",
            "Ngân hàng Thương mại cổ phần Công Thương chi nhánh Thái Bình",
            "Bưu điện tỉnh Thái Bình",
            "Công ty TNHH một thành viên Khai thác công trình thủy lợi Bắc Thái Bình",
            "Công ty TNHH một thành viên Khai thác công trình thủy lợi Nam Thái Bình",
            "Công ty TNHH một thành viên Xổ số kiến thiết Thái Bình",
        ],
        (8, 40),
    );
    grassroots(
        pl,
        DN,
        "ngoai-nha-nuoc",
        &[
            "Công ty cổ phần May Hưng Phát",
            "Công ty TNHH Dệt may Đồng Tiến",
            "Công ty cổ phần Gốm sứ Trà Lý",
            "Công ty cổ phần Xây dựng Thái An",
            "Công ty cổ phần Vận tải Hòa Bình",
            "Công ty TNHH Thực phẩm Đồng Xanh",
            "Công ty cổ phần Cơ khí Sông Trà",
            "Công ty cổ phần Dược phẩm Phúc Thái",
            "Công ty cổ phần Thép An Phú",
            "Công ty TNHH Điện tử Sao Mai",
            "Công ty cổ phần Phân bón Bình Minh",
            "Công ty cổ phần Đầu tư Long Hải",
            "Công ty TNHH Bao bì Tân Tiến",
            "Công ty cổ phần Thủy sản Biển Đông",
            "Công ty TNHH Nội thất Gia Phú",
        ],
        (3, 25),
    );
    let seeds = std::mem::take(&mut pl.seeds);
    spec("khoi-doanh-nghiep-tinh", "Đảng bộ Khối doanh nghiệp tỉnh", "truc-thuoc", Tuning::offset(0.4), seeds)
}

pub(crate) fn military_spec(rng: &mut ChaCha8Rng) -> DistrictSpec {
    let mut pl = Planner { rng, seeds: Vec::new() };
    let pl = &mut pl;
    let hq = parent("Đảng bộ Cơ quan Bộ Chỉ huy Quân sự tỉnh", "co-quan-bchqs");
    under(
        pl,
        &hq,
        LLVT,
        "hanh-chinh",
        &[
            "Ban Tác chiến",
            "Ban Quân lực",
            "Ban Dân quân tự vệ",
            "Ban Tuyên huấn",
            "Ban Tổ chức - Cán bộ",
            "Ban Hậu cần",
            "Ban Kỹ thuật",
            "Ban Tài chính",
            "Ban Quân y",
        ],
        (5, 14),
    );
    let battalion = parent("Đảng bộ Tiểu đoàn Huấn luyện - Cơ động", "tieu-doan");
    under(
        pl,
        &battalion,
        LLVT,
        "chien-dau",
        &[
            "Đại đội 1",
            "Đại đội 2",
            "Đại đội 3",
            "Đại đội Hỏa lực",
            "Trung đội Trinh sát",
            "Trung đội Công binh",
            "Trung đội Thông tin",
        ],
        (6, 18),
    );
    under(pl, &battalion, LLVT, "hanh-chinh", &["Cơ quan Tiểu đoàn"], (5, 10));
    grassroots(pl, LLVT, "hanh-chinh", &["Trường Quân sự tỉnh", "Kho Kỹ thuật tổng hợp"], (8, 20));
    for d in DISTRICT_SHORTS {
        let unit = if d == "Thái Bình" { "thành phố" } else { "huyện" };
        let command = Parent {
            name: format!("Đảng bộ Ban Chỉ huy Quân sự {unit} {d}"),
            short: format!("bchqs-{}", slugify(d)),
        };
        under(pl, &command, LLVT, "hanh-chinh", &["Tham mưu - Tác chiến", "Chính trị - Hậu cần - Kỹ thuật"], (5, 12));
        under(pl, &command, LLVT, "chien-dau", &["Trung đội Thường trực"], (4, 10));
    }
    let seeds = std::mem::take(&mut pl.seeds);
    spec("quan-su-tinh", "Đảng bộ Quân sự tỉnh", "truc-thuoc", Tuning { lenient: 1.8, ..Tuning::offset(1.0) }, seeds)
}

pub(crate) fn police_spec(rng: &mut ChaCha8Rng, rurals: &[(&str, RuralDef)], communes: &[Vec<String>]) -> DistrictSpec {
    let mut pl = Planner { rng, seeds: Vec::new() };
    let pl = &mut pl;
    grassroots(
        pl,
        LLVT,
        "hanh-chinh",
        &[
            "Phòng Tham mưu",
            "Phòng Tổ chức cán bộ",
            "Phòng Hậu cần",
            "Phòng Xây dựng phong trào bảo vệ an ninh Tổ quốc",
            "Phòng Quản lý xuất nhập cảnh",
            "Phòng Hồ sơ",
            "Phòng Kỹ thuật hình sự",
            "Thanh tra Công an tỉnh",
        ],
        (8, 25),
    );
    grassroots(
        pl,
        LLVT,
        "chien-dau",
        &[
            "Phòng Cảnh sát hình sự",
            "Phòng Cảnh sát cơ động",
            "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ",
            "Phòng Cảnh sát giao thông",
            "Phòng An ninh điều tra",
            "Phòng Cảnh sát điều tra tội phạm về ma túy",
            "Trại Tạm giam",
        ],
        (10, 35),
    );
    let city = Parent { name: "Đảng bộ Công an thành phố Thái Bình".into(), short: "ca-thai-binh".into() };
    police_district(pl, &city, CITY_COMMUNES);
    for ((_, def), communes) in rurals.iter().zip(communes) {
        let p =
            Parent { name: format!("Đảng bộ Công an huyện {}", def.short), short: format!("ca-{}", def.slug) };
        let names: Vec<&str> = communes.iter().map(String::as_str).collect();
        police_district(pl, &p, &names);
    }
    let seeds = std::mem::take(&mut pl.seeds);
    spec("cong-an-tinh", "Đảng bộ Công an tỉnh", "truc-thuoc", Tuning::offset(0.8), seeds)
}

/// The branches of a district police party committee, with a few commune police branches.
pub(crate) fn police_district(pl: &mut Planner, p: &Parent, communes: &[&str]) {
    under(pl, p, LLVT, "hanh-chinh", &["Đội Tham mưu - Tổng hợp"], (4, 10));
    under(
        pl,
        p,
        LLVT,
        "chien-dau",
        &["Đội Cảnh sát hình sự", "Đội Cảnh sát giao thông - Trật tự", "Đội An ninh"],
        (5, 14),
    );
    let n = pl.range(2, 3).min(communes.len());
    for c in &communes[..n] {
        pl.add(format!("Chi bộ Công an xã {c}"), LLVT, "chien-dau", Some(p), (3, 9));
    }
}

pub(crate) fn border_guard_spec(rng: &mut ChaCha8Rng) -> DistrictSpec {
    let mut pl = Planner { rng, seeds: Vec::new() };
    let pl = &mut pl;
    let hq = parent("Đảng bộ Cơ quan Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "co-quan-bdbp");
    under(
        pl,
        &hq,
        LLVT,
        "hanh-chinh",
        &[
            "Phòng Tham mưu",
            "Phòng Chính trị",
            "Phòng Hậu cần - Kỹ thuật",
            "Phòng Phòng chống ma túy và tội phạm",
            "Ban Tài chính",
        ],
        (6, 16),
    );
    grassroots(pl, LLVT, "chien-dau", &["Hải đội Biên phòng", "Đại đội Cơ động"], (8, 20));
    for station in ["Cửa Lân", "Ba Lạt", "Diêm Điền", "Cửa Trà Lý"] {
        let p = Parent {
            name: format!("Đảng bộ Đồn Biên phòng {station}"),
            short: format!("don-{}", slugify(station)),
        };
        under(pl, &p, LLVT, "chien-dau", &["Đội Vũ trang", "Đội Trinh sát", "Trạm Kiểm soát Biên phòng"], (4, 10));
        under(pl, &p, LLVT, "hanh-chinh", &["Đội Vận động quần chúng", "Đội Tham mưu - Hành chính"], (3, 8));
    }
    let seeds = std::mem::take(&mut pl.seeds);
    spec("bien-phong-tinh", "Đảng bộ Bộ đội Biên phòng tỉnh", "truc-thuoc", Tuning::offset(0.3), seeds)
}
