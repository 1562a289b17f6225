#!/usr/bin/env bash
# Benchmark of the patient search (the box in every page's navigation) on the large demo set (100,000 patients).
# 200 varied queries per run, as htmx sends them while typing: name fragments without accents (one, two and three
# words, whole or partial), CPF prefixes (3 to 11 digits, some punctuated) and phone suffixes (4 to 11 digits).
# Reports, per run, median and p95 of the server time (the Server-Timing header of the search endpoint: query and
# rendering, measured inside the app) and of curl's time_total on loopback, and how many queries found someone.
# Target (issue 3): p95 < 50 ms.
# Usage: bench/patient-search.sh [runs, default 3]   (BENCH_SKIP_BUILD=1 reuses the last published build)
BENCH_PORT=${BENCH_PORT:-5392}
source "$(dirname "$0")/lib.sh"
RUNS=${1:-3}

# The server runs as this script's child and is stopped by its process id (exec makes the subshell's pid the app's).
bench_start() {
  (cd "$BENCH_ROOT/NeonPro.Web" && NeonPro__DataFolder="$BENCH_DATA" ASPNETCORE_ENVIRONMENT=Production \
    Security__SignInAttemptsPerMinutePerIp=1000 Logging__LogLevel__Default=Warning \
    exec dotnet "$BENCH_DLL" --urls "$BENCH_URL" >"$BENCH_ROOT/bench/results/server-patients.log" 2>&1) &
  BENCH_PID=$!
  for _ in $(seq 1 120); do
    curl -fs "$BENCH_URL/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "the app did not answer /health in 120 s" >&2
  return 1
}
bench_stop() {
  if [ -n "$BENCH_PID" ]; then kill "$BENCH_PID" 2>/dev/null || true; wait "$BENCH_PID" 2>/dev/null || true; fi
  rm -f "$BENCH_JAR"
}
trap bench_stop EXIT

[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || bench_build
bench_seed_large
ADMIN=bench-admin@neonpro.local
PASSWORD="bench $(date +%s) long enough password"
bench_verb create-admin --email "$ADMIN" --password "$PASSWORD" >/dev/null
bench_start
bench_sign_in "$ADMIN" "$PASSWORD"

# Fixed seed: every run of the script asks the same 200 questions.
RANDOM=2026
FIRST=(joao maria ana jose paulo lucas julia pedro beatriz carla fernanda rafael gabriel larissa mariana bruno camila
  helena vitor isabela leticia gustavo amanda thiago renata felipe marcos patricia sofia heloisa)
LAST=(silva santos oliveira souza rodrigues ferreira alves pereira lima gomes costa ribeiro martins carvalho almeida
  lopes soares fernandes vieira barbosa rocha dias nascimento andrade moreira nunes marques machado mendes freitas
  goncalves araujo cavalcanti magalhaes conceicao)
PARTICLES=(da de dos)
# Helpers set REPLY instead of printing: $(...) would run them in a subshell, whose RANDOM bash reseeds.
prefix() { REPLY=${1:0:$(( 2 + RANDOM % 4 ))}; }
digits() { local i; REPLY=""; for ((i = 0; i < $1; i++)); do REPLY+=$(( RANDOM % 10 )); done; }
DDD=(11 11 11 21 31 41 51 61 71 81 19 13)

QUERIES=()
for i in $(seq 1 200); do
  f=${FIRST[$((RANDOM % ${#FIRST[@]}))]}
  l=${LAST[$((RANDOM % ${#LAST[@]}))]}
  case $(( i % 8 )) in
    0) QUERIES+=("$f") ;;                                   # a first name
    1) prefix "$l"; QUERIES+=("$f $REPLY") ;;               # "joao sil"
    2) prefix "$f"; a=$REPLY; prefix "$l"; QUERIES+=("$a $REPLY") ;; # "jo si"
    3) QUERIES+=("$l") ;;                                   # a surname
    4) QUERIES+=("$f ${PARTICLES[$((RANDOM % 3))]} $l") ;;  # "maria dos santos"
    5) digits $(( 3 + RANDOM % 9 )); QUERIES+=("$REPLY") ;; # CPF prefix, 3 to 11 digits
    6) digits 3; a=$REPLY; digits 3; QUERIES+=("$a.$REPLY") ;; # CPF typed with its dot
    7) case $(( RANDOM % 3 )) in                            # phone: last 4 or 8 digits, or the whole number
         0) digits 4; QUERIES+=("$REPLY") ;;
         1) digits 3; a=$REPLY; digits 4; QUERIES+=("9$a-$REPLY") ;;
         2) digits 4; a=$REPLY; digits 4; QUERIES+=("(${DDD[$((RANDOM % ${#DDD[@]}))]}) 9$a-$REPLY") ;;
       esac ;;
  esac
done

RESULTS="$BENCH_ROOT/bench/results"
search() { # query -> "server_ms total_s options"
  local body server total code
  body=$(mktemp)
  read -r server total code < <(BENCH_BODY="$body" bench_timed "/Patients" -G --data-urlencode "handler=Search" --data-urlencode "q=$1")
  echo "$(awk -v s="$server" 'BEGIN { print (s == "NaN" ? "NaN" : s * 1000) }') $total $(grep -c 'role="option"' "$body" || true)"
  rm -f "$body"
}

# A data folder seeded before patients had demo data would measure an empty table.
if [ "$(search silva | cut -d' ' -f3)" = "0" ]; then
  echo "the seeded data has no demo patients: delete $BENCH_DATA and run again" >&2
  exit 1
fi

# Warm-up: the first requests compile the query and the view.
for q in "${QUERIES[@]:0:20}"; do search "$q" >/dev/null; done

echo "patient search on the large demo set: ${#QUERIES[@]} queries per run, $RUNS runs"
SERVER_RUNS=()
CURL_RUNS=()
for run in $(seq 1 "$RUNS"); do
  out="$RESULTS/patient-search-run$run.txt"
  for q in "${QUERIES[@]}"; do echo "$(search "$q") $q"; done >"$out"
  hits=$(awk '$3 > 0' "$out" | wc -l)
  SERVER_RUNS[run]=$(awk '{ print $1 / 1000 }' "$out" | bench_summary)
  CURL_RUNS[run]=$(awk '{ print $2 }' "$out" | bench_summary)
  echo "run $run: server time (Server-Timing) ${SERVER_RUNS[run]}"
  echo "run $run: curl time_total (loopback)  ${CURL_RUNS[run]}"
  echo "run $run: queries that found someone: $hits of ${#QUERIES[@]}"
done
# The median over the runs of each run's median and p95.
median_of() { # field (median|p95), runs...
  local field=$1; shift
  printf '%s\n' "$@" | sed "s/.*$field=\([0-9.]*\) ms.*/\1/" | sort -g | awk '{ v[NR] = $1 } END { printf "%.1f ms", v[int((NR + 1) / 2)] }'
}
echo "median of $RUNS runs: server time median $(median_of median "${SERVER_RUNS[@]}"), p95 $(median_of p95 "${SERVER_RUNS[@]}");" \
  "curl time_total median $(median_of median "${CURL_RUNS[@]}"), p95 $(median_of p95 "${CURL_RUNS[@]}") (target: p95 < 50 ms)"
echo "slowest queries of the last run (server ms, results, query):"
sort -g -r "$RESULTS/patient-search-run$RUNS.txt" | head -n 5 | awk '{ q = $4; for (i = 5; i <= NF; i++) q = q " " $i; printf "  %.1f ms  %d  %s\n", $1, $3, q }'
