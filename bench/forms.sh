#!/usr/bin/env bash
# bench/forms.sh: wall time and peak memory of `kieumau forms` and of importing the workbooks back
# (issue 16's speed bars: forms for a 50,000-branch site of 60 districts in <= 10 s; 13 filled
# workbooks covering the sample's 1,550 branches imported in <= 2 s; memory linear in the rows).
#
# Usage: bench/forms.sh [SIZE ...]     # SIZE = branches of a generated site; default: 10000 50000
#
# What it does, each run under /usr/bin/time -v (median of $RUNS runs, default 3):
#   1. for each SIZE, a site from the seeded generator (60 districts, 2022-2025, as bench/run.sh),
#      then `kieumau forms --year 2025 --out <fresh folder>`;
#   2. on a copy of the shipped sample (13 districts, 1,550 branches): `kieumau forms --year 2025`,
#      then `kieumau import forms/*.xlsx --year 2025` (the workbooks as they came: every row read,
#      checked and compared, no file changed).
# Environment: BENCH_DIR (default /tmp/kieumau-bench), RUNS.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/kieumau-bench}
RUNS=${RUNS:-3}
SIZES=("$@")
((${#SIZES[@]})) || SIZES=(10000 50000)
KM=$ROOT/target/release/kieumau
(cd "$ROOT" && cargo build --release --quiet && cargo build --release --quiet --example generate)
mkdir -p "$BENCH_DIR"

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

echo "kieumau $(git -C "$ROOT" log -1 --format=%h) · $(nproc) cores · runs: $RUNS · $(date -u +%F)"
for size in "${SIZES[@]}"; do
    site=$BENCH_DIR/sites/$size
    if [[ ! -f $site/content/site.toml ]]; then
        "$ROOT/target/release/examples/generate" --districts 60 --branches "$size" --years 2022-2025 --out "$site" --force >/dev/null
    fi
    out=$BENCH_DIR/forms-out
    BEFORE="rm -rf '$out'" measure "forms --year 2025 ($size branches, 60 districts)" "$KM" forms --root "$site" --year 2025 --out "$out"
    echo "  $(ls "$out" | wc -l) workbooks, $(du -sm "$out" | cut -f1) MB"
done

sample=$BENCH_DIR/sample
rm -rf "$sample" && mkdir -p "$sample" && cp -r "$ROOT/content" "$sample/"
"$KM" forms --root "$sample" --year 2025 >/dev/null 2>&1
BEFORE= measure "import 13 workbooks (1,550 branches)" "$KM" import --root "$sample" --year 2025 $(ls "$sample"/forms/*.xlsx)
