//! Seeded generator of kieumau content folders.
//!
//! Writes a complete `content/` folder in the format of SPEC.md section 2: `site.toml`, the
//! criteria frameworks, one folder per district-level committee with its branches, the yearly
//! review narratives and a few notes.
//!
//! ```text
//! # the realistic Thái Bình sample shipped in the repository (about 1,500 branches, 2022-2025)
//! cargo run --release --example generate -- --sample --out /tmp/sample --force
//!
//! # a synthetic dataset of any size, e.g. for benchmarks
//! cargo run --release --example generate -- --districts 60 --branches 50000 \
//!     --years 2022-2025 --out /tmp/g50k --force
//! ```
//!
//! Options:
//! - `--out DIR` (required): the site folder; the generator writes `DIR/content/`. It refuses a
//!   non-empty `DIR` unless `--force` is given, which removes `DIR/content` first (and nothing else).
//! - `--seed N` (default 2022): the same seed and options give byte-identical files.
//! - `--districts N`, `--branches M` (total, spread over the districts), `--years A-B`: the size of
//!   a synthetic dataset. `--sample` ignores them (the sample covers 2022-2025).
//! - `--sample`: the Thái Bình sample: the 13 district-level committees, realistic (made-up) names,
//!   branch types, pilots, vetoes, gaps and narratives. No real person is named.
//!
//! How the data is simulated: every branch has a latent quality; each year a target percentage is
//! drawn from the district's level and trend, the branch's quality and pilot status, and every
//! applicable criterion is scored around it (multiples of 0.25 or 0.5, within `0..=max`). The
//! rating follows the total with some committee discretion; each district then rates its best
//! good branches "excellent" within a yearly quota (HTXSNV about 15% of HTTNV). Model status is
//! computed exactly as kieumau does (total >= 90% of the type's maximum, good rating, every
//! minimum met, no veto) so the review narratives quote the same figures the site will show.
//!
//! Planted in the sample so that the report has something to flag: Quỳnh Phụ and Tiền Hải stay
//! below 90% good-or-better; Hưng Hà and the military committee exceed the 20% excellent cap;
//! Hưng Hà has no enterprise pilot, Tiền Hải no public-service pilot, the provincial agencies
//! bloc four agency pilots; a few branches start a year late, miss a year or have a veto.
//!
//! Determinism: each district draws from its own ChaCha8 stream (seed, district index), so the
//! output does not depend on thread scheduling; everything is iterated in a fixed order.

use clap::Parser;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

/// Generate a kieumau `content/` folder (sample or synthetic), deterministically from a seed.
#[derive(Parser, Debug)]
#[command(about, long_about = None)]
struct Args {
    /// Site folder; the content is written to DIR/content.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Remove DIR/content first and write even if DIR is not empty.
    #[arg(long)]
    force: bool,
    /// Random seed.
    #[arg(long, default_value_t = 2022)]
    seed: u64,
    /// Number of district-level committees (synthetic mode).
    #[arg(long, default_value_t = 10)]
    districts: usize,
    /// Total number of branches, spread over the districts (synthetic mode).
    #[arg(long, default_value_t = 1000)]
    branches: usize,
    /// Years assessed, e.g. 2022-2025 (synthetic mode).
    #[arg(long, value_parser = parse_years, value_name = "A-B")]
    years: Option<Years>,
    /// Write the realistic Thái Bình sample instead of synthetic data.
    #[arg(long)]
    sample: bool,
}

/// An inclusive range of years.
#[derive(Clone, Copy, Debug)]
struct Years {
    first: u16,
    last: u16,
}

impl Years {
    fn len(self) -> usize {
        usize::from(self.last - self.first) + 1
    }
    fn iter(self) -> impl Iterator<Item = u16> {
        self.first..=self.last
    }
}

fn parse_years(s: &str) -> Result<Years, String> {
    let (a, b) = s.split_once('-').ok_or("expected A-B, e.g. 2022-2025")?;
    let first: u16 = a.trim().parse().map_err(|_| format!("bad year {a:?}"))?;
    let last: u16 = b.trim().parse().map_err(|_| format!("bad year {b:?}"))?;
    if !(1900..=2200).contains(&first) || last < first || last - first > 50 {
        return Err("expected 1900 <= A <= B <= A + 50".into());
    }
    Ok(Years { first, last })
}

fn main() {
    let args = Args::parse();
    if let Err(e) = run(&args) {
        eprintln!("error: {e}");
        std::process::exit(2);
    }
}

fn run(args: &Args) -> io::Result<()> {
    let started = Instant::now();
    if !args.sample && (args.districts == 0 || args.branches < args.districts) {
        return Err(io::Error::other("need --districts >= 1 and --branches >= --districts"));
    }
    let content = prepare_out(&args.out, args.force)?;
    let ctx = if args.sample {
        if args.years.is_some() {
            eprintln!("note: --sample always covers 2022-2025; --years is ignored");
        }
        sample_context(args.seed)
    } else {
        let years = args.years.unwrap_or(Years { first: 2022, last: 2025 });
        synthetic_context(args.seed, args.districts, args.branches, years)
    };
    let results = generate(&ctx, &content)?;
    let elapsed = started.elapsed();
    print_summary(&ctx, &results);
    eprintln!("wrote {} in {:.2}s", content.display(), elapsed.as_secs_f64());
    Ok(())
}

/// Checks the output folder and returns `DIR/content`, removed first under `--force`.
fn prepare_out(out: &Path, force: bool) -> io::Result<PathBuf> {
    let content = out.join("content");
    if out.exists() {
        let non_empty = fs::read_dir(out)?.next().is_some();
        if non_empty && !force {
            return Err(io::Error::other(format!(
                "{} is not empty; use --force to replace {}",
                out.display(),
                content.display()
            )));
        }
        if content.exists() {
            fs::remove_dir_all(&content)?;
        }
    }
    fs::create_dir_all(&content)?;
    Ok(content)
}

// ---------------------------------------------------------------------------------------------
// Fixed vocabulary: ratings, branch types, criteria frameworks
// ---------------------------------------------------------------------------------------------

/// Ratings best first: code, Vietnamese name, counts as "good or better".
const RATINGS: [(&str, &str, bool); 4] = [
    ("HTXSNV", "Hoàn thành xuất sắc nhiệm vụ", true),
    ("HTTNV", "Hoàn thành tốt nhiệm vụ", true),
    ("HTNV", "Hoàn thành nhiệm vụ", false),
    ("KHTNV", "Không hoàn thành nhiệm vụ", false),
];
const HTXSNV: usize = 0;
const HTTNV: usize = 1;
const HTNV: usize = 2;
const KHTNV: usize = 3;

