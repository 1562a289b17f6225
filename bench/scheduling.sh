#!/usr/bin/env bash
# Benchmark of the scheduling grid and of booking, on the large demo set (12 professionals, 1,000,000
# appointments over about five years). Reports median and p95 of the server time (curl time_total on loopback)
# and the week grid's HTML size. Targets (issue 4): week grid p95 < 150 ms and < 250 KB; booking p95 < 60 ms.
# Usage: bench/scheduling.sh [runs-per-measure, default 60]
source "$(dirname "$0")/lib.sh"
RUNS=${1:-60}
trap bench_stop EXIT

bench_build
bench_seed_large
ADMIN=bench-admin@neonpro.local
PASSWORD="bench $(date +%s) long enough password"
bench_verb create-admin --email "$ADMIN" --password "$PASSWORD" >/dev/null
bench_start
bench_sign_in "$ADMIN" "$PASSWORD"

# The busiest week: the one with the most appointments (asked once from the database through the app's own page is
# not possible, so take the current week: the seeder spreads appointments evenly around today).
WEEK=$(date +%F)
echo "week grid, all professionals, week of $WEEK ($RUNS requests)"
for _ in $(seq 1 5); do curl -fs -o /dev/null -b "$BENCH_JAR" -H 'HX-Request: true' "$BENCH_URL/Scheduling?date=$WEEK&view=week&by=professional"; done
for _ in $(seq 1 "$RUNS"); do
  curl -fs -o /dev/null -b "$BENCH_JAR" -H 'HX-Request: true' -w '%{time_total}\n' "$BENCH_URL/Scheduling?date=$WEEK&view=week&by=professional"
done | bench_summary
SIZE=$(curl -fs -b "$BENCH_JAR" "$BENCH_URL/Scheduling?date=$WEEK&view=week&by=professional" | wc -c)
SIZE_PARTIAL=$(curl -fs -b "$BENCH_JAR" -H 'HX-Request: true' "$BENCH_URL/Scheduling?date=$WEEK&view=week&by=professional" | wc -c)
echo "week grid HTML: full page $SIZE bytes, grid fragment $SIZE_PARTIAL bytes"

echo "day grid, all professionals, $WEEK ($RUNS requests)"
for _ in $(seq 1 "$RUNS"); do
  curl -fs -o /dev/null -b "$BENCH_JAR" -H 'HX-Request: true' -w '%{time_total}\n' "$BENCH_URL/Scheduling?date=$WEEK&view=day&by=professional"
done | bench_summary

# Booking: free days after the seeded window (today + 30 months), every post a real form post with antiforgery.
# Ids come from the booking form and the patient picker the receptionist uses.
TOKEN=$(bench_token "/Scheduling")
FORM=$(curl -fs -b "$BENCH_JAR" -H 'HX-Request: true' "$BENCH_URL/Scheduling?handler=NewForm")
PROFESSIONALS=$(echo "$FORM" | grep -A200 'id="booking-professional"' | grep -o 'option value="[0-9a-f-]\{36\}"' | sed 's/.*"\(.*\)"/\1/')
echo "booking through the form post ($RUNS requests)"
i=0
for pro in $PROFESSIONALS; do
  FORM=$(curl -fs -b "$BENCH_JAR" -H 'HX-Request: true' "$BENCH_URL/Scheduling?handler=NewForm&Input.ProfessionalId=$pro")
  TREATMENT=$(echo "$FORM" | grep -A400 'id="booking-treatment"' | grep -o 'option value="[0-9a-f-]\{36\}"' | head -n 1 | sed 's/.*"\(.*\)"/\1/')
  [ -n "$TREATMENT" ] || continue
  echo "$pro $TREATMENT"
done > "$BENCH_ROOT/bench/results/bookable.txt"
PATIENTS=$(for q in ana maria joao jose carlos paula lucas julia pedro beatriz; do
  curl -fs -b "$BENCH_JAR" -H 'HX-Request: true' "$BENCH_URL/Scheduling?handler=PatientOptions&q=$q" | grep -o '"Input.PatientId": "[0-9a-f-]\{36\}"' | sed 's/.*"\([0-9a-f-]\{36\}\)"/\1/'
done | sort -u)
mapfile -t PATIENT_LIST <<<"$PATIENTS"
mapfile -t BOOKABLE < "$BENCH_ROOT/bench/results/bookable.txt"
FAR=$(date -d "+31 months" +%F)
for n in $(seq 0 $((RUNS - 1))); do
  read -r pro treatment <<<"${BOOKABLE[$((n % ${#BOOKABLE[@]}))]}"
  patient=${PATIENT_LIST[$((n % ${#PATIENT_LIST[@]}))]}
  day=$(date -d "$FAR + $((n / ${#BOOKABLE[@]} / 6)) days" +%F)
  hour=$((9 + (n / ${#BOOKABLE[@]}) % 6))
  curl -s -o /dev/null -b "$BENCH_JAR" -H 'HX-Request: true' -w '%{http_code} %{time_total}\n' \
    --data-urlencode "__RequestVerificationToken=$TOKEN" --data-urlencode "Input.PatientId=$patient" \
    --data-urlencode "Input.ProfessionalId=$pro" --data-urlencode "Input.TreatmentId=$treatment" \
    --data-urlencode "Input.Date=$day" --data-urlencode "Input.Time=$(printf '%02d:00' $hour)" \
    --data-urlencode "Input.DurationMinutes=30" --data-urlencode "Input.AcknowledgeWarnings=true" \
    "$BENCH_URL/Scheduling?handler=Book"
done > "$BENCH_ROOT/bench/results/booking.txt"
echo "booking answers: $(cut -d' ' -f1 "$BENCH_ROOT/bench/results/booking.txt" | sort | uniq -c | tr '\n' ' ')"
cut -d' ' -f2 "$BENCH_ROOT/bench/results/booking.txt" | bench_summary
