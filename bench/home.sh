#!/usr/bin/env bash
# Benchmark of the home page ("Início", each role's day) on the large demo set: the server time (the answer's
# Server-Timing) and curl's time_total of GET / signed in as each demo role (receptionist, professional, manager) and as
# an admin. Target (issue 12): p95 < 100 ms server time for every role.
# seed-demo prints the demo accounts' passwords once and the seeding step does not keep them, so the bench admin sets
# a fresh password for each demo account through the Users page's own reset form, then signs in as each.
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

# The id of the staff account with this e-mail, from the admin's Users list (one row per account).
user_id_of() {
  curl -fs -b "$BENCH_JAR" "$BENCH_URL/Admin/Users" | tr '\n' ' ' | sed 's/<tr /\n<tr /g' | grep -F "$1" \
    | grep -o 'data-user-id="[^"]*"' | head -n 1 | sed 's/.*="\(.*\)"/\1/'
}

# Sets the account's password through the Users page's reset form, as the signed-in admin.
reset_password() {
  local id token
  id=$(user_id_of "$1")
  [ -n "$id" ] || { echo "no account $1 on /Admin/Users" >&2; return 1; }
  token=$(bench_token /Admin/Users)
  curl -fs -o /dev/null -b "$BENCH_JAR" -c "$BENCH_JAR" -H 'HX-Request: true' --data-urlencode "newPassword=$2" \
    --data-urlencode "__RequestVerificationToken=$token" "$BENCH_URL/Admin/Users?handler=ResetPassword&id=$id"
}

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

DEMO_PASSWORD="bench demo $(date +%s) long enough"
bench_sign_in "$ADMIN" "$ADMIN_PASSWORD"
for email in recepcao@demo.neonpro.local profissional@demo.neonpro.local gerente@demo.neonpro.local; do
  reset_password "$email" "$DEMO_PASSWORD"
done
measure receptionist recepcao@demo.neonpro.local "$DEMO_PASSWORD"
measure professional profissional@demo.neonpro.local "$DEMO_PASSWORD"
measure manager gerente@demo.neonpro.local "$DEMO_PASSWORD"
measure admin "$ADMIN" "$ADMIN_PASSWORD"
