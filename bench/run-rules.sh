#!/usr/bin/env bash
# The rules benchmark on PostgreSQL (bench/README.md#the-rules-benchmark): the SLA scanner and one
# time-based automation over BENCH_TICKETS (100,000) open tickets, timed per pass through the admin API.
#
#   bench/run-rules.sh            create and load tessera_rules_bench (again), then measure
#
# Settings (environment): BENCH_DB (tessera_rules_bench), BENCH_TICKETS (100000), BENCH_ROUNDS (3),
# BENCH_PORT (18091), BENCH_JAR (target/tessera.jar), PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres).
# Never touches any database but BENCH_DB.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
db="${BENCH_DB:-tessera_rules_bench}"
tickets="${BENCH_TICKETS:-100000}"
rounds="${BENCH_ROUNDS:-3}"
port="${BENCH_PORT:-18091}"
out="$here/out/$db"
password="bench-password-2026"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
psql=(psql -X -q -v ON_ERROR_STOP=1)
if [[ "$db" == "test" || "$db" == "postgres" ]]; then
    echo "refusing to use database $db" >&2; exit 2
fi
mkdir -p "$out"
jar="${BENCH_JAR:-$root/target/tessera.jar}"
[[ -f "$jar" ]] || (cd "$root" && ./mvnw -B -q package -DskipTests)

app_pid=""
start_app() {
    # The schedules are pushed out of the way: every pass measured here is started through the API.
    TESSERA_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" TESSERA_DB_USER="$PGUSER" TESSERA_DB_PASSWORD="" \
    TESSERA_ADMIN_EMAIL="admin@bench.test" TESSERA_ADMIN_PASSWORD="$password" TESSERA_DEMO=false \
    TESSERA_DATA_DIR="$out/data" SERVER_PORT="$port" \
        java -Xms1g -Xmx1g -Dtessera.rules.defaults=false -Dtessera.sla.scan-interval=1h \
             -Dtessera.automation.interval=1h -jar "$jar" > "$out/app.log" 2>&1 &
    app_pid=$!
    for _ in $(seq 1 180); do
        curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/login" | grep -q 200 && return 0
        kill -0 "$app_pid" 2>/dev/null || { tail -30 "$out/app.log" >&2; exit 1; }
        sleep 1
    done
    exit 1
}
stop_app() { [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true; app_pid=""; }
trap stop_app EXIT
q() { "${psql[@]}" -At -d "$db" -c "$1"; }
api() { curl -s -u "admin@bench.test:$password" -H 'Content-Type: application/json' -X POST "$@"; }
timed() { curl -s -o /dev/null -w '%{time_total}' -u "admin@bench.test:$password" -X POST "http://127.0.0.1:$port$1"; }

echo "== (re)creating $db"
"${psql[@]}" -d postgres -c "drop database if exists $db" -c "create database $db"
start_app; stop_app      # Flyway makes the schema, the first admin is created
echo "== loading $tickets open tickets"
started=$(date +%s)
"${psql[@]}" -d "$db" -v tickets="$tickets" -f "$here/rules-load.sql" > "$out/load.log"
echo "== loaded in $(( $(date +%s) - started )) s: $(q "select count(*) from ticket") tickets, $(q "select count(*) from ticket_sla_clock") clocks"
start_app
api "http://127.0.0.1:$port/api/v1/admin/automations" -d '{"name":"Escalate untouched new tickets",
  "conditions":{"all":[{"field":"status","operator":"is","values":["new"]},{"field":"updated","operator":"greater_than","values":["2h"]}]},
  "actions":[{"type":"add_tags","values":["escalated"]},{"type":"set_priority","values":["high"]}]}' > /dev/null

reset_clocks() {
    q "delete from ticket_event where event_type in ('sla_warning', 'sla_breached')"
    q "update ticket_sla_clock set warned_at = null, breached_at = null, next_check_at = warn_at"
}
reset_automation() {
    q "delete from automation_run"
    q "delete from ticket_tag where tag = 'escalated'"
    q "update ticket set updated_at = created_at, priority = 'NORMAL', priority_rank = 1 where status = 'NEW'"
}
printf '| round | scan with %s due (s) | breaches recorded | idle scan (s) | automation acting (s) | tickets acted on | idle automation (s) |\n' \
    "$(q "select count(*) from ticket_sla_clock where due_at <= now()")"
printf '|---|---|---|---|---|---|---|\n'
for round in $(seq 1 "$rounds"); do
    reset_clocks; reset_automation; q "vacuum analyze ticket_sla_clock" ; q "vacuum analyze ticket"
    scan=$(timed /api/v1/admin/sla/scan)
    breaches=$(q "select count(*) from ticket_event where event_type = 'sla_breached'")
    idle_scan=$(timed /api/v1/admin/sla/scan)
    run=$(timed /api/v1/admin/automations/run)
    acted=$(q "select count(*) from automation_run")
    idle_run=$(timed /api/v1/admin/automations/run)
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$round" "$scan" "$breaches" "$idle_scan" "$run" "$acted" "$idle_run"
done | tee "$out/results-$(date +%Y%m%d-%H%M%S).md"
