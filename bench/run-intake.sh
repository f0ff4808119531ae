#!/usr/bin/env bash
# The intake benchmark on PostgreSQL (bench/README.md): messages per second through the whole mail intake
# for a seeded mix of corpus messages. Every run starts Tessera on a freshly created database, sends an
# unmeasured warm-up batch, then the measured batch, and waits until inbound_mail has processed it all.
#
#   bench/run-intake.sh                    SMTP with 1 and 4 senders, 3 runs each, then the MTA pipe
#   BENCH_PATHS=smtp BENCH_SENDERS="4" BENCH_RUNS=5 bench/run-intake.sh
#
# Settings (environment): BENCH_DB (tessera_bench_intake), BENCH_PATHS ("smtp pipe"), BENCH_SENDERS ("1 4"),
# BENCH_RUNS (3), BENCH_MESSAGES (1000), BENCH_WARMUP (200), BENCH_SEED (42), BENCH_MIX (60,25,15: whole
# messages, wrapped reply bodies, bounces/auto-replies), BENCH_PORT (18091), BENCH_SMTP_PORT (12526),
# BENCH_WORKERS (TESSERA_MAIL_WORKERS, default 2), BENCH_JAR (target/tessera.jar), BENCH_CORPUS
# (../shared/corpus/email), PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres).
# Never touches any database but BENCH_DB (dropped and created for every run).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
db="${BENCH_DB:-tessera_bench_intake}"
port="${BENCH_PORT:-18091}"
smtp_port="${BENCH_SMTP_PORT:-12526}"
corpus="${BENCH_CORPUS:-$root/../shared/corpus/email}"
[[ -d "$corpus" ]] || corpus="/work/shared/corpus/email"
out="$here/out/$db"
password="bench-password-2026"
token="tsr_intakebench0000000000000000000000000000000"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
psql=(psql -X -q -v ON_ERROR_STOP=1)

if [[ "$db" == "test" || "$db" == "postgres" || "$db" == "tessera_bench" ]]; then
    echo "refusing to use database $db" >&2; exit 2
fi
mkdir -p "$out"
jar="${BENCH_JAR:-$root/target/tessera.jar}"
if [[ ! -f "$jar" ]]; then
    echo "== building $jar"
    (cd "$root" && ./mvnw -B -q package -DskipTests)
fi
# The PostgreSQL driver the app itself ships, for the driver's JDBC polling.
driver="$out/postgresql.jar"
entry=$(unzip -Z1 "$jar" | grep -m1 '^BOOT-INF/lib/postgresql-.*\.jar$')
unzip -p "$jar" "$entry" > "$driver"

app_pid=""
start_app() {
    "${psql[@]}" -d postgres -c "drop database if exists $db" -c "create database $db"
    TESSERA_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" TESSERA_DB_USER="$PGUSER" TESSERA_DB_PASSWORD="" \
    TESSERA_ADMIN_EMAIL="admin@bench.test" TESSERA_ADMIN_PASSWORD="$password" TESSERA_DEMO=false \
    TESSERA_DATA_DIR="$out/data" SERVER_PORT="$port" TESSERA_SMTP_RECEIVER_PORT="$smtp_port" \
    TESSERA_SMTP_RECEIVER_BIND=127.0.0.1 TESSERA_MAIL_WORKERS="${BENCH_WORKERS:-2}" \
        java -Xms1g -Xmx1g -jar "$jar" > "$out/app.log" 2>&1 &
    app_pid=$!
    for _ in $(seq 1 180); do
        if curl -s "http://127.0.0.1:$port/actuator/health" | grep -q UP; then
            # An API token for the pipe: the app keeps SHA-256 hashes of tokens (ApiTokens), so one is inserted.
            hash=$(printf %s "$token" | sha256sum | cut -d' ' -f1)
            "${psql[@]}" -d "$db" -c "insert into api_token (agent_id, name, token_hash, token_prefix, created_at)
                select id, 'intake bench', '$hash', '${token:0:10}', now() from agent where email = 'admin@bench.test'"
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

stamp=$(date +%Y%m%d-%H%M%S)
csv="$out/results-$stamp.csv"
commit=$(cd "$root" && git rev-parse --short HEAD)$(cd "$root" && git diff --quiet HEAD -- src || echo "+changes")
{
    echo "# Intake benchmark $stamp, commit $commit, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "| path | senders | accepted | size | accepted msg/s | processed msg/s | processing time | statuses |"
    echo "|---|---:|---:|---:|---:|---:|---:|---|"
} | tee "$out/results-$stamp.md"
for path in ${BENCH_PATHS:-smtp pipe}; do
    for senders in ${BENCH_SENDERS:-1 4}; do
        for run in $(seq 1 "${BENCH_RUNS:-3}"); do
            start_app
            java -cp "$driver" "$here/IntakeBench.java" --path "$path" --senders "$senders" \
                --messages "${BENCH_MESSAGES:-1000}" --warmup "${BENCH_WARMUP:-200}" --seed "${BENCH_SEED:-42}" \
                --mix "${BENCH_MIX:-60,25,15}" --corpus "$corpus" --smtp-port "$smtp_port" \
                --base "http://127.0.0.1:$port" --token "$token" --jdbc "jdbc:postgresql://$PGHOST:$PGPORT/$db" \
                --csv "$csv" | tee -a "$out/results-$stamp.md"
            stop_app
        done
    done
done
echo | tee -a "$out/results-$stamp.md"
java "$here/IntakeBench.java" --summarize "$csv" | tee -a "$out/results-$stamp.md"
