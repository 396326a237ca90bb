#!/bin/sh
# Runs each fuzz target for SECONDS (default 600), one at a time, at the lowest priority, on a
# corpus seeded from fuzz/seeds/ (copied from tests/fixtures). Needs cargo-fuzz; on a stable
# toolchain RUSTC_BOOTSTRAP=1 enables the nightly flags cargo-fuzz passes.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]
cd "$(dirname "$0")/.." || exit 1
secs=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-note branch criteria site serve_path sheet_csv sheet_xlsx}
for t in $targets; do
    mkdir -p "fuzz/corpus/$t"
    cp -n fuzz/seeds/"$t"/* "fuzz/corpus/$t/" 2>/dev/null
    RUSTC_BOOTSTRAP=1 nice -n 19 cargo fuzz run --sanitizer none -O "$t" "fuzz/corpus/$t" -- \
        -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
        > "fuzz/$t.log" 2>&1
    echo "$t: exit $?"
done
