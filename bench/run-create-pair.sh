#!/usr/bin/env bash
# Ticket creation through the API, two Tessera builds side by side: the peers' workload
# (../shared/bench/peer_workload.py create: 4 clients, 500-byte bodies) against each jar in turn, in
# alternating order, each on its own fresh PostgreSQL database. The machine is shared and noisy, so only
# the pairs measured in one run are compared; the figures go to docs/benchmarks.md.
#
#   bench/run-create-pair.sh OLD.jar NEW.jar [rounds=3] [count=2000]   (figures: docs/benchmarks.md)
set -euo pipefail
old_jar=$1; new_jar=$2; rounds=${3:-3}; count=${4:-2000}
workload=$(cd "$(dirname "$0")/../.." && pwd)/shared/bench/peer_workload.py
[ -f "$workload" ] || { echo "no workload at $workload" >&2; exit 1; }
email=admin@bench.test; password=bench-password-1

start() { # jar port database
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $3" -c "create database $3" >/dev/null
  TESSERA_DB_URL="jdbc:postgresql://127.0.0.1:5432/$3" TESSERA_DB_USER=postgres TESSERA_DEMO=false \
    TESSERA_ADMIN_EMAIL=$email TESSERA_ADMIN_PASSWORD=$password TESSERA_SMTP_RECEIVER_PORT=0 \
    TESSERA_DATA_DIR=$(mktemp -d) SERVER_PORT=$2 java -Xmx1g -jar "$1" > "/tmp/bench-$3.log" 2>&1 &
  echo $! > "/tmp/bench-$3.pid"
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$2/actuator/health" >/dev/null && return; sleep 1; done
  echo "$1 did not start (see /tmp/bench-$3.log)" >&2; exit 1
}

start "$old_jar" 18101 bench_create_old
start "$new_jar" 18102 bench_create_new
old_token=$(python3 "$workload" token --url http://127.0.0.1:18101 --email $email --password $password)
new_token=$(python3 "$workload" token --url http://127.0.0.1:18102 --email $email --password $password)
trap 'kill $(cat /tmp/bench-bench_create_old.pid) $(cat /tmp/bench-bench_create_new.pid) 2>/dev/null || true' EXIT

g=0
for round in $(seq 1 "$rounds"); do
  order="old new"; [ $((round % 2)) -eq 0 ] && order="new old"
  for build in $order; do
    port=18101; token=$old_token; [ "$build" = new ] && { port=18102; token=$new_token; }
    printf '%s round %s: ' "$build" "$round"
    python3 "$workload" create --url "http://127.0.0.1:$port" --token "$token" --count "$count" --start "$g"
  done
  g=$((g + count))
done
