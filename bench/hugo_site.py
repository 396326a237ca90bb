#!/usr/bin/env python3
"""Generate a Hugo site equivalent to kieumau's pages, from a kieumau content folder.

Usage:
    python3 bench/hugo_site.py SITE_DIR HUGO_DIR

SITE_DIR is a kieumau site (the folder holding `content/`, e.g. made by
`cargo run --release --example generate -- --districts 60 --branches 50000 --out SITE_DIR`);
HUGO_DIR is the Hugo site to write (its `content/`, `layouts/` and `config.toml` are replaced;
nothing else in it is touched). Standard library only (Python 3.11+ for `tomllib`).

What the Hugo site holds, for the comparison of issue 5 ("one page per branch with a 10-row
table, two paragraphs and an inline 10-bar SVG, plus taxonomy pages per district, type and
year"):

- one page per branch, at kieumau's URL `districts/<district>/<branch>/`, whose front matter
  carries the branch's latest assessment: ten rows (criterion id, title, score, maximum) and the
  total. The layout `_default/single.html` renders them as a 10-row table and draws an inline SVG
  with one bar per row *in the template* (like kieumau, which draws its charts at build time);
  the Markdown body is two paragraphs (name, parent, members; rating and total), rendered by
  Hugo's Goldmark;
- three taxonomies, `districts`, `types` and `years` (every year the branch was assessed), so
  Hugo makes one term page per district, type and year, plus the three term lists and the home
  page (`_default/list.html`). A district's term page lists all its branches in a table (as
  kieumau's district page does); type and year term pages show the count and the first 100
  branches (kieumau's type and year pages show figures per district, not every branch);
- district term pages get the district's name from `content/districts/<d>/_index.md`;
- RSS, sitemap, robots.txt, 404 and section pages are disabled: kieumau makes none of them.

The generated site is meant to be built with `hugo --quiet -s HUGO_DIR -d OUT`.
"""

import os
import shutil
import sys
import tomllib
from pathlib import Path

ROWS = 10

CONFIG = """\
baseURL = "http://localhost/"
languageCode = "vi"
title = "{title}"
relativeURLs = true
disableKinds = ["section", "RSS", "sitemap", "robotsTXT", "404"]
enableRobotsTXT = false

[taxonomies]
district = "districts"
branchtype = "types"
year = "years"

[markup.goldmark.renderer]
unsafe = false
"""

BASEOF = """\
<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
</head>
<body>
<header>
<p><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></p>
<nav><a href="{{ "districts/" | relURL }}">Đơn vị</a> · <a href="{{ "types/" | relURL }}">Loại hình</a> · \
<a href="{{ "years/" | relURL }}">Năm</a></nav>
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer><p>{{ .Site.Title }} · {{ .Params.version | default "bench" }}</p></footer>
</body>
</html>
"""

SINGLE = """\
{{ define "main" }}
<nav class="crumbs"><a href="{{ "/" | relURL }}">Trang chủ</a> › \
{{ range .GetTerms "districts" }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} › {{ .Title }}</nav>
<h1>{{ .Title }}</h1>
{{ .Content }}
<h2>Điểm năm {{ .Params.year }}</h2>
<table>
<thead><tr><th>Tiêu chí</th><th>Nội dung</th><th>Điểm</th><th>Tối đa</th><th>Tỷ lệ</th></tr></thead>
<tbody>
{{ range .Params.rows }}\
<tr><td>{{ .id }}</td><td>{{ .title }}</td><td>{{ .score }}</td><td>{{ .max }}</td>\
<td>{{ lang.FormatNumber 1 (div (mul (float .score) 100.0) (float .max)) }}%</td></tr>
{{ end }}\
</tbody>
</table>
<svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 720 260" width="100%" \
xmlns="http://www.w3.org/2000/svg">
<title id="chart-title">Điểm theo tiêu chí năm {{ .Params.year }}: {{ .Title }}</title>
<line x1="40" y1="220" x2="700" y2="220" stroke="#000"/>
{{ range $i, $r := .Params.rows }}\
{{ $pct := div (mul (float $r.score) 100.0) (float $r.max) }}\
{{ $h := mul $pct 2.0 }}\
<rect x="{{ add 50 (mul $i 65) }}" y="{{ sub 220.0 $h }}" width="48" height="{{ $h }}" fill="#0072b2"/>\
<text x="{{ add 74 (mul $i 65) }}" y="{{ sub 214.0 $h }}" text-anchor="middle" font-size="12" \
font-family="sans-serif">{{ lang.FormatNumber 0 $pct }}%</text>\
<text x="{{ add 74 (mul $i 65) }}" y="240" text-anchor="middle" font-size="12" font-family="sans-serif">\
{{ $r.id }}</text>
{{ end }}\
</svg>
{{ end }}
"""

LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ if eq .Kind "term" }}\
{{ .Content }}
<p>{{ len .Pages }} chi bộ.</p>
{{ $pages := .Pages }}{{ if ne .Data.Plural "districts" }}{{ $pages = first 100 .Pages }}{{ end }}\
<table>
<thead><tr><th>Chi bộ</th><th>Xếp loại</th><th>Điểm</th></tr></thead>
<tbody>
{{ range $pages }}<tr><td><a href="{{ .RelPermalink }}">{{ .Title }}</a></td><td>{{ .Params.rating }}</td>\
<td>{{ .Params.total }}</td></tr>
{{ end }}\
</tbody>
</table>
{{ else if eq .Kind "taxonomy" }}\
<ul>
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}\
</ul>
{{ else }}\
<ul>
{{ range site.Taxonomies }}<li>{{ len . }} mục</li>{{ end }}
<li><a href="{{ "districts/" | relURL }}">Đơn vị</a></li>
<li><a href="{{ "types/" | relURL }}">Loại hình</a></li>
<li><a href="{{ "years/" | relURL }}">Năm</a></li>
</ul>
{{ end }}\
{{ end }}
"""


def toml_str(s: str) -> str:
    """A TOML basic string."""
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ord(ch) < 0x20 or ch == "\x7f":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def fmt_num(x) -> str:
    """A score as TOML (integers stay integers, floats keep their decimals)."""
    if isinstance(x, bool):
        raise ValueError("boolean score")
    if isinstance(x, int):
        return str(x)
    return repr(float(x))


def load_frameworks(content: Path):
    """[(first_year, {id: (title, max)}, [ids in order])], sorted by first year."""
    frameworks = []
    for f in sorted((content / "criteria").glob("*.toml")):
        data = tomllib.loads(f.read_text(encoding="utf-8"))
        crit = {c["id"]: (c.get("title", c["id"]), c["max"]) for c in data.get("criteria", [])}
        frameworks.append((int(f.stem), crit, [c["id"] for c in data.get("criteria", [])]))
    frameworks.sort()
    return frameworks


def framework_for(frameworks, year: int):
    chosen = frameworks[0]
    for fw in frameworks:
        if fw[0] <= year:
            chosen = fw
    return chosen


def branch_page(district: str, dname: str, slug: str, b: dict, frameworks, type_names) -> str:
    assessments = sorted(b.get("assessments", []), key=lambda a: a["year"])
    last = assessments[-1] if assessments else {"year": 0, "rating": "", "scores": {}}
    _, crit, order = framework_for(frameworks, last["year"]) if frameworks else (0, {}, [])
    scores = last.get("scores", {})
    ids = [i for i in order if i in scores] + sorted(i for i in scores if i not in crit)
    rows = []
    for cid in ids[:ROWS]:
        title, mx = crit.get(cid, (cid, 0))
        rows.append((cid, title, scores[cid], mx or 1))
    while rows and len(rows) < ROWS:  # fewer criteria than rows: repeat, so every page has ten
        rows.append(rows[len(rows) % max(1, len(ids[:ROWS]))])
    total = sum(float(s) for s in scores.values())
    tname = type_names.get(b.get("type", ""), b.get("type", ""))
    lines = [
        "+++",
        f"title = {toml_str(b.get('name', slug))}",
        f'url = "/districts/{district}/{slug}/"',
        f"districts = [{toml_str(district)}]",
        f"types = [{toml_str(b.get('type', ''))}]",
        "years = [" + ", ".join(f'"{a["year"]}"' for a in assessments) + "]",
        f"year = {last['year']}",
        f"rating = {toml_str(last.get('rating', ''))}",
        f"total = {round(total, 2)}",
    ]
    for cid, title, score, mx in rows:
        lines += [
            "[[rows]]",
            f"id = {toml_str(cid)}",
            f"title = {toml_str(title)}",
            f"score = {fmt_num(score)}",
            f"max = {fmt_num(mx)}",
        ]
    lines.append("+++")
    parent = b.get("parent") or dname
    p1 = (
        f"**{b.get('name', slug)}** thuộc {parent}, {dname}; loại hình {tname}, "
        f"có {b.get('members', 0)} đảng viên."
        + (f" Chi bộ được chọn làm điểm từ năm {b['pilot']}." if "pilot" in b else "")
    )
    p2 = (
        f"Năm {last['year']}, chi bộ được xếp loại *{last.get('rating', '')}* với tổng điểm "
        f"{round(total, 2)}; đã được đánh giá {len(assessments)} năm "
        f"({', '.join(str(a['year']) for a in assessments)})."
    )
    return "\n".join(lines) + "\n\n" + p1 + "\n\n" + p2 + "\n"


def main(argv) -> int:
    if len(argv) != 3 or argv[1] in ("-h", "--help"):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    site, hugo = Path(argv[1]), Path(argv[2])
    content = site / "content"
    if not (content / "site.toml").is_file():
        print(f"error: {content / 'site.toml'} not found: not a kieumau site", file=sys.stderr)
        return 2
    site_toml = tomllib.loads((content / "site.toml").read_text(encoding="utf-8"))
    type_names = {t["slug"]: t["name"] for t in site_toml.get("branch_types", [])}
    frameworks = load_frameworks(content)

    hugo.mkdir(parents=True, exist_ok=True)
    for name in ("content", "layouts", "public", "resources"):
        if (hugo / name).exists():
            shutil.rmtree(hugo / name)
    (hugo / "layouts" / "_default").mkdir(parents=True)
    (hugo / "config.toml").write_text(
        CONFIG.format(title=site_toml.get("title", "kieumau").replace('"', "'")), encoding="utf-8"
    )
    (hugo / "layouts" / "_default" / "baseof.html").write_text(BASEOF, encoding="utf-8")
    (hugo / "layouts" / "_default" / "single.html").write_text(SINGLE, encoding="utf-8")
    (hugo / "layouts" / "_default" / "list.html").write_text(LIST, encoding="utf-8")

    pages = 0
    districts = sorted(p for p in (content / "districts").iterdir() if p.is_dir())
    for ddir in districts:
        d = ddir.name
        dtoml = ddir / "district.toml"
        dname = tomllib.loads(dtoml.read_text(encoding="utf-8")).get("name", d) if dtoml.is_file() else d
        term = hugo / "content" / "districts" / d
        term.mkdir(parents=True)
        (term / "_index.md").write_text(f"+++\ntitle = {toml_str(dname)}\n+++\n", encoding="utf-8")
        bdir = hugo / "content" / "branches" / d
        bdir.mkdir(parents=True)
        for f in sorted(os.scandir(ddir), key=lambda e: e.name):
            if not f.name.endswith(".toml") or f.name == "district.toml":
                continue
            with open(f.path, "rb") as fh:
                b = tomllib.load(fh)
            slug = f.name[: -len(".toml")]
            (bdir / f"{slug}.md").write_text(
                branch_page(d, dname, slug, b, frameworks, type_names), encoding="utf-8"
            )
            pages += 1
    for slug, name in type_names.items():
        term = hugo / "content" / "types" / slug
        term.mkdir(parents=True)
        (term / "_index.md").write_text(f"+++\ntitle = {toml_str(name)}\n+++\n", encoding="utf-8")
    print(f"wrote {pages} branch pages, {len(districts)} districts into {hugo}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
