#!/usr/bin/env bash
# bench/run.sh: wall time, pages per second and peak memory of `kieumau check` and `kieumau build`
# (and, with --hugo, of Hugo on equivalent pages) on generated sites of several sizes (issue 5).
#
# Usage:
#   bench/run.sh [--hugo] [--runs N] [SIZE ...]       # SIZE = number of branches; default: 10000 50000
#   bench/run.sh --runs 1 300000      # national scale: minutes per build, ~11 GB of output, 4+ GB RSS
#   bench/run.sh --base OLD_KIEUMAU   # also measures another kieumau binary (say, a build of the
#                                     # commit before a change) on the same sites, in the same run
#                                     # (not with --hugo: Hugo took 3.4 GB at 50000, ~20 GB here)
#
# What it does:
#   1. `cargo build --release` (the kieumau binary, target/release/kieumau).
#   2. For each SIZE, generates a site with the seeded generator into $BENCH_DIR/sites/<SIZE>:
#        cargo run --release --example generate -- --districts $DISTRICTS --branches SIZE \
#            --years $YEARS --out DIR --force
#      A site is reused when it was made by the same generator binary with the same arguments
#      (the generator is deterministic); REGEN=1 makes it anew.
#   3. Runs, each $RUNS times (default 3), under /usr/bin/time -v:
#        kieumau check --root SITE
#        kieumau build --root SITE --output <fresh folder>
#        kieumau build after a one-branch edit (incremental): a full and a no-op build into one
#          folder, then each run changes `members` in one branch file and builds again (the file is
#          restored at the end); the pages column of this row is the files the rebuild wrote
#        the first rebuild (`rebuild1`): each run makes a full build into a fresh folder, changes
#          `members` in one branch and builds again: what a clerk running `kieumau build` twice meets
#      and with --base, the same four with that binary (tool `base`)
#      and with --hugo, after `python3 bench/hugo_site.py SITE HUGO_SITE` (a Hugo site with one page
#      per branch: 10-row table, two paragraphs, inline 10-bar SVG; taxonomy pages per district,
#      type and year; see that script):
#        hugo --quiet -s HUGO_SITE -d <fresh folder>
#      Every run writes into a fresh, empty output folder, removed after the run.
#   4. Prints one table row per size and command with the median of the runs: wall time, CPU time
#      (user + system, which other load on the machine disturbs less than wall time), pages
#      (kieumau: from the build's summary line `Built N pages, ...`; Hugo: HTML files written),
#      pages/s, peak RSS in MB (median of the runs' maxima) and where the output went (tmpfs or disk).
#      The table is also saved to $BENCH_DIR/results-<date>.txt.
#
# Environment:
#   BENCH_DIR  sites, Hugo sites, logs and results (default /tmp/kieumau-bench)
#   OUT_DIR    where build outputs go (default /dev/shm/kieumau-bench-out when /dev/shm exists and
#              has room for the largest output, otherwise $BENCH_DIR/out)
#   DISTRICTS  districts of the generated sites (default 60); YEARS (default 2022-2025)
#   RUNS       runs per measurement (default 3; --runs N overrides)
#   REGEN=1    regenerate the sites even when they are up to date
#
# Needs: cargo, GNU time (/usr/bin/time, Debian package `time`), python3 >= 3.11 and, for --hugo,
# Debian's `hugo` (installed with apt-get when missing and running as root).
# The numbers are only as quiet as the machine: other processes on the same cores show up in them
# (the load average before each size is printed with the table).
set -euo pipefail
# The summary lines are read in English ("Built N pages").
export KIEUMAU_LANG=en

HUGO=0
BASE=
RUNS=${RUNS:-3}
SIZES=()
while (($#)); do
    case "$1" in
        --hugo) HUGO=1 ;;
        --base) BASE=$2; shift ;;
        --runs) RUNS=$2; shift ;;
        --runs=*) RUNS=${1#--runs=} ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        -*) echo "error: unknown option $1 (see --help)" >&2; exit 2 ;;
        *) [[ $1 =~ ^[0-9]+$ ]] || { echo "error: SIZE must be a number of branches, got $1" >&2; exit 2; }
           SIZES+=("$1") ;;
    esac
    shift
