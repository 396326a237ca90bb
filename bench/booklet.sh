#!/usr/bin/env bash
# bench/booklet.sh: wall time and peak memory of the year's report (issue 17's bars: the PDF of the
# 1,550-branch sample in <= 15 s, its Word file in <= 3 s; the Word file of a 50,000-branch site in
# <= 60 s and <= 1 GiB).
#
# Usage: bench/booklet.sh [SIZE ...]     # SIZE = branches of a generated site; default: 50000
#
# Runs, each $RUNS times (default 3) under /usr/bin/time -v, median wall time and peak RSS:
#   kieumau booklet --year 2025 --docx    on the shipped sample and on each generated site
#   kieumau booklet --year 2025 --pdf     on the shipped sample (needs Chromium)
# Environment: BENCH_DIR (default /tmp/kieumau-bench), RUNS.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/kieumau-bench}
RUNS=${RUNS:-3}
SIZES=("$@")
((${#SIZES[@]})) || SIZES=(50000)
KM=$ROOT/target/release/kieumau
(cd "$ROOT" && cargo build --release --quiet && cargo build --release --quiet --example generate)
mkdir -p "$BENCH_DIR"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

echo "kieumau $(git -C "$ROOT" log -1 --format=%h) · $(nproc) cores · runs: $RUNS · $(date -u +%F)"
out=$BENCH_DIR/booklet-out
mkdir -p "$out"
measure "docx, sample (1,550 branches)" "$KM" booklet --root "$ROOT" --year 2025 --docx "$out/sample.docx"
echo "  $(du -k "$out/sample.docx" | cut -f1) KB"
if "$KM" booklet --help >/dev/null 2>&1 && command -v chromium >/dev/null 2>&1; then
    RUNS=1 measure "pdf, sample (1,550 branches)" "$KM" booklet --root "$ROOT" --year 2025 --pdf "$out/sample.pdf"
    echo "  $(pdfinfo "$out/sample.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}') pages"
fi
for size in "${SIZES[@]}"; do
    site=$BENCH_DIR/sites/$size
    if [[ ! -f $site/content/site.toml ]]; then
        "$ROOT/target/release/examples/generate" --districts 60 --branches "$size" --years 2022-2025 --out "$site" --force >/dev/null
    fi
    measure "docx, $size branches (60 districts)" "$KM" booklet --root "$site" --year 2025 --docx "$out/$size.docx"
    echo "  $(du -m "$out/$size.docx" | cut -f1) MB"
done
