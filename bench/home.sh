#!/usr/bin/env bash
# Benchmark of the home page ("Início", each role's day) on the large demo set: the server time (the answer's
# Server-Timing) and curl's time_total of GET / signed in as each demo role (receptionist, professional, manager) and as
# an admin. Target (issue 12): p95 < 100 ms server time for every role.
# The demo accounts' passwords come from the seed-demo report bench_seed_large keeps beside the data (seed-demo.txt);
# a data folder seeded before it kept that report has none: delete bench/results/data to seed again.
# Usage: bench/home.sh [runs per role, default 60]   (BENCH_SKIP_BUILD=1 reuses the last published build; BENCH_PORT
# defaults to 5392 here, so it can run beside the other benchmarks)
export BENCH_PORT=${BENCH_PORT:-5392}
source "$(dirname "$0")/lib.sh"
RUNS=${1:-60}
WARMUP=${WARMUP:-100}
RESULTS="$BENCH_ROOT/bench/results"
trap bench_stop EXIT

[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || bench_build
bench_seed_large
ADMIN=bench-admin@neonpro.local
ADMIN_PASSWORD="bench $(date +%s) long enough password"
bench_verb create-admin --email "$ADMIN" --password "$ADMIN_PASSWORD" >/dev/null
bench_start

# "demo account (Receptionist): recepcao@demo.neonpro.local  password: Xy...  (shown once; ...)"
demo_account() { grep -o "demo account ($1): [^ ]*  password: [^ ]*" "$BENCH_DATA/seed-demo.txt" 2>/dev/null | head -n 1 | sed 's/.*: \([^ ]*\)  password: \(.*\)/\1 \2/'; }

measure() {
  local role=$1 email=$2 password=$3 file="$RESULTS/home-$1.txt" html
  : > "$BENCH_JAR"
  bench_sign_in "$email" "$password"
  html=$(curl -fs -b "$BENCH_JAR" "$BENCH_URL/")
  if ! grep -q 'data-testid="signed-in-user"' <<<"$html"; then echo "$role: could not sign in as $email" >&2; return 1; fi
  # What the page listed, so the figures are read against a page that did its work.
  echo "home page as $role ($RUNS requests; $(wc -c <<<"$html") bytes; sections: $(grep -o 'data-testid="\(home-[a-z-]*\|needs-attention\)"' <<<"$html" | sed 's/.*="\(.*\)"/\1/' | tr '\n' ' '))"
  for _ in $(seq 1 "$WARMUP"); do curl -fs -o /dev/null -b "$BENCH_JAR" "$BENCH_URL/"; done
  for _ in $(seq 1 "$RUNS"); do bench_timed "/"; done >"$file"
  echo "  server time (Server-Timing) $(awk '$3 == 200 { print $1 }' "$file" | bench_summary)"
  echo "  curl time_total (loopback)  $(awk '$3 == 200 { print $2 }' "$file" | bench_summary)"
  awk '$3 != 200 { n++ } END { if (n) printf "  %d answers were not 200 and are left out\n", n }' "$file"
}

for role in Receptionist Professional Manager; do
  read -r email password <<<"$(demo_account "$role")"
  if [ -z "${email:-}" ]; then echo "$role: no demo password in $BENCH_DATA/seed-demo.txt (seeded before the report was kept?); skipped" >&2; continue; fi
  measure "$(tr '[:upper:]' '[:lower:]' <<<"$role")" "$email" "$password"
done
measure admin "$ADMIN" "$ADMIN_PASSWORD"
