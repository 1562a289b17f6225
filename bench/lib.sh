#!/usr/bin/env bash
# Shared plumbing for the load benchmarks: build NeonPro in Release, start it on loopback with its own data
# folder, sign in through the real form (antiforgery token and cookie jar), and summarise timings.
# Every request goes to 127.0.0.1 only; loops are bounded.
set -euo pipefail
trap 'echo "bench: failed at ${BASH_SOURCE[0]}:$LINENO: $BASH_COMMAND" >&2' ERR

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_PORT=${BENCH_PORT:-5391}
BENCH_URL="http://127.0.0.1:$BENCH_PORT"
BENCH_DATA=${BENCH_DATA:-$BENCH_ROOT/bench/results/data}
BENCH_DLL="$BENCH_ROOT/bench/results/app/NeonPro.Web.dll"
BENCH_JAR=$(mktemp)
BENCH_PID=""

bench_build() {
  mkdir -p "$BENCH_ROOT/bench/results"
  dotnet publish "$BENCH_ROOT/NeonPro.Web" -c Release -o "$BENCH_ROOT/bench/results/app" -nologo -v:q >/dev/null
}

bench_verb() {
  (cd "$BENCH_ROOT/NeonPro.Web" && NeonPro__DataFolder="$BENCH_DATA" ASPNETCORE_ENVIRONMENT=Production dotnet "$BENCH_DLL" "$@")
}

# Seeds the large demo set once; later runs reuse the data folder (delete bench/results/data to start over).
bench_seed_large() {
  mkdir -p "$BENCH_DATA"
  if [ ! -f "$BENCH_DATA/.seeded-large" ]; then
    echo "seeding the large demo set (once)..." >&2
    bench_verb seed-demo --size large >/dev/null
    touch "$BENCH_DATA/.seeded-large"
  fi
}

bench_start() {
  # Another server on the port would answer /health and be measured instead of this build.
  if curl -fs "$BENCH_URL/health" >/dev/null 2>&1; then echo "port $BENCH_PORT is already in use; stop that server or set BENCH_PORT" >&2; return 1; fi
  (cd "$BENCH_ROOT/NeonPro.Web" && NeonPro__DataFolder="$BENCH_DATA" ASPNETCORE_ENVIRONMENT=Production \
    Security__SignInAttemptsPerMinutePerIp=1000 Logging__LogLevel__Default=Warning \
    dotnet "$BENCH_DLL" --urls "$BENCH_URL" >"$BENCH_ROOT/bench/results/server.log" 2>&1) &
  BENCH_PID=$!
  for _ in $(seq 1 120); do
    curl -fs "$BENCH_URL/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "the app did not answer /health in 120 s" >&2
  return 1
}

bench_stop() {
  [ -n "$BENCH_PID" ] && kill "$BENCH_PID" 2>/dev/null || true
  pkill -f "NeonPro.Web.dll --urls $BENCH_URL" 2>/dev/null || true
  rm -f "$BENCH_JAR"
}

# The antiforgery token a page carries (form field or the meta tag htmx reads).
bench_token() {
  curl -fs -b "$BENCH_JAR" -c "$BENCH_JAR" "$BENCH_URL$1" \
    | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"\|name="request-verification-token" content="[^"]*"' \
    | head -n 1 | sed 's/.*\(value\|content\)="\([^"]*\)"/\2/'
}

bench_sign_in() {
  local email=$1 password=$2 token
  token=$(bench_token /Identity/Account/Login)
  curl -fs -o /dev/null -b "$BENCH_JAR" -c "$BENCH_JAR" \
    --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" \
    --data-urlencode "__RequestVerificationToken=$token" "$BENCH_URL/Identity/Account/Login"
}

# One timed htmx request: prints "<server s> <curl time_total s> <http code>". The server time is the dur of the
# answer's Server-Timing header (queries and rendering, measured inside the app; NaN when absent; BENCH_PART=name
# prints that part's dur, e.g. audit-query, as a fourth column). Extra curl
# arguments (a form's fields) follow the path; BENCH_BODY names a file to keep the answer in.
bench_timed() {
  local path=$1; shift
  local headers out server part
  headers=$(mktemp)
  out=$(curl -s -o "${BENCH_BODY:-/dev/null}" -D "$headers" -b "$BENCH_JAR" -H 'HX-Request: true' -w '%{http_code} %{time_total}' "$@" "$BENCH_URL$path")
  # The last Server-Timing line is the total (TimeFromHere writes it when the answer starts; parts come before it).
  server=$( (grep -i '^server-timing:' "$headers" || true) | tail -n 1 | sed 's/.*dur=\([0-9.]*\).*/\1/' | tr -d '\r')
  part=""
  if [ -n "${BENCH_PART:-}" ]; then
    part=$( (grep -i "^server-timing: *$BENCH_PART;dur=" "$headers" || true) | head -n 1 | sed 's/.*dur=\([0-9.]*\).*/\1/' | tr -d '\r')
  fi
  rm -f "$headers"
  awk -v ms="${server:-NaN}" -v total="${out#* }" -v code="${out%% *}" -v part="${part:-NaN}" -v want="${BENCH_PART:-}" \
    'BEGIN { printf "%s %s %s", (ms == "NaN" ? "NaN" : sprintf("%.6f", ms / 1000)), total, code;
      if (want != "") printf " %s", (part == "NaN" ? "NaN" : sprintf("%.6f", part / 1000)); printf "\n" }'
}

# Reads seconds (one per line) on stdin; prints "n=… median=… ms p95=… ms" (nearest-rank percentiles).
bench_summary() {
  sort -g | awk '{ v[NR] = $1 * 1000 } END {
    if (NR == 0) { print "n=0"; exit }
    m = v[int((NR + 1) / 2)]; p = v[int(NR * 0.95 + 0.999999)]; if (p == "") p = v[NR];
    printf "n=%d median=%.1f ms p95=%.1f ms max=%.1f ms\n", NR, m, p, v[NR] }'
}
