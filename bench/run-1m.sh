#!/usr/bin/env bash
# The 1,000,000-ticket benchmark on PostgreSQL (bench/README.md). One command:
#
#   bench/run-1m.sh              load once (skipped when the data is there), then measure
#   bench/run-1m.sh --reload     drop and recreate the database, load again, then measure
#   bench/run-1m.sh --load-only  only make sure the data is loaded
#   bench/run-1m.sh --explain    also write EXPLAIN (ANALYZE, BUFFERS) of the main queries
#
# Settings (environment): BENCH_DB (tessera_bench), BENCH_TICKETS (1000000), BENCH_CUSTOMERS (100000),
# BENCH_ORGS (5000), BENCH_PORT (18090), BENCH_URLS (bench/urls.txt), BENCH_REQUESTS (100),
# BENCH_WARMUP (30), BENCH_ROUNDS (2), BENCH_JAR (target/tessera.jar: point it at another build to compare),
# PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres).
# Never touches any database but BENCH_DB.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
db="${BENCH_DB:-tessera_bench}"
tickets="${BENCH_TICKETS:-1000000}"
customers="${BENCH_CUSTOMERS:-100000}"
orgs="${BENCH_ORGS:-5000}"
port="${BENCH_PORT:-18090}"
urls="${BENCH_URLS:-$here/urls.txt}"
out="$here/out/$db"
password="bench-password-2026"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
psql=(psql -X -q -v ON_ERROR_STOP=1)

reload=false; load_only=false; explain=false
for arg in "$@"; do
    case "$arg" in
        --reload) reload=true ;;
        --load-only) load_only=true ;;
        --explain) explain=true ;;
        *) echo "unknown option $arg" >&2; exit 2 ;;
    esac
done
if [[ "$db" == "test" || "$db" == "postgres" ]]; then
    echo "refusing to use database $db" >&2; exit 2
fi
mkdir -p "$out"

jar="${BENCH_JAR:-$root/target/tessera.jar}"
if [[ ! -f "$jar" ]]; then
    echo "== building $jar"
    (cd "$root" && ./mvnw -B -q package -DskipTests)
fi

app_pid=""
start_app() {
    echo "== starting Tessera on :$port against $db"
    TESSERA_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" TESSERA_DB_USER="$PGUSER" TESSERA_DB_PASSWORD="" \
    TESSERA_ADMIN_EMAIL="admin@bench.test" TESSERA_ADMIN_PASSWORD="$password" TESSERA_DEMO=false \
    TESSERA_DATA_DIR="$out/data" SERVER_PORT="$port" \
        java -Xms1g -Xmx1g -jar "$jar" > "$out/app.log" 2>&1 &
    app_pid=$!
    for _ in $(seq 1 180); do
        if curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/login" | grep -q 200; then
            return 0
        fi
        if ! kill -0 "$app_pid" 2>/dev/null; then
            echo "Tessera did not start; see $out/app.log" >&2; tail -30 "$out/app.log" >&2; exit 1
        fi
        sleep 1
    done
    echo "Tessera did not answer within 180 s; see $out/app.log" >&2; exit 1
}
stop_app() {
    if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
        kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
    fi
    app_pid=""
}
trap stop_app EXIT

q() { "${psql[@]}" -At -d "$db" -c "$1"; }

# ---- database and data
if $reload; then
    echo "== dropping $db"
    "${psql[@]}" -d postgres -c "drop database if exists $db"
fi
if [[ -z "$(q "select 1" 2>/dev/null || true)" ]]; then
    echo "== creating $db"
    "${psql[@]}" -d postgres -c "create database $db"
fi
if [[ -z "$(q "select 1 from information_schema.tables where table_name = 'bench_load'")" ]]; then
    if [[ -z "$(q "select 1 from information_schema.tables where table_name = 'ticket'")" ]]; then
        echo "== creating the schema with Tessera's Flyway migrations (first start)"
        start_app; stop_app
    fi
    echo "== loading $tickets tickets (log: $out/load.log)"
    started=$(date +%s)
    "${psql[@]}" -d "$db" -v tickets="$tickets" -v customers="$customers" -v orgs="$orgs" \
        -f "$here/load.sql" > "$out/load.log" 2>&1 || { tail -20 "$out/load.log" >&2; exit 1; }
    seconds=$(( $(date +%s) - started ))
    q "create table bench_load (tickets bigint, seconds int, loaded_at timestamp with time zone)"
    q "insert into bench_load values ($tickets, $seconds, now())"
    echo "== loaded in ${seconds}s"
fi
echo "== data: $(q "select 'tickets loaded ' || tickets || ' in ' || seconds || ' s on ' || loaded_at from bench_load")"
"${psql[@]}" -d "$db" -f "$here/sizes.sql" | tee "$out/sizes.txt"
$load_only && exit 0

# ---- samples the URL list refers to ({name} = a line of $out/samples/name.txt, in turn)
mkdir -p "$out/samples"
q "select number from ticket tablesample bernoulli (0.1) repeatable (42) limit 200" > "$out/samples/ticket.txt"
q "select number from ticket tablesample bernoulli (1) repeatable (7) where team_id = 1 limit 200" > "$out/samples/team1_ticket.txt"
q "select number from ticket tablesample bernoulli (1) repeatable (7) where team_id = 5 limit 200" > "$out/samples/team5_ticket.txt"
q "select number from ticket tablesample bernoulli (1) repeatable (9) where status in ('NEW','OPEN','PENDING','ON_HOLD') limit 200" > "$out/samples/open_ticket.txt"
q "select requester_id from ticket tablesample bernoulli (0.1) repeatable (3) limit 200" > "$out/samples/customer.txt"
q "select organization_id from ticket tablesample bernoulli (0.1) repeatable (5) where organization_id is not null limit 200" > "$out/samples/organization.txt"

if $explain; then
    echo "== EXPLAIN (ANALYZE, BUFFERS) -> $out/explain.txt"
    "${psql[@]}" -d "$db" -f "$here/explain.sql" > "$out/explain.txt" 2>&1
fi

stamp=$(date +%Y%m%d-%H%M%S)
start_app
echo "== measuring $jar (urls: $urls)"
java "$here/Bench.java" --base "http://127.0.0.1:$port" --password "$password" --urls "$urls" \
    --samples "$out/samples" --requests "${BENCH_REQUESTS:-100}" --warmup "${BENCH_WARMUP:-30}" \
    --rounds "${BENCH_ROUNDS:-2}" --csv "$out/results-$stamp.csv" | tee "$out/results-$stamp.md"
stop_app
