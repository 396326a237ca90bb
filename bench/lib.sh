# bench/lib.sh: shared by bench/forms.sh and bench/booklet.sh.
# measure LABEL CMD...: runs CMD $RUNS times under /usr/bin/time -v (after $BEFORE, when set) and
# prints the median wall seconds and the median peak RSS in MB.
measure() {
    local label=$1; shift
    local walls=() rss=() log
    for ((i = 0; i < RUNS; i++)); do
        log=$(mktemp)
        [[ -n ${BEFORE:-} ]] && eval "$BEFORE"
        /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log"; exit 1; }
        walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(j=1;j<=n;j++) s=s*60+t[j]; print s}' "$log")")
        rss+=("$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$log")")
        rm -f "$log"
    done
    local wall mem
    wall=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    mem=$(printf '%s\n' "${rss[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf '%-44s %8.2f s %8s MB\n' "$label" "$wall" "$mem"
}

