#!/usr/bin/env bash
# Benchmark of the audit trail on the large demo set (its seeded history: millions of chained rows).
# 1. `audit verify` of the whole chain, RUNS times: the verb's own time and rows/s, and the process's peak RSS
#    (/usr/bin/time -v; the whole process, start-up included). Target (issue 10): at least 200,000 rows/s, memory flat.
# 2. The Audit page's table (the htmx handler a filter change calls) filtered by user, by entity and by a date range:
#    median and p95 of the server time (the answers' Server-Timing). Target: p95 < 100 ms.
# Usage: bench/audit.sh [requests-per-filter, default 60]   (BENCH_SKIP_BUILD=1 reuses the last published build; RUNS=3)
source "$(dirname "$0")/lib.sh"
REQUESTS=${1:-60}
RUNS=${RUNS:-3}
WARMUP=${WARMUP:-40}
RESULTS="$BENCH_ROOT/bench/results"
trap bench_stop EXIT

[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || bench_build
bench_seed_large
# A set seeded before the history seeder existed gets its history now (seed-demo is idempotent: only what is missing).
if [ ! -f "$BENCH_DATA/.seeded-audit-history" ]; then
  echo "writing the large set's audit history (once)..." >&2
  bench_verb seed-demo --size large >/dev/null
  touch "$BENCH_DATA/.seeded-audit-history"
fi

echo "audit verify, whole chain ($RUNS runs)"
: >"$RESULTS/verify.txt"
for _ in $(seq 1 "$RUNS"); do
  out=$( (cd "$BENCH_ROOT/NeonPro.Web" && NeonPro__DataFolder="$BENCH_DATA" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    /usr/bin/time -v dotnet "$BENCH_DLL" audit verify) 2>&1 || true)
  rows=$(sed -n 's/^rows checked: \([0-9]*\) in \([0-9.]*\) s (\([0-9]*\) rows\/s)$/\1 \2 \3/p' <<<"$out")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\)/\1/p' <<<"$out")
  # CPU seconds of the whole process (start-up included): on a shared machine the wall time also counts the waits
  # for a core, so rows per CPU second is the figure that does not depend on the neighbours.
  cpu=$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 } END { print s }' <<<"$out")
  verdict=$(sed -n 's/^verdict: //p' <<<"$out")
  echo "$rows $rss $cpu $verdict" >>"$RESULTS/verify.txt"
done
sort -k2 -g "$RESULTS/verify.txt" | awk -v n="$RUNS" '{ r[NR] = $0 } END { split(r[int((NR + 1) / 2)], m, " ");
  printf "  rows checked %d, verdict %s; median of %d: %.1f s, %.0f rows/s, peak RSS %.0f MB, %.1f CPU s (%.0f rows per CPU s)\n",
    m[1], m[6], n, m[2], m[3], m[4] / 1024, m[5], m[1] / m[5] }'
awk '{ printf "  run: %s rows in %s s (%s rows/s), peak RSS %.0f MB, %s CPU s, %s\n", $1, $2, $3, $4 / 1024, $5, $6 }' "$RESULTS/verify.txt"
echo "  machine load while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

ADMIN=bench-admin@neonpro.local
PASSWORD="bench $(date +%s) long enough password"
bench_verb create-admin --email "$ADMIN" --password "$PASSWORD" --name "Bench Admin" >/dev/null
bench_start
bench_sign_in "$ADMIN" "$PASSWORD"

# The filters a manager uses: the jobs' and verbs' own rows (millions, "sistema"), a member of staff (the bench admin:
# a handful of rows among millions), an entity type (every appointment's rows), and a month a year ago.
ADMIN_ID=$(curl -fs -b "$BENCH_JAR" "$BENCH_URL/Compliance/Audit" | tr '\n' ' ' | grep -o '<option value="[0-9a-f-]\{36\}"[^>]*>Bench Admin' | head -n 1 | sed 's/.*value="\([^"]*\)".*/\1/')
FROM=$(date -d "today - 1 year" +%Y-%m-01)
TO=$(date -d "$FROM + 1 month - 1 day" +%F)
declare -A FILTERS=(
  ["user=sistema"]="user=sistema"
  ["user=<bench admin>"]="user=$ADMIN_ID"
  ["entity=Appointment"]="entity=Appointment"
  ["entity=Patient"]="entity=Patient"
  ["from=$FROM to=$TO"]="from=$FROM&to=$TO"
  ["entity=Appointment from=$FROM to=$TO"]="entity=Appointment&from=$FROM&to=$TO"
)
for name in "user=sistema" "user=<bench admin>" "entity=Appointment" "entity=Patient" "from=$FROM to=$TO" "entity=Appointment from=$FROM to=$TO"; do
  path="/Compliance/Audit?handler=Entries&${FILTERS[$name]}"
  for _ in $(seq 1 "$WARMUP"); do curl -fs -o /dev/null -b "$BENCH_JAR" -H 'HX-Request: true' "$BENCH_URL$path"; done
  for _ in $(seq 1 "$REQUESTS"); do BENCH_PART=audit-query bench_timed "$path"; done >"$RESULTS/audit-page.txt"
  shown=$(curl -fs -b "$BENCH_JAR" -H 'HX-Request: true' "$BENCH_URL$path" | grep -c "data-sequence=" || true)
  echo "audit page, $name ($REQUESTS requests, $shown table rows on the first page)"
  echo "  server time (Server-Timing) $(awk '$3 == 200 { print $1 }' "$RESULTS/audit-page.txt" | bench_summary)"
  echo "    of which queries (audit-query) $(awk '$3 == 200 && $4 != "NaN" { print $4 }' "$RESULTS/audit-page.txt" | bench_summary)"
  awk '$3 != 200 { n++ } END { if (n) printf "  %d answers were not 200 and are left out\n", n }' "$RESULTS/audit-page.txt"
done
