#!/usr/bin/env bash
# Benchmark of the scheduling grid and of booking, on the large demo set (12 professionals, 1,000,000
# appointments over about five years). Reports median and p95 of the server time (the answers' Server-Timing) and of
# curl's time_total on loopback, and the week grid's HTML size. Targets (issue 4): week grid p95 < 150 ms and < 250 KB; booking p95 < 60 ms.
# Usage: bench/scheduling.sh [runs-per-measure, default 60]   (BENCH_SKIP_BUILD=1 reuses the last published build)
source "$(dirname "$0")/lib.sh"
RUNS=${1:-60}
WARMUP=${WARMUP:-150}
RESULTS="$BENCH_ROOT/bench/results"
trap bench_stop EXIT

[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || bench_build
bench_seed_large
ADMIN=bench-admin@neonpro.local
PASSWORD="bench $(date +%s) long enough password"
bench_verb create-admin --email "$ADMIN" --password "$PASSWORD" >/dev/null
bench_start
bench_sign_in "$ADMIN" "$PASSWORD"

# A busy week: of the last eight full weeks (all twelve professionals worked then), the one holding the most
# appointments. The week shows up to ten per professional and day and a "+N agendamentos" link to the day for the rest.
week_count() {
  local html
  html=$(curl -fs -b "$BENCH_JAR" -H 'HX-Request: true' "$BENCH_URL/Scheduling?date=$1&view=week&by=professional")
  echo "$(grep -o 'class="chip ' <<<"$html" | wc -l) $( (grep -o '[0-9][0-9]* agendamentos</a>' <<<"$html" || true) | awk '{ s += $1 } END { print s + 0 }')"
}
WEEK=""; BEST=-1
for w in $(seq 1 8); do
  day=$(date -d "today - $((7 * w)) days" +%F)
  read -r shown more <<<"$(week_count "$day")"
  if [ $((shown + more)) -gt "$BEST" ]; then BEST=$((shown + more)); WEEK=$day; WEEK_SHOWN=$shown; WEEK_MORE=$more; fi
done
echo "week grid, all professionals, week of $WEEK ($RUNS requests)"
# Warm-up: the first requests run on quickly-jitted code; a clinic's server has been up for hours, so the figures
# are taken once .NET has recompiled the hot paths (tiered compilation).
warm_up() { for _ in $(seq 1 "$WARMUP"); do curl -fs -o /dev/null -b "$BENCH_JAR" -H 'HX-Request: true' "$BENCH_URL$1"; done; }
# Server time (the answer's Server-Timing: queries and rendering inside the app) and curl's time_total on loopback.
report() {
  echo "  server time (Server-Timing) $(awk '$3 == 200 { print $1 }' "$1" | bench_summary)"
  echo "  curl time_total (loopback)  $(awk '$3 == 200 { print $2 }' "$1" | bench_summary)"
  awk '$3 != 200 { n++ } END { if (n) printf "  %d answers were not 200 and are left out\n", n }' "$1"
}
warm_up "/Scheduling?date=$WEEK&view=week&by=professional"
for _ in $(seq 1 "$RUNS"); do bench_timed "/Scheduling?date=$WEEK&view=week&by=professional"; done >"$RESULTS/week.txt"
report "$RESULTS/week.txt"
SIZE=$(curl -fs -b "$BENCH_JAR" "$BENCH_URL/Scheduling?date=$WEEK&view=week&by=professional" | wc -c)
SIZE_PARTIAL=$(curl -fs -b "$BENCH_JAR" -H 'HX-Request: true' "$BENCH_URL/Scheduling?date=$WEEK&view=week&by=professional" | wc -c)
echo "week grid HTML: full page $SIZE bytes, grid fragment $SIZE_PARTIAL bytes; $WEEK_SHOWN appointments listed, $WEEK_MORE more behind the +N links"

# The day grid draws every appointment: the Wednesday of that week.
DAY=$(date -d "$WEEK - $(($(date -d "$WEEK" +%u) - 3)) days" +%F)
DAY_HTML=$(curl -fs -b "$BENCH_JAR" -H 'HX-Request: true' "$BENCH_URL/Scheduling?date=$DAY&view=day&by=professional")
echo "day grid, all professionals, $DAY ($RUNS requests; $(grep -o 'class="appt ' <<<"$DAY_HTML" | wc -l) appointments, $(wc -c <<<"$DAY_HTML") bytes)"
warm_up "/Scheduling?date=$DAY&view=day&by=professional"
for _ in $(seq 1 "$RUNS"); do bench_timed "/Scheduling?date=$DAY&view=day&by=professional"; done >"$RESULTS/day.txt"
report "$RESULTS/day.txt"

# Booking: real form posts (antiforgery token, HX-Request) into free 15-minute slots of working days two weeks ahead,
# found the way a receptionist finds them: on each professional's day grid (open slots minus active appointments).
# Professionals and treatments come from the booking form itself, so a treatment is one the professional may perform
# that day and that needs no room; patients come from the patient picker. Only answers 200 (a booking made) are timed;
# other answers are counted (409: the patient is already booked elsewhere at that time, which the rules refuse).
TOKEN=$(bench_token "/Scheduling")
form() { curl -fs -b "$BENCH_JAR" -H 'HX-Request: true' "$BENCH_URL/Scheduling?handler=NewForm$1"; }
options_of() { { grep -A400 "id=\"$1\"" || true; } | sed '/<\/select>/q' | { grep -o 'option value="[0-9a-f-]\{36\}"' || true; } | sed 's/.*"\(.*\)"/\1/'; }
PROFESSIONALS=$(form "" | options_of booking-professional)
PATIENTS=$(for q in ana maria joao jose carlos paula lucas julia pedro beatriz; do
  curl -fs -b "$BENCH_JAR" -H 'HX-Request: true' "$BENCH_URL/Scheduling?handler=PatientOptions&q=$q" | { grep -o '"Input.PatientId": "[0-9a-f-]\{36\}"' || true; } | sed 's/.*"\([0-9a-f-]\{36\}\)"/\1/'
done | sort -u)
mapfile -t PATIENT_LIST <<<"$PATIENTS"

# Free 15-minute starts in a one-professional day grid: the cells offered as free ("slot free"; the grid no longer
# offers a time under an appointment), still checked against the active appointments drawn on it.
free_slots() {
  tr '\n' ' ' | grep -o 'class="slot free"[^>]*data-time="[0-9:]*"\|<div class="appt st-[A-Za-z]*"[^>]*title="[0-9:]*–[0-9:]*' \
    | sed -e 's/.*data-time="\([0-9:]*\)"/slot \1/' -e 's/<div class="appt st-\([A-Za-z]*\)".*title="\([0-9:]*\)–\([0-9:]*\)/appt \1 \2 \3/' \
    | awk 'function m(t) { split(t, x, ":"); return x[1] * 60 + x[2] }
      $1 == "slot" { slots[++n] = $2 }
      $1 == "appt" && $2 ~ /^(Scheduled|Confirmed|Arrived|InProgress|Completed)$/ { s[++k] = m($3); e[k] = m($4) }
      END { for (i = 1; i <= n; i++) { a = m(slots[i]); busy = 0
              for (j = 1; j <= k; j++) if (a < e[j] && s[j] < a + 15) busy = 1
              if (!busy) print slots[i] } }'
}

BOOK_WARMUP=$((WARMUP / 3))
echo "booking through the form post ($RUNS bookings timed after $BOOK_WARMUP warm-up bookings)"
: > "$RESULTS/booking.txt"; : > "$RESULTS/refusals.txt"
made=0; posts=0
FIRST_DAY=$(date -d "today + 14 days" +%F)
for offset in $(seq 0 30); do
  day=$(date -d "$FIRST_DAY + $offset days" +%F)
  [ "$(date -d "$day" +%u)" = 7 ] && continue
  for pro in $PROFESSIONALS; do
    [ "$made" -ge $((RUNS + BOOK_WARMUP)) ] && break 2
    treatment=""
    for t in $(form "&Input.ProfessionalId=$pro&Input.Date=$day" | options_of booking-treatment); do
      if form "&Input.ProfessionalId=$pro&Input.Date=$day&Input.TreatmentId=$t" | grep -q '<option value="">Sem sala</option>'; then treatment=$t; break; fi
    done
    [ -n "$treatment" ] || continue
    # A few slots per professional and day, so the bookings spread over professionals and days.
    for time in $(curl -fs -b "$BENCH_JAR" -H 'HX-Request: true' "$BENCH_URL/Scheduling?date=$day&view=day&by=professional&professional=$pro" | free_slots | shuf -n 3 --random-source=<(yes)); do
      patient=${PATIENT_LIST[$((posts % ${#PATIENT_LIST[@]}))]}
      posts=$((posts + 1))
      read -r server total code < <(BENCH_BODY="$RESULTS/answer.html" bench_timed "/Scheduling?handler=Book" \
        --data-urlencode "__RequestVerificationToken=$TOKEN" --data-urlencode "Input.PatientId=$patient" \
        --data-urlencode "Input.ProfessionalId=$pro" --data-urlencode "Input.TreatmentId=$treatment" \
        --data-urlencode "Input.Date=$day" --data-urlencode "Input.Time=$time" \
        --data-urlencode "Input.DurationMinutes=15" --data-urlencode "Input.AcknowledgeWarnings=true")
      phase=timed; [ "$made" -lt "$BOOK_WARMUP" ] && phase=warm-up
      echo "$code $server $total $phase" >> "$RESULTS/booking.txt"
      if [ "$code" = 200 ]; then made=$((made + 1)); else
        # The first sentence shown in the form (the error summary or a field's message).
        tr '\n' ' ' < "$RESULTS/answer.html" | grep -o 'id="booking-errors">\s*<div>[^<]*<\|field-validation-error">[^<][^<]*<' \
          | head -n 1 | sed 's/.*>\([^<]*\)</\1/' >> "$RESULTS/refusals.txt" || true
      fi
      [ "$made" -ge $((RUNS + BOOK_WARMUP)) ] && break
    done
  done
done
echo "booking answers over $posts posts (warm-up included): $(cut -d' ' -f1 "$RESULTS/booking.txt" | sort | uniq -c | tr -s ' ' | tr '\n' ' ')"
echo "bookings made (answers 200, after warm-up):"
echo "  server time (Server-Timing) $(awk '$1 == 200 && $4 == "timed" { print $2 }' "$RESULTS/booking.txt" | bench_summary)"
echo "  curl time_total (loopback)  $(awk '$1 == 200 && $4 == "timed" { print $3 }' "$RESULTS/booking.txt" | bench_summary)"
echo "refusals, by reason (the patient's own rules, not errors):"
sed -e 's/[0-9][0-9]:[0-9][0-9]/HH:mm/g' "$RESULTS/refusals.txt" | sort | uniq -c | sort -rn | head -n 5
echo "refused or conflicting answers (not bookings), server time:"
awk '$1 != 200 && $4 == "timed" { print $2 }' "$RESULTS/booking.txt" | bench_summary