struct TypeDef {
    slug: &'static str,
    name: &'static str,
    subtypes: &'static [(&'static str, &'static str)],
}

const TYPES: [TypeDef; 5] = [
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
const KDC: usize = 0;
const CQ: usize = 1;
const DVSN: usize = 2;
const LLVT: usize = 3;
const DN: usize = 4;

/// One criterion; `max` and `min` in hundredths of a point (exact arithmetic).
#[derive(Clone)]
struct Criterion {
    id: &'static str,
    group: &'static str,
    title: &'static str,
    max: u32,
    min: Option<u32>,
    types: &'static [usize],
}

struct Framework {
    year: u16,
    groups: &'static [(&'static str, &'static str)],
    criteria: Vec<Criterion>,
    vetoes: &'static [(&'static str, &'static str)],
    /// Per branch type: indices of the criteria that apply to it.
    applicable: [Vec<usize>; 5],
    /// Per branch type: the maximum total, in hundredths.
    type_max: [u32; 5],
}

const MODEL_MIN_PCT: u32 = 90;

const GROUPS: &[(&str, &str)] = &[
    ("I", "Chính trị, tư tưởng, đạo đức, lối sống"),
    ("II", "Tổ chức, sinh hoạt chi bộ và công tác đảng viên"),
    ("III", "Lãnh đạo thực hiện nhiệm vụ chính trị"),
    ("IV", "Công tác kiểm tra, giám sát và kỷ luật đảng"),
    ("V", "Tiêu chí đặc thù theo loại hình chi bộ"),
];

const VETOES_FIRST: &[(&str, &str)] =
    &[("ky-luat", "Có đảng viên bị kỷ luật"), ("vi-pham-phap-luat", "Có đảng viên vi phạm pháp luật bị xử lý hình sự")];
const VETOES_REVISED: &[(&str, &str)] = &[
    ("ky-luat", "Có đảng viên bị kỷ luật"),
    ("vi-pham-phap-luat", "Có đảng viên vi phạm pháp luật bị xử lý hình sự"),
    ("don-thu", "Nội bộ mất đoàn kết, có đơn thư khiếu nại, tố cáo kéo dài, vượt cấp"),
];

/// Points to hundredths: `p(7.5)` is 750.
fn p(points: f64) -> u32 {
    (points * 100.0).round() as u32
}

fn crit(
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
fn first_criteria() -> Vec<Criterion> {
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
fn revised_criteria() -> Vec<Criterion> {
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
    fn new(year: u16, criteria: Vec<Criterion>, vetoes: &'static [(&'static str, &'static str)]) -> Self {
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
fn frameworks(years: Years) -> Vec<Framework> {
    let mut list = vec![Framework::new(years.first, first_criteria(), VETOES_FIRST)];
    if years.last >= years.first + 2 {
        list.push(Framework::new(years.first + 2, revised_criteria(), VETOES_REVISED));
    }
    list
}

/// Index of the framework in force in `year` (greatest first year <= year).
fn framework_for(frameworks: &[Framework], year: u16) -> usize {
    frameworks.iter().rposition(|f| f.year <= year).unwrap_or(0)
}

// ---------------------------------------------------------------------------------------------
// Generation context: districts and their branch plans
// ---------------------------------------------------------------------------------------------

/// A grassroots party organisation that subordinate branches sit under.
#[derive(Clone)]
struct Parent {
    /// e.g. "Đảng bộ xã Đông Xá".
    name: String,
    /// Slug prefix for its branches, e.g. "dong-xa".
    short: String,
}

/// A branch as planned, before the simulation.
struct BranchSeed {
    name: String,
    ty: usize,
    subtype: &'static str,
    parent: Option<Parent>,
    members: (u32, u32),
}

enum Source {
    /// A fixed plan (sample mode).
    Planned(Vec<BranchSeed>),
    /// `count` generated branches (synthetic mode).
    Synthetic { count: usize },
}

/// Knobs of the simulation for one district.
#[derive(Clone, Copy)]
struct Tuning {
    /// Shift of the district's mean score, in percentage points.
    offset: f64,
    /// Yearly improvement, in percentage points.
    growth: f64,
    /// Multiplier of the chance of an excellent rating.
    lenient: f64,
}

impl Tuning {
    const NORMAL: Tuning = Tuning { offset: 0.0, growth: 1.25, lenient: 1.0 };
    fn offset(offset: f64) -> Tuning {
        Tuning { offset, ..Tuning::NORMAL }
    }
}

/// Notes to write for a district.
#[derive(Clone, Copy, Default)]
struct NotePlan {
    district: bool,
    district_year: Option<u16>,
    /// Number of branches (pilots, best first) that get a `<branch>.md`.
    branches: usize,
    /// How many of those also get a `<branch>.<year>.md`.
    branch_years: usize,
}

struct DistrictSpec {
    slug: String,
    name: String,
    kind: &'static str,
    order: usize,
    tuning: Tuning,
    source: Source,
    /// Planted deviations from the pilot rule: (type, number of pilots).
    pilot_override: Vec<(usize, usize)>,
    notes: NotePlan,
}

struct Ctx {
    sample: bool,
    seed: u64,
    years: Years,
    organisation: String,
    frameworks: Vec<Framework>,
    districts: Vec<DistrictSpec>,
}

/// Per district and year: the figures the review narratives quote.
#[derive(Clone, Default)]
struct YearStats {
    branches: u32,
    ratings: [u32; 4],
    model: u32,
    pilots: u32,
    pilots_model: u32,
    /// Branches with a veto that year.
    vetoed: u32,
    /// Sum of score percentages, in hundredths of a percent.
    pct_sum: u64,
    /// Per level (co-so, truc-thuoc): (branches, model).
    by_level: [(u32, u32); 2],
    /// Per type: (branches, good or better, model).
    by_type: [(u32, u32, u32); 5],
}

impl YearStats {
    fn good(&self) -> u32 {
        self.ratings[HTXSNV] + self.ratings[HTTNV]
    }
    fn add(&mut self, o: &YearStats) {
        self.branches += o.branches;
        for i in 0..4 {
            self.ratings[i] += o.ratings[i];
        }
        self.model += o.model;
        self.pilots += o.pilots;
        self.pilots_model += o.pilots_model;
        self.vetoed += o.vetoed;
        self.pct_sum += o.pct_sum;
        for i in 0..2 {
            self.by_level[i].0 += o.by_level[i].0;
            self.by_level[i].1 += o.by_level[i].1;
        }
        for i in 0..5 {
            self.by_type[i].0 += o.by_type[i].0;
            self.by_type[i].1 += o.by_type[i].1;
            self.by_type[i].2 += o.by_type[i].2;
        }
    }
}

struct DistrictResult {
    years: Vec<YearStats>,
    /// Pilots per type (any pilot year).
    pilots_per_type: [usize; 5],
    /// Pilots picked after the first year.
    pilots_later: usize,
    /// Branches per type.
    branches_per_type: [usize; 5],
    gaps: usize,
    new_branches: usize,
    vetoed: usize,
}

// ---------------------------------------------------------------------------------------------
// The Thái Bình sample plan
// ---------------------------------------------------------------------------------------------

const SAMPLE_YEARS: Years = Years { first: 2022, last: 2025 };

/// A rural district: name, slug, commune-name prefixes, number of communes, towns.
struct RuralDef {
    slug: &'static str,
    short: &'static str,
    prefixes: &'static [&'static str],
    communes: usize,
    towns: &'static [&'static str],
    tuning: Tuning,
}

const COMMUNE_SUFFIXES: &[&str] = &[
    "Xá", "La", "Các", "Sơn", "Hợp", "Phong", "Kinh", "Vinh", "Quang", "Tân", "Hoàng", "Giang", "Cường", "Phương",
    "Hà", "Dương", "Mỹ", "Lĩnh", "Hải", "Thịnh", "Bình", "Hòa", "Lộc", "Trung", "Ninh", "An", "Tiến", "Lợi", "Hưng",
    "Thành", "Đức", "Hồng", "Minh", "Thắng", "Phú", "Nguyên", "Long", "Trạch", "Định", "Lạc",
];

const HAMLET_FIRST: &[&str] = &[
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
const HAMLET_SECOND: &[&str] = &[
    "Phúc", "Lộc", "Thọ", "Xá", "Đoài", "Đông", "Trung", "Lạc", "An", "Hòa", "Bình", "Ninh", "Thịnh", "Vinh", "Khê",
    "Liệt", "Trang", "Trì", "Mỹ", "Điền", "Sơn", "Hưng", "Lang", "Nội", "Ngoại", "Châu", "Cầu", "Tiến", "Lương",
    "Đình",
];

const CITY_WARDS: &[&str] =
    &["Bồ Xuyên", "Kỳ Bá", "Phú Khánh", "Tiền Phong", "Quang Minh", "Thành Nam", "Hòa Bình", "Bắc Sơn"];
const CITY_COMMUNES: &[&str] = &["Vũ Phúc", "Vũ Chính", "Phú Xuân", "Đông Mỹ", "Tân Bình"];

const DISTRICT_PARTY_AGENCIES: &[&str] = &[
    "Văn phòng Huyện ủy",
    "Ban Tổ chức Huyện ủy",
    "Ủy ban Kiểm tra Huyện ủy",
    "Ban Tuyên giáo Huyện ủy",
    "Ban Dân vận Huyện ủy",
];
const DISTRICT_STATE_AGENCIES: &[&str] = &[
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
const DISTRICT_STATE_GRASSROOTS: &[&str] = &[
    "Tòa án nhân dân",
    "Viện Kiểm sát nhân dân",
    "Chi cục Thi hành án dân sự",
    "Kho bạc Nhà nước",
    "Chi cục Thuế khu vực",
];

const COMPANY_KINDS: &[&str] = &[
    "Công ty cổ phần May",
    "Công ty TNHH Dệt may",
    "Công ty cổ phần Gạch ngói",
    "Công ty cổ phần Cơ khí",
    "Công ty TNHH Chế biến nông sản",
    "Công ty cổ phần Vật liệu xây dựng",
    "Công ty TNHH Thủ công mỹ nghệ",
];

/// Builds the branch list of one district-level committee.
struct Planner<'a> {
    rng: &'a mut ChaCha8Rng,
    seeds: Vec<BranchSeed>,
}

impl Planner<'_> {
    fn add(&mut self, name: String, ty: usize, subtype: &'static str, parent: Option<&Parent>, members: (u32, u32)) {
        self.seeds.push(BranchSeed { name, ty, subtype, parent: parent.cloned(), members });
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.random_bool(p)
    }

    fn range(&mut self, lo: usize, hi: usize) -> usize {
        self.rng.random_range(lo..=hi)
    }

    /// Distinct two-syllable hamlet names.
    fn hamlet_names(&mut self, n: usize) -> Vec<String> {
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
    fn commune(&mut self, commune: &str) {
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
    fn schools(&mut self, place: &str, parent: &Parent) {
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
    fn town(&mut self, kind: &str, place: &str, groups: (usize, usize)) {
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
    fn district_units(&mut self, unit: &str, short: &str, city: bool) {
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
    fn companies(&mut self, short: &str, n: usize) {
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

fn rural_defs() -> Vec<(&'static str, RuralDef)> {
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
fn commune_names(rng: &mut ChaCha8Rng, prefixes: &[&str], n: usize) -> Vec<String> {
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

fn sample_context(seed: u64) -> Ctx {
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
fn plant_sample_deviations(districts: &mut [DistrictSpec]) {
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

fn spec(slug: &str, name: &str, kind: &'static str, tuning: Tuning, seeds: Vec<BranchSeed>) -> DistrictSpec {
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

fn city_spec(rng: &mut ChaCha8Rng) -> DistrictSpec {
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

fn rural_spec(rng: &mut ChaCha8Rng, name: &str, def: &RuralDef, communes: &[String]) -> DistrictSpec {
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
fn under(pl: &mut Planner, parent: &Parent, ty: usize, subtype: &'static str, names: &[&str], members: (u32, u32)) {
    for n in names {
        pl.add(format!("Chi bộ {n}"), ty, subtype, Some(parent), members);
    }
}

/// Grassroots-level branches, all of one type and subtype.
fn grassroots(pl: &mut Planner, ty: usize, subtype: &'static str, names: &[&str], members: (u32, u32)) {
    for n in names {
        pl.add(format!("Chi bộ {n}"), ty, subtype, None, members);
    }
}

fn parent(name: &str, short: &str) -> Parent {
    Parent { name: name.into(), short: short.into() }
}

fn agencies_bloc_spec(rng: &mut ChaCha8Rng) -> DistrictSpec {
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

const DISTRICT_SHORTS: [&str; 8] =
    ["Thái Bình", "Đông Hưng", "Hưng Hà", "Kiến Xương", "Quỳnh Phụ", "Thái Thụy", "Tiền Hải", "Vũ Thư"];

fn enterprises_bloc_spec(rng: &mut ChaCha8Rng) -> DistrictSpec {
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

fn military_spec(rng: &mut ChaCha8Rng) -> DistrictSpec {
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

fn police_spec(rng: &mut ChaCha8Rng, rurals: &[(&str, RuralDef)], communes: &[Vec<String>]) -> DistrictSpec {
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
fn police_district(pl: &mut Planner, p: &Parent, communes: &[&str]) {
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

fn border_guard_spec(rng: &mut ChaCha8Rng) -> DistrictSpec {
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

// ---------------------------------------------------------------------------------------------
// Synthetic plan
// ---------------------------------------------------------------------------------------------

fn synthetic_context(seed: u64, n: usize, total: usize, years: Years) -> Ctx {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let counts = spread(&mut rng, total, n);
    let width = n.to_string().len().max(3);
    let districts = counts
        .into_iter()
        .enumerate()
        .map(|(i, count)| {
            let number = i + 1;
            let (name, kind) = synthetic_district_name(number);
            let weak = rng.random_bool(0.1);
            let tuning = Tuning {
                offset: if weak { -2.0 } else { 1.2 * normal(&mut rng) },
                growth: if weak { 0.7 } else { 1.3 },
                lenient: if rng.random_bool(0.05) { 1.9 } else { 1.0 },
            };
            let notes = NotePlan {
                district: number <= 3,
                district_year: (number == 1).then_some(years.last),
                branches: usize::from(number <= 2),
                branch_years: usize::from(number == 1),
            };
            DistrictSpec {
                slug: format!("d{number:0width$}"),
                name,
                kind,
                order: number,
                tuning,
                source: Source::Synthetic { count },
                pilot_override: Vec::new(),
                notes,
            }
        })
        .collect();
    Ctx {
        sample: false,
        seed,
        years,
        organisation: "Ban Tổ chức Tỉnh ủy (dữ liệu tổng hợp)".into(),
        frameworks: frameworks(years),
        districts,
    }
}

/// District 1 is a city, every tenth a bloc directly under the province, the rest rural.
fn synthetic_district_name(number: usize) -> (String, &'static str) {
    if number == 1 {
        (format!("Thành phố số {number}"), "thanh-pho")
    } else if number.is_multiple_of(10) {
        (format!("Đảng bộ Khối số {number}"), "truc-thuoc")
    } else {
        (format!("Huyện số {number}"), "huyen")
    }
}

/// Splits `total` into `n` positive parts of varying size (±30%).
fn spread(rng: &mut ChaCha8Rng, total: usize, n: usize) -> Vec<usize> {
    let weights: Vec<f64> = (0..n).map(|_| 0.7 + 0.6 * rng.random::<f64>()).collect();
    let sum: f64 = weights.iter().sum();
    let spare = total - n;
    let mut counts: Vec<usize> = weights.iter().map(|w| 1 + (spare as f64 * w / sum).floor() as usize).collect();
    // Flooring loses less than one branch per district.
    let rest = total - counts.iter().sum::<usize>();
    for c in counts.iter_mut().take(rest) {
        *c += 1;
    }
    counts
}

/// The type mix of a synthetic district: (type, subtype, weight, label used in names).
fn synthetic_mix(spec: &DistrictSpec) -> &'static [(usize, &'static str, u32, &'static str)] {
    match (spec.kind, spec.order / 10 % 3) {
        ("huyen", _) => &[
            (KDC, "thon", 62, "thôn"),
            (CQ, "dang", 3, "cơ quan Đảng"),
            (CQ, "nha-nuoc", 8, "cơ quan nhà nước"),
            (CQ, "doan-the", 2, "cơ quan đoàn thể"),
            (DVSN, "giao-duc", 15, "trường học"),
            (DVSN, "y-te", 3, "cơ sở y tế"),
            (DVSN, "khac", 2, "đơn vị sự nghiệp"),
            (DN, "ngoai-nha-nuoc", 4, "doanh nghiệp"),
            (DN, "nha-nuoc", 1, "doanh nghiệp nhà nước"),
        ],
        ("thanh-pho", _) => &[
            (KDC, "to-dan-pho", 45, "tổ dân phố"),
            (KDC, "thon", 10, "thôn"),
            (CQ, "dang", 4, "cơ quan Đảng"),
            (CQ, "nha-nuoc", 9, "cơ quan nhà nước"),
            (CQ, "doan-the", 2, "cơ quan đoàn thể"),
            (DVSN, "giao-duc", 14, "trường học"),
            (DVSN, "y-te", 4, "cơ sở y tế"),
            (DVSN, "khac", 2, "đơn vị sự nghiệp"),
            (DN, "ngoai-nha-nuoc", 7, "doanh nghiệp"),
            (DN, "nha-nuoc", 3, "doanh nghiệp nhà nước"),
        ],
        (_, 0) => &[(LLVT, "chien-dau", 60, "đơn vị chiến đấu"), (LLVT, "hanh-chinh", 40, "đơn vị hành chính")],
        (_, 1) => &[
            (CQ, "dang", 10, "cơ quan Đảng"),
            (CQ, "nha-nuoc", 45, "cơ quan nhà nước"),
            (CQ, "doan-the", 10, "cơ quan đoàn thể"),
            (DVSN, "giao-duc", 15, "trường học"),
            (DVSN, "y-te", 12, "cơ sở y tế"),
            (DVSN, "khac", 8, "đơn vị sự nghiệp"),
        ],
        _ => &[(DN, "nha-nuoc", 40, "doanh nghiệp nhà nước"), (DN, "ngoai-nha-nuoc", 60, "doanh nghiệp")],
    }
}

/// `count` branches "Chi bộ thôn số 12" etc.; about one in eight at grassroots level, the others
/// under "Đảng bộ xã số N" (ten branches a parent).
fn synthetic_seeds(rng: &mut ChaCha8Rng, spec: &DistrictSpec, count: usize) -> Vec<BranchSeed> {
    let mix = synthetic_mix(spec);
    let total_weight: u32 = mix.iter().map(|m| m.2).sum();
    let mut numbers = vec![0usize; mix.len()];
    let mut parents = 0usize;
    let mut current: Option<Parent> = None;
    let mut in_parent = 0;
    let mut seeds = Vec::with_capacity(count);
    for _ in 0..count {
        let mut r = rng.random_range(0..total_weight);
        let k = mix
            .iter()
            .position(|m| {
                if r < m.2 {
                    true
                } else {
                    r -= m.2;
                    false
                }
            })
            .unwrap_or(0);
        let (ty, subtype, _, label) = mix[k];
        numbers[k] += 1;
        let grassroots = rng.random_bool(0.12);
        let parent = if grassroots {
            None
        } else {
            if current.is_none() || in_parent >= 10 {
                parents += 1;
                in_parent = 0;
                let unit = if spec.kind == "truc-thuoc" { "cơ sở" } else { "xã" };
                current = Some(Parent { name: format!("Đảng bộ {unit} số {parents}"), short: String::new() });
            }
            in_parent += 1;
            current.clone()
        };
        seeds.push(BranchSeed {
            name: format!("Chi bộ {label} số {}", numbers[k]),
            ty,
            subtype,
            parent,
            members: if ty == KDC { (15, 70) } else { (3, 30) },
        });
    }
    seeds
}

// ---------------------------------------------------------------------------------------------
// Simulation
// ---------------------------------------------------------------------------------------------

/// Approximately standard normal, from uniforms only (bit-identical on every platform).
fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let s: f64 = (0..6).map(|_| rng.random::<f64>()).sum();
    (s - 3.0) * std::f64::consts::SQRT_2
}

struct Branch<'a> {
    seed: &'a BranchSeed,
    slug: String,
    members: u32,
    quality: f64,
    start: u16,
    gap: Option<u16>,
    pilot: Option<u16>,
}

struct Assessment {
    year: u16,
    framework: usize,
    rating: usize,
    vetoes: Vec<&'static str>,
    /// Scores of the applicable criteria, in the framework's order, in hundredths.
    scores: Vec<u32>,
    /// Model status (does not depend on HTXSNV versus HTTNV).
    model: bool,
    pct_x100: u64,
    /// The committee's view of the branch, used to award excellent ratings.
    judged: f64,
}

impl Branch<'_> {
    fn assessed(&self, year: u16) -> bool {
        year >= self.start && self.gap != Some(year)
    }
}

/// Slugs, members, latent quality, first year and gap year of every branch.
fn make_branches<'a>(rng: &mut ChaCha8Rng, seeds: &'a [BranchSeed], years: Years, sample: bool) -> Vec<Branch<'a>> {
    let mut taken = BTreeSet::new();
    taken.insert("district".to_string());
    seeds
        .iter()
        .map(|seed| {
            let slug = unique_slug(&mut taken, branch_slug(seed, sample));
            let members = rng.random_range(seed.members.0..=seed.members.1);
            let weak = if rng.random_bool(0.08) { -6.0 } else { 0.0 };
            let level = if seed.parent.is_none() { 1.5 } else { 0.0 };
            let ty = [-0.3, 0.3, 0.3, 1.0, -0.8][seed.ty];
            let quality = 4.0 * normal(rng) + weak + level + ty;
            let start = if years.len() > 1 && rng.random_bool(0.03) { years.first + 1 } else { years.first };
            let gap_p = if sample { 0.004 } else { 0.003 };
            let gap = (years.len() >= 3 && start == years.first && rng.random_bool(gap_p)).then_some(years.first + 1);
            Branch { seed, slug, members, quality, start, gap, pilot: None }
        })
        .collect()
}

/// Slug from the name without "Chi bộ"; subordinate branches in the sample are prefixed with
/// their parent's short slug ("dong-xa-thon-thuong-phuc").
fn branch_slug(seed: &BranchSeed, sample: bool) -> String {
    let bare = seed.name.strip_prefix("Chi bộ ").unwrap_or(&seed.name);
    let base = slugify(bare);
    match &seed.parent {
        Some(p) if sample && !p.short.is_empty() => format!("{}-{base}", p.short),
        _ => base,
    }
}

fn unique_slug(taken: &mut BTreeSet<String>, base: String) -> String {
    if taken.insert(base.clone()) {
        return base;
    }
    (2..).map(|i| format!("{base}-{i}")).find(|s| taken.insert(s.clone())).unwrap_or(base)
}

/// Picks pilots: in each type present, 1-3 of the better branches (or the planted number).
fn choose_pilots(rng: &mut ChaCha8Rng, spec: &DistrictSpec, branches: &mut [Branch], years: Years) {
    for ty in 0..TYPES.len() {
        let mut candidates: Vec<(f64, usize)> = branches
            .iter()
            .enumerate()
            .filter(|(_, b)| b.seed.ty == ty && b.gap.is_none())
            .map(|(i, b)| (b.quality + 3.0 * normal(rng), i))
            .collect();
        if candidates.is_empty() {
            continue;
        }
        let wanted = match spec.pilot_override.iter().find(|(t, _)| *t == ty) {
            Some(&(_, n)) => n,
            None => [1, 2, 2, 3, 3][rng.random_range(0..5)],
        };
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(_, i) in candidates.iter().take(wanted) {
            let b = &mut branches[i];
            let later = years.len() > 1 && rng.random_bool(0.05);
            b.pilot = Some(if later || b.start > years.first { years.first + 1 } else { years.first });
        }
    }
}

/// One year's assessment of one branch.
fn assess(rng: &mut ChaCha8Rng, ctx: &Ctx, tuning: Tuning, b: &Branch, year: u16) -> Assessment {
    let fi = framework_for(&ctx.frameworks, year);
    let fw = &ctx.frameworks[fi];
    let k = f64::from((year - ctx.years.first).min(5));
    let mut mean = 83.0 + tuning.offset + tuning.growth * k + b.quality + 2.0 * normal(rng);
    if b.pilot.is_some_and(|py| year >= py) {
        mean += 2.5;
    }
    let vetoes = draw_vetoes(rng, fw);
    if !vetoes.is_empty() {
        mean -= 3.0;
    }
    let ty = b.seed.ty;
    let scores: Vec<u32> = fw.applicable[ty].iter().map(|&ci| score(rng, &fw.criteria[ci], mean)).collect();
    let total: u32 = scores.iter().sum();
    let max = fw.type_max[ty];
    let pct = f64::from(total) * 100.0 / f64::from(max);
    let judged = judge(rng, pct);
    let rating = base_rating(judged, !vetoes.is_empty());
    let mins_met = fw.applicable[ty].iter().zip(&scores).all(|(&ci, &s)| fw.criteria[ci].min.is_none_or(|m| s >= m));
    let model = u64::from(total) * 100 >= u64::from(MODEL_MIN_PCT) * u64::from(max)
        && rating <= HTTNV
        && mins_met
        && vetoes.is_empty();
    Assessment {
        year,
        framework: fi,
        rating,
        vetoes,
        scores,
        model,
        pct_x100: u64::from(total) * 10_000 / u64::from(max),
        judged,
    }
}

/// About 1.3% of branch-years have a veto (mostly a disciplined member).
fn draw_vetoes(rng: &mut ChaCha8Rng, fw: &Framework) -> Vec<&'static str> {
    if !rng.random_bool(0.013) {
        return Vec::new();
    }
    let r = rng.random::<f64>();
    let i = if r < 0.65 {
        0
    } else if r < 0.85 || fw.vetoes.len() < 3 {
        1
    } else {
        2
    };
    vec![fw.vetoes[i.min(fw.vetoes.len() - 1)].0]
}

/// A criterion's score around `mean` percent, on a 0.5 grid (0.25 for maxima up to 5 points).
fn score(rng: &mut ChaCha8Rng, c: &Criterion, mean: f64) -> u32 {
    let step = if c.max <= 500 { 25 } else { 50 };
    let f = mean / 100.0 + 0.045 * normal(rng);
    let steps = (f64::from(c.max) * f / f64::from(step)).round();
    let top = f64::from(c.max / step);
    (steps.clamp(0.0, top) as u32) * step
}

/// The committee's judgement of a branch-year: the score with some discretion.
fn judge(rng: &mut ChaCha8Rng, pct: f64) -> f64 {
    pct + 2.5 * normal(rng)
}

/// The rating before excellent ratings are awarded (see `award_excellent`).
/// A veto (a disciplined member) weighs on the rating as well.
fn base_rating(judged: f64, veto: bool) -> usize {
    let (good, done) = if veto { (84.0, 74.0) } else { (76.3, 69.5) };
    if judged >= good {
        HTTNV
    } else if judged >= done {
        HTNV
    } else {
        KHTNV
    }
}

/// Each year the district committee rates its best good branches "excellent", within a quota of
/// about 13% of the good ones (HTXSNV about 15% of HTTNV, under the 20% cap); lenient districts
/// award more and exceed the cap. Only branches judged 85% or better qualify.
fn award_excellent(rng: &mut ChaCha8Rng, ctx: &Ctx, tuning: Tuning, all: &mut [Vec<Assessment>]) {
    for year in ctx.years.iter() {
        let mut good: Vec<(f64, usize, usize)> = Vec::new();
        for (bi, list) in all.iter().enumerate() {
            for (ai, a) in list.iter().enumerate() {
                if a.year == year && a.rating == HTTNV && a.vetoes.is_empty() {
                    good.push((a.judged, bi, ai));
                }
            }
        }
        let share = 0.13 * tuning.lenient * (0.85 + 0.3 * rng.random::<f64>());
        let quota = (good.len() as f64 * share).round() as usize;
        good.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(judged, bi, ai) in good.iter().take(quota) {
            if judged >= 85.0 {
                all[bi][ai].rating = HTXSNV;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Driving the generation
// ---------------------------------------------------------------------------------------------

/// Writes every file; districts run on all cores, each from its own random stream.
fn generate(ctx: &Ctx, content: &Path) -> io::Result<Vec<DistrictResult>> {
    fs::write(content.join("site.toml"), site_toml(ctx))?;
    let criteria_dir = content.join("criteria");
    fs::create_dir_all(&criteria_dir)?;
    for fw in &ctx.frameworks {
        fs::write(criteria_dir.join(format!("{}.toml", fw.year)), criteria_toml(fw))?;
    }

    let n = ctx.districts.len();
    let next = AtomicUsize::new(0);
    let slots: Mutex<Vec<Option<io::Result<DistrictResult>>>> = Mutex::new((0..n).map(|_| None).collect());
    let threads = std::thread::available_parallelism().map_or(1, |t| t.get()).min(n);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    let result = district(ctx, i, content);
                    if let Ok(mut slots) = slots.lock() {
                        slots[i] = Some(result);
                    }
                }
            });
        }
    });
    let slots = slots.into_inner().map_err(|_| io::Error::other("worker panicked"))?;
    let results = slots
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err(io::Error::other("district not generated"))))
        .collect::<io::Result<Vec<_>>>()?;

    let reviews = content.join("reviews");
    fs::create_dir_all(&reviews)?;
    for (k, year) in ctx.years.iter().enumerate() {
        fs::write(reviews.join(format!("{year}.md")), review_md(ctx, &results, k))?;
    }
    Ok(results)
}

/// Plans, simulates and writes one district.
fn district(ctx: &Ctx, index: usize, content: &Path) -> io::Result<DistrictResult> {
    let spec = &ctx.districts[index];
    let mut rng = ChaCha8Rng::seed_from_u64(ctx.seed);
    rng.set_stream(index as u64 + 1);
    let owned;
    let seeds: &[BranchSeed] = match &spec.source {
        Source::Planned(seeds) => seeds,
        Source::Synthetic { count } => {
            owned = synthetic_seeds(&mut rng, spec, *count);
            &owned
        }
    };
    let mut branches = make_branches(&mut rng, seeds, ctx.years, ctx.sample);
    choose_pilots(&mut rng, spec, &mut branches, ctx.years);

    let dir = content.join("districts").join(&spec.slug);
    fs::create_dir_all(&dir)?;
    fs::write(dir.join("district.toml"), district_toml(spec))?;

    let mut result = DistrictResult {
        years: vec![YearStats::default(); ctx.years.len()],
        pilots_per_type: [0; 5],
        pilots_later: 0,
        branches_per_type: [0; 5],
        gaps: 0,
        new_branches: 0,
        vetoed: 0,
    };
    // (quality of the last year's result, branch index) of pilots, for the notes.
    let mut showcase: Vec<(u64, usize)> = Vec::new();
    let mut text = String::with_capacity(4096);
    let mut all: Vec<Vec<Assessment>> = branches
        .iter()
        .map(|b| {
            ctx.years.iter().filter(|&y| b.assessed(y)).map(|y| assess(&mut rng, ctx, spec.tuning, b, y)).collect()
        })
        .collect();
    award_excellent(&mut rng, ctx, spec.tuning, &mut all);
    for (bi, (b, assessments)) in branches.iter().zip(&all).enumerate() {
        tally(ctx, &mut result, b, assessments);
        let last_model = assessments.last().filter(|a| a.model);
        if let (Some(_), Some(last)) = (b.pilot, last_model) {
            showcase.push((last.pct_x100, bi));
        }
        text.clear();
        branch_toml(&mut text, ctx, b, assessments);
        fs::write(dir.join(format!("{}.toml", b.slug)), text.as_bytes())?;
    }
    write_notes(ctx, spec, &result, &branches, &mut showcase, &dir)?;
    Ok(result)
}

/// Adds one branch to the district's figures.
fn tally(ctx: &Ctx, r: &mut DistrictResult, b: &Branch, assessments: &[Assessment]) {
    let ty = b.seed.ty;
    r.branches_per_type[ty] += 1;
    if let Some(year) = b.pilot {
        r.pilots_per_type[ty] += 1;
        r.pilots_later += usize::from(year > ctx.years.first);
    }
    r.gaps += usize::from(b.gap.is_some());
    r.new_branches += usize::from(b.start > ctx.years.first);
    r.vetoed += usize::from(assessments.iter().any(|a| !a.vetoes.is_empty()));
    let level = usize::from(b.seed.parent.is_some());
    for a in assessments {
        let s = &mut r.years[usize::from(a.year - ctx.years.first)];
        let pilot = b.pilot.is_some_and(|p| a.year >= p);
        let good = RATINGS[a.rating].2;
        s.branches += 1;
        s.ratings[a.rating] += 1;
        s.model += u32::from(a.model);
        s.pilots += u32::from(pilot);
        s.pilots_model += u32::from(pilot && a.model);
        s.vetoed += u32::from(!a.vetoes.is_empty());
        s.pct_sum += a.pct_x100;
        s.by_level[level].0 += 1;
        s.by_level[level].1 += u32::from(a.model);
        s.by_type[ty].0 += 1;
        s.by_type[ty].1 += u32::from(good);
        s.by_type[ty].2 += u32::from(a.model);
    }
}

// ---------------------------------------------------------------------------------------------
// TOML writers
// ---------------------------------------------------------------------------------------------

/// A TOML basic string.
fn q(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(o, "\\u{:04X}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// Hundredths as a TOML number without trailing zeros: 900 -> `9`, 850 -> `8.5`, 825 -> `8.25`.
fn num(h: u32) -> String {
    let (int, frac) = (h / 100, h % 100);
    match frac {
        0 => int.to_string(),
        f if f % 10 == 0 => format!("{int}.{}", f / 10),
        f => format!("{int}.{f:02}"),
    }
}

fn site_toml(ctx: &Ctx) -> String {
    let mut s = String::new();
    let cmd = if ctx.sample {
        format!("--sample --seed {}", ctx.seed)
    } else {
        format!(
            "--districts {} --branches {} --years {}-{} --seed {}",
            ctx.districts.len(),
            ctx.districts
                .iter()
                .map(|d| match d.source {
                    Source::Synthetic { count } => count,
                    Source::Planned(ref v) => v.len(),
                })
                .sum::<usize>(),
            ctx.years.first,
            ctx.years.last,
            ctx.seed
        )
    };
    if ctx.sample {
        s.push_str(
            "# DỮ LIỆU MẪU (sample data): generated by examples/generate.rs, not real figures.\n\
             # Units, places and branches are made up or used only as plausible examples;\n\
             # no real person is named.\n",
        );
    } else {
        s.push_str("# DỮ LIỆU TỔNG HỢP (synthetic data) generated by examples/generate.rs.\n");
    }
    let _ = writeln!(s, "# Regenerate: cargo run --release --example generate -- {cmd} --out DIR\n");
    let title = "Xây dựng mô hình chi bộ kiểu mẫu";
    let _ = writeln!(s, "title = {}", q(title));
    let _ = writeln!(s, "organisation = {}", q(&ctx.organisation));
    s.push_str("language = \"vi\"\nbase_url = \"\"\n");
    let _ = writeln!(s, "first_year = {}", ctx.years.first);
    let _ = writeln!(s, "target_year = {}", ctx.years.last);
    for (code, name, good) in RATINGS {
        let _ = write!(s, "\n[[ratings]]\ncode = {}\nname = {}\ngood = {good}\n", q(code), q(name));
    }
    for t in &TYPES {
        let subs: Vec<String> =
            t.subtypes.iter().map(|(slug, name)| format!("{{ slug = {}, name = {} }}", q(slug), q(name))).collect();
        let _ = write!(
            s,
            "\n[[branch_types]]\nslug = {}\nname = {}\nsubtypes = [{}]\n",
            q(t.slug),
            q(t.name),
            subs.join(", ")
        );
    }
    s.push_str(&targets_toml(ctx.sample));
    s.push_str("\n[pilots]\nper_type = [1, 3]\n");
    s.push_str("\n[excellent_cap]\nrating = \"HTXSNV\"\nof = \"HTTNV\"\nmax_pct = 20\n");
    s
}

fn targets_toml(sample: bool) -> String {
    let mut targets = vec![
        ("Tỷ lệ chi bộ hoàn thành tốt nhiệm vụ trở lên", "good_or_better", "district", "at_least = 90", None),
        ("Tỷ lệ chi bộ đạt chuẩn kiểu mẫu toàn tỉnh", "model", "province", "more_than = 20", None),
    ];
    if sample {
        targets.push(("Tỷ lệ chi bộ cơ sở đạt chuẩn kiểu mẫu", "model", "district", "at_least = 50", Some("co-so")));
        targets.push((
            "Tỷ lệ chi bộ trực thuộc đạt chuẩn kiểu mẫu",
            "model",
            "district",
            "at_least = 20",
            Some("truc-thuoc"),
        ));
    }
    let mut s = String::new();
    for (name, metric, scope, threshold, level) in targets {
        let _ =
            write!(s, "\n[[targets]]\nname = {}\nmetric = {}\nscope = {}\n{threshold}\n", q(name), q(metric), q(scope));
        if let Some(level) = level {
            let _ = writeln!(s, "level = {}", q(level));
        }
    }
    s
}

fn criteria_toml(fw: &Framework) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Khung tiêu chí áp dụng từ năm {} (dữ liệu mẫu, generated by examples/generate.rs)", fw.year);
    let _ = writeln!(s, "model_min_pct = {MODEL_MIN_PCT}");
    s.push_str("model_ratings = [\"HTXSNV\", \"HTTNV\"]\n");
    for (id, name) in fw.groups {
        let _ = write!(s, "\n[[groups]]\nid = {}\nname = {}\n", q(id), q(name));
    }
    for c in &fw.criteria {
        let _ = write!(
            s,
            "\n[[criteria]]\nid = {}\ngroup = {}\ntitle = {}\nmax = {}\n",
            q(c.id),
            q(c.group),
            q(c.title),
            num(c.max)
        );
        if let Some(min) = c.min {
            let _ = writeln!(s, "min = {}", num(min));
        }
        if !c.types.is_empty() {
            let types: Vec<String> = c.types.iter().map(|&t| q(TYPES[t].slug)).collect();
            let _ = writeln!(s, "types = [{}]", types.join(", "));
        }
    }
    for (id, title) in fw.vetoes {
        let _ = write!(s, "\n[[vetoes]]\nid = {}\ntitle = {}\n", q(id), q(title));
    }
    s
}

fn district_toml(spec: &DistrictSpec) -> String {
    format!("name = {}\nkind = {}\norder = {}\n", q(&spec.name), q(spec.kind), spec.order)
}

fn branch_toml(s: &mut String, ctx: &Ctx, b: &Branch, assessments: &[Assessment]) {
    let seed = b.seed;
    let ty = &TYPES[seed.ty];
    let _ = writeln!(s, "name = {}", q(&seed.name));
    let _ = writeln!(s, "type = {}", q(ty.slug));
    let _ = writeln!(s, "subtype = {}", q(seed.subtype));
    match &seed.parent {
        Some(p) => {
            s.push_str("level = \"truc-thuoc\"\n");
            let _ = writeln!(s, "parent = {}", q(&p.name));
        }
        None => s.push_str("level = \"co-so\"\n"),
    }
    let _ = writeln!(s, "members = {}", b.members);
    if let Some(year) = b.pilot {
        let _ = writeln!(s, "pilot = {year}");
    }
    for a in assessments {
        let fw = &ctx.frameworks[a.framework];
        let _ = write!(s, "\n[[assessments]]\nyear = {}\nrating = {}\n", a.year, q(RATINGS[a.rating].0));
        if !a.vetoes.is_empty() {
            let v: Vec<String> = a.vetoes.iter().map(|v| q(v)).collect();
            let _ = writeln!(s, "vetoes = [{}]", v.join(", "));
        }
        s.push_str("scores = { ");
        for (i, (&ci, &sc)) in fw.applicable[seed.ty].iter().zip(&a.scores).enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            let _ = write!(s, "\"{}\" = {}", fw.criteria[ci].id, num(sc));
        }
        s.push_str(" }\n");
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown: reviews and notes
// ---------------------------------------------------------------------------------------------

/// Percentage with one decimal, rounded half away from zero, Vietnamese style: "92,5%".
fn pct(num: u32, den: u32) -> String {
    if den == 0 {
        return "–".into();
    }
    let tenths = (u64::from(num) * 2000 + u64::from(den)) / (2 * u64::from(den));
    format!("{},{}%", tenths / 10, tenths % 10)
}

/// "tăng từ 12,0% lên 15,5%", "giảm từ ... xuống ...", or "giữ nguyên ở ...".
fn change(before: (u32, u32), after: (u32, u32)) -> String {
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

fn pct_value(num: u32, den: u32) -> f64 {
    if den == 0 { 0.0 } else { f64::from(num) * 100.0 / f64::from(den) }
}

fn front_matter(title: &str, author: &str, date: &str) -> String {
    format!("+++\ntitle = {}\nauthor = {}\ndate = {date}\n+++\n\n", q(title), q(author))
}

fn data_note(ctx: &Ctx) -> &'static str {
    if ctx.sample {
        "> **Dữ liệu mẫu.** Văn bản và số liệu dưới đây do chương trình sinh dữ liệu mẫu tạo ra \
         để minh họa, không phải số liệu thực tế.\n\n"
    } else {
        "> **Dữ liệu tổng hợp** do chương trình sinh dữ liệu tạo ra để thử nghiệm.\n\n"
    }
}

fn province_totals(results: &[DistrictResult], k: usize) -> YearStats {
    let mut total = YearStats::default();
    for r in results {
        total.add(&r.years[k]);
    }
    total
}

/// The interim review of year number `k` (0 = first year), quoting the generated figures.
fn review_md(ctx: &Ctx, results: &[DistrictResult], k: usize) -> String {
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

fn author(ctx: &Ctx) -> String {
    format!("Ban Tổ chức Tỉnh ủy ({})", tag(ctx))
}

/// How notes mark their data as not real.
fn tag(ctx: &Ctx) -> &'static str {
    if ctx.sample { "dữ liệu mẫu" } else { "dữ liệu tổng hợp" }
}

/// An integer with Vietnamese thousands separators: 12345 -> "12.345".
fn int(n: u32) -> String {
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

fn pct_hundredths(sum_x100: u64, n: u32) -> String {
    if n == 0 {
        return "–".into();
    }
    // sum_x100 / n is in hundredths of a percent; round to tenths.
    let tenths = (sum_x100 * 2 / 10 + u64::from(n)) / (2 * u64::from(n));
    format!("{},{}%", tenths / 10, tenths % 10)
}

fn review_intro(ctx: &Ctx, year: u16, k: usize) -> String {
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

fn review_shortcomings(ctx: &Ctx, results: &[DistrictResult], k: usize) -> String {
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

fn review_next(year: u16, years: Years) -> String {
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

/// District notes and the notes of its best pilots, as planned.
fn write_notes(
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

fn committee_of(spec: &DistrictSpec) -> &'static str {
    match spec.kind {
        "huyen" => "Huyện ủy",
        "thanh-pho" => "Thành ủy",
        _ => "Đảng ủy",
    }
}

fn district_md(ctx: &Ctx, spec: &DistrictSpec, r: &DistrictResult) -> String {
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

fn district_year_md(ctx: &Ctx, spec: &DistrictSpec, r: &DistrictResult, year: u16) -> String {
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

fn branch_md(ctx: &Ctx, spec: &DistrictSpec, b: &Branch) -> String {
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

fn branch_year_md(b: &Branch, year: u16) -> String {
    format!(
        "Năm {year}, {} tổ chức sinh hoạt chuyên đề về *học tập và làm theo tư tưởng, đạo đức, \
         phong cách Hồ Chí Minh*; đoàn công tác của cấp ủy cấp trên dự và đánh giá cao chất lượng \
         buổi sinh hoạt.\n",
        b.seed.name
    )
}

// ---------------------------------------------------------------------------------------------
// Summary and utilities
// ---------------------------------------------------------------------------------------------

fn print_summary(ctx: &Ctx, results: &[DistrictResult]) {
    let branches: usize = results.iter().map(|r| r.branches_per_type.iter().sum::<usize>()).sum();
    let gaps: usize = results.iter().map(|r| r.gaps).sum();
    let new: usize = results.iter().map(|r| r.new_branches).sum();
    let vetoed: usize = results.iter().map(|r| r.vetoed).sum();
    eprintln!(
        "{} districts, {branches} branches ({new} new after the first year, {gaps} with a gap, \
         {vetoed} with a veto)",
        ctx.districts.len()
    );
    for (k, year) in ctx.years.iter().enumerate() {
        let t = province_totals(results, k);
        let below = results.iter().filter(|r| pct_value(r.years[k].good(), r.years[k].branches) < 90.0).count();
        eprintln!(
            "{year}: {} assessed, good-or-better {:.1}%, model {:.1}%, HTXSNV/HTTNV {:.1}%, \
             {below} districts below 90%",
            t.branches,
            pct_value(t.good(), t.branches),
            pct_value(t.model, t.branches),
            pct_value(t.ratings[HTXSNV], t.ratings[HTTNV]),
        );
    }
}

/// Lowercase ASCII slug: diacritics removed, đ -> d, other characters -> '-'.
fn slugify(s: &str) -> String {
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
fn fold(c: char) -> char {
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