done
((${#SIZES[@]})) || SIZES=(10000 50000)
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "error: RUNS must be a positive number" >&2; exit 2; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/kieumau-bench}
DISTRICTS=${DISTRICTS:-60}
YEARS=${YEARS:-2022-2025}
TIME=/usr/bin/time
KIEUMAU=$ROOT/target/release/kieumau
GENERATE=$ROOT/target/release/examples/generate

if [[ -n $BASE ]]; then [[ -x $BASE ]] || { echo "error: --base $BASE is not an executable" >&2; exit 2; }; fi
[[ -x $TIME ]] || { echo "error: $TIME (GNU time) is missing: apt-get install -y time" >&2; exit 2; }
mkdir -p "$BENCH_DIR/sites" "$BENCH_DIR/logs"

if ((HUGO)) && ! command -v hugo >/dev/null; then
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
        echo "== installing hugo (apt-get install -y hugo)" >&2
        apt-get install -y hugo >/dev/null || { apt-get update >/dev/null && apt-get install -y hugo >/dev/null; }
    else
        echo "error: hugo is missing: sudo apt-get install -y hugo" >&2; exit 2
    fi
fi

echo "== cargo build --release" >&2
(cd "$ROOT" && cargo build --release --quiet && cargo build --release --quiet --example generate)

# Output folders: tmpfs when /dev/shm exists and has room (about 40 KB per branch for kieumau).
largest=0
for s in "${SIZES[@]}"; do if ((s > largest)); then largest=$s; fi; done
if [[ -z ${OUT_DIR:-} ]]; then
    OUT_DIR=$BENCH_DIR/out
    if [[ -d /dev/shm && -w /dev/shm ]]; then
        avail_kb=$(df -Pk /dev/shm | awk 'NR == 2 { print $4 }')
        if ((avail_kb > largest * 40 * 3 / 2)); then OUT_DIR=/dev/shm/kieumau-bench-out; fi
    fi
fi
mkdir -p "$OUT_DIR"
OUT_FS=$(df -PT "$OUT_DIR" | awk 'NR == 2 { print $2 }')
[[ $OUT_FS == tmpfs ]] || OUT_FS="disk ($OUT_FS)"

# median of numbers on stdin, one per line
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# wall seconds from /usr/bin/time -v's "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:01.23"
wall_of() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$1"; }
rss_of() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$1"; }
cpu_of() { awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$1"; }

RESULTS=()
row() { # size tool command wall pages rss_kb cpu_s
    local pps=-
    if [[ $5 != - ]]; then pps=$(awk -v p="$5" -v w="$4" 'BEGIN { printf "%.0f", (w > 0 ? p / w : 0) }'); fi
    RESULTS+=("$(printf '%-7s  %-8s  %-8s  %9.2f  %8.2f  %8s  %8s  %8.0f  %s' "$1" "$2" "$3" "$4" "$7" "$5" "$pps" \
        "$(awk -v k="$6" 'BEGIN { print k / 1024 }')" "$OUT_FS")")
    echo "   ${RESULTS[-1]}" >&2
}

# measure NAME PAGES_FN CMD...: runs CMD $RUNS times (the literal @OUT@ in CMD is replaced by a
# fresh output folder), sets WALL (median s), CPU (median user+sys s), RSS (median kB) and PAGES
# (median, via PAGES_FN LOG OUT)
measure() {
    local name=$1 pages_fn=$2; shift 2
    local walls=() cpus=() rsss=() pagess=() i out log tf args a
    for ((i = 1; i <= RUNS; i++)); do
        out=$OUT_DIR/$name-$i
        # with the state, previous tree and branch cache that builds keep beside their output
        rm -rf "$out" "$OUT_DIR/.$name-$i".*
        log=$BENCH_DIR/logs/$name-$i.log
        tf=$BENCH_DIR/logs/$name-$i.time
        args=()
        for a in "$@"; do args+=("${a//@OUT@/$out}"); done
        if ! "$TIME" -v -o "$tf" "${args[@]}" >"$log" 2>&1; then
            echo "error: ${args[*]} failed; see $log" >&2
            tail -5 "$log" >&2
            exit 1
        fi
        walls+=("$(wall_of "$tf")")
        cpus+=("$(cpu_of "$tf")")
        rsss+=("$(rss_of "$tf")")
        pagess+=("$("$pages_fn" "$log" "$out")")
        rm -rf "$out" "$OUT_DIR/.$name-$i".*
    done
    WALL=$(printf '%s\n' "${walls[@]}" | median)
    CPU=$(printf '%s\n' "${cpus[@]}" | median)
    RSS=$(printf '%s\n' "${rsss[@]}" | median)
    if [[ ${pagess[0]} == - ]]; then PAGES=-; else PAGES=$(printf '%s\n' "${pagess[@]}" | median); fi
}

# rebuild SIZE SITE: a full build and a no-op build into one folder, then $RUNS builds each after
# changing `members` in one branch file (restored at the end); sets WALL, CPU, RSS (medians) and
# PAGES (pages written by the last rebuild, from its summary `(N written, M unchanged)`)
rebuild() {
    local size=$1 site=$2 KIEUMAU=$3 dir=$OUT_DIR/inc-$1 branch walls=() cpus=() rsss=() i tf log
    rm -rf "$dir"; mkdir -p "$dir"
    "$KIEUMAU" build --root "$site" --output "$dir/output" >/dev/null 2>&1
    "$KIEUMAU" build --root "$site" --output "$dir/output" >/dev/null 2>&1
    branch=$(find "$site/content/districts" -mindepth 2 -name '*.toml' ! -name district.toml | sort | sed -n 1p)
    cp "$branch" "$dir/branch.orig"
    trap 'cp "$dir/branch.orig" "$branch"' EXIT
    for ((i = 1; i <= RUNS; i++)); do
        sed -i "s/^members = .*/members = $((100 + i))/" "$branch"
        tf=$BENCH_DIR/logs/rebuild-$size-$i.time
        log=$BENCH_DIR/logs/rebuild-$size-$i.log
        "$TIME" -v -o "$tf" "$KIEUMAU" build --root "$site" --output "$dir/output" >"$log" 2>&1
        walls+=("$(wall_of "$tf")"); cpus+=("$(cpu_of "$tf")"); rsss+=("$(rss_of "$tf")")
    done
    cp "$dir/branch.orig" "$branch"
    trap - EXIT
    WALL=$(printf '%s\n' "${walls[@]}" | median)
    CPU=$(printf '%s\n' "${cpus[@]}" | median)
    RSS=$(printf '%s\n' "${rsss[@]}" | median)
    PAGES=$(sed -n 's/^Built .* files (\([0-9]*\) written.*/\1/p' "$log" | tail -1)
    [[ -n $PAGES ]] || PAGES=-
    rm -rf "$dir" "$OUT_DIR/.inc-$size".*
}

# rebuild1 SIZE SITE BINARY: $RUNS times a full build into a fresh folder, a `members` edit of one
# branch, and the build after it (measured); sets WALL, CPU, RSS and PAGES like `rebuild`
rebuild1() {
    local size=$1 site=$2 bin=$3 dir=$OUT_DIR/first-$1 branch walls=() cpus=() rsss=() i tf log
    branch=$(find "$site/content/districts" -mindepth 2 -name '*.toml' ! -name district.toml | sort | sed -n 1p)
    cp "$branch" "$BENCH_DIR/branch.orig"
    trap 'cp "$BENCH_DIR/branch.orig" "$branch"' EXIT
    for ((i = 1; i <= RUNS; i++)); do
        rm -rf "$dir" "$OUT_DIR/.first-$size".*; mkdir -p "$dir"
        cp "$BENCH_DIR/branch.orig" "$branch"
        "$bin" build --root "$site" --output "$dir/output" >/dev/null 2>&1
        sed -i "s/^members = .*/members = $((200 + i))/" "$branch"
        tf=$BENCH_DIR/logs/rebuild1-$size-$i.time
        log=$BENCH_DIR/logs/rebuild1-$size-$i.log
        "$TIME" -v -o "$tf" "$bin" build --root "$site" --output "$dir/output" >"$log" 2>&1
        walls+=("$(wall_of "$tf")"); cpus+=("$(cpu_of "$tf")"); rsss+=("$(rss_of "$tf")")
    done
    cp "$BENCH_DIR/branch.orig" "$branch"
    trap - EXIT
    WALL=$(printf '%s\n' "${walls[@]}" | median)
    CPU=$(printf '%s\n' "${cpus[@]}" | median)
    RSS=$(printf '%s\n' "${rsss[@]}" | median)
    PAGES=$(sed -n 's/^Built .* files (\([0-9]*\) written.*/\1/p' "$log" | tail -1)
    [[ -n $PAGES ]] || PAGES=-
    rm -rf "$dir" "$OUT_DIR/.first-$size".*
}

no_pages() { echo -; }
kieumau_pages() { sed -n 's/^Built \([0-9]*\) pages.*/\1/p' "$1" | tail -1; }
html_files() { find "$2" -name '*.html' | wc -l; }

# the commit measured, with +dirty when the work tree differs from it
version() {
    local rev
    if ! rev=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null); then echo '?'; return; fi
    git -C "$ROOT" diff --quiet HEAD 2>/dev/null || rev+=+dirty
    echo "$rev"
}

LOADS=()
for size in "${SIZES[@]}"; do
    site=$BENCH_DIR/sites/$size
    stamp="generate $(sha256sum "$GENERATE" | cut -c1-16) --districts $DISTRICTS --branches $size --years $YEARS"
    if [[ ${REGEN:-0} == 1 || ! -f $site/.bench-stamp || $(cat "$site/.bench-stamp") != "$stamp" ]]; then
        echo "== generating $size branches into $site" >&2
        rm -f "$site/.bench-stamp"
        glog=$BENCH_DIR/logs/generate-$size.log
        if ! (cd "$ROOT" && cargo run --release --quiet --example generate -- --districts "$DISTRICTS" \
            --branches "$size" --years "$YEARS" --out "$site" --force) >"$glog" 2>&1; then
            cat "$glog" >&2
            exit 1
        fi
        echo "$stamp" >"$site/.bench-stamp"
    fi
    LOADS+=("$size: $(cut -d' ' -f1-3 /proc/loadavg)")

    tools=("kieumau:$KIEUMAU")
    [[ -z $BASE ]] || tools+=("base:$BASE")
    for tool in "${tools[@]}"; do
        name=${tool%%:*} bin=${tool#*:}
        echo "== $size branches: $name check" >&2
        measure "check-$size" no_pages "$bin" check --root "$site"
        row "$size" "$name" check "$WALL" "$PAGES" "$RSS" "$CPU"

        echo "== $size branches: $name build" >&2
        measure "build-$size" kieumau_pages "$bin" build --root "$site" --output @OUT@
        row "$size" "$name" build "$WALL" "$PAGES" "$RSS" "$CPU"

        echo "== $size branches: $name build after a one-branch edit (incremental)" >&2
        rebuild "$size" "$site" "$bin"
        row "$size" "$name" rebuild "$WALL" "$PAGES" "$RSS" "$CPU"

        echo "== $size branches: $name first build after a one-branch edit following a full build" >&2
        rebuild1 "$size" "$site" "$bin"
        row "$size" "$name" rebuild1 "$WALL" "$PAGES" "$RSS" "$CPU"
    done

    if ((HUGO)); then
        hsite=$BENCH_DIR/hugo/$size
        if [[ ! -f $hsite/.bench-stamp || $(cat "$hsite/.bench-stamp") != "$stamp $(sha256sum "$ROOT/bench/hugo_site.py")" ]]; then
            echo "== writing the Hugo site for $size branches into $hsite" >&2
            rm -f "$hsite/.bench-stamp"
            python3 "$ROOT/bench/hugo_site.py" "$site" "$hsite"
            echo "$stamp $(sha256sum "$ROOT/bench/hugo_site.py")" >"$hsite/.bench-stamp"
        fi
        echo "== $size branches: hugo" >&2
        measure "hugo-$size" html_files hugo --quiet -s "$hsite" -d @OUT@
        row "$size" hugo build "$WALL" "$PAGES" "$RSS" "$CPU"
    fi
done
rmdir "$OUT_DIR" 2>/dev/null || true

{
    echo "kieumau $(version)," \
        "$(nproc) CPUs, median of $RUNS runs, $DISTRICTS districts, years $YEARS," \
        "$(((HUGO)) && hugo version | cut -d' ' -f2 | cut -d+ -f1 | sed 's/^/hugo /' || echo 'no hugo')"
    echo "load average before each size: ${LOADS[*]}"
    printf '%-7s  %-8s  %-8s  %9s  %8s  %8s  %8s  %8s  %s\n' size tool command 'wall (s)' 'CPU (s)' pages pages/s \
        'RSS (MB)' output
    printf '%s\n' "${RESULTS[@]}"
} | tee "$BENCH_DIR/results-$(date +%Y%m%d-%H%M%S).txt"
