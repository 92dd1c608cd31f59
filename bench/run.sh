#!/usr/bin/env bash
# Performance benchmarks against a throwaway PostgreSQL 15 (durable settings: fsync on, synchronous_commit on).
#   bench/run.sh            P1, P2 (with P2b), P3, P4, P5, P8 and P7
#   bench/run.sh p1 [args]  start throughput vs raw Npgsql INSERT+COMMIT   (args: --c 4,1,8 --starts 3000 --warmup 300 [--floor-journal-rows N])
#   bench/run.sh p2 [args]  P2b isolated-timer lateness, then P2 storm of 10,000 timers vs 10,000 Hangfire delayed jobs
#                           (args: --timers 10000 --baseline-jobs 10000 --baseline-timeout 420 --storm-timeout 300 --isolated 40 --spacing 3)
#   bench/run.sh p2b [args] only P2b (args: --isolated 40 --spacing 3)
#   bench/run.sh p3 [args]  resume latency, small vs large database      (args: --resumes 2000 --resume-warmup 200 --instances 100000 --versions 50)
#   bench/run.sh p4 [args]  the dashboard's overdue queries on 1,000,000 tasks over 100,000 klantreizen vs a primary-key lookup and
#                           count(*) of open tasks, then the /dashboard page's server render on a Host process vs the home page
#                           (args: --p4-instances 100000 --p4-tasks 10 --p4-runs 50 --p4-warmup 5 --p4-page-runs 30 --p4-page-warmup 3)
#   bench/run.sh p5 [args]  10,000 klantreizen through workflows/klantreis-inburgering.json in 36 months of fake time vs raw
#                           INSERT+COMMIT on the same store (args: --p5-people 10000 --p5-months 36 [--p5-store memory|postgres]
#                           [--p5-shards N] [--p5-parallel N]; memory = the simulation's own throwaway SQLite in memory, the default)
#   bench/run.sh p8 [args]  tasks opened -> TaskAssigned consumed through the outbox and a throwaway RabbitMQ vs raw MassTransit
#                           publish -> consume (args: --p8-rate 1000 --p8-seconds 10 --p8-rounds 2 --p8-warmup 3 --p8-inflight 32 [--p8-outbox-parallelism N])
#   bench/run.sh p7 [args]  the klantreis in the designer in Chromium until interactive, and the Host's memory with it open, vs a
#                           3-activity definition, the definitions page and the idle Host; no PostgreSQL or RabbitMQ (needs
#                           /usr/bin/chromium). Args: --p7-rounds 10 --p7-tabs 5 [--screenshots docs/images] (remakes docs' pictures)
# Other args: --no-sql (do not print the SQL of one burst). The servers are always stopped (trap), also on Ctrl-C or failure.
set -euo pipefail
cd "$(dirname "$0")/.."
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

WHICH=all
if [ $# -gt 0 ] && [[ "$1" =~ ^(p1|p2|p2b|p3|p4|p5|p7|p8|all)$ ]]; then WHICH=$1; shift; fi
NEEDS_PG=1
[ "$WHICH" = p7 ] && NEEDS_PG=0
[ "$NEEDS_PG" = 0 ] || [ -x "$PG_BIN/initdb" ] || die "PostgreSQL 15 not found in $PG_BIN (apt-get install postgresql-15, or set PG_BIN)"
command -v dotnet >/dev/null || die "the .NET SDK is not on PATH"

as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( (RANDOM % 30000) + 20000 ))
    if ! ss -Htln | awk '{print $4}' | grep -qE ":$p\$"; then echo "$p"; return 0; fi
  done
  die "no free port found"
}

log "building (Release)"
dotnet build bench/Bench/Bench.csproj -c Release -nologo -v q -clp:ErrorsOnly >&2

WORK=$(mktemp -d /tmp/inburgering-bench.XXXXXX)
chmod 755 "$WORK"
PG_STARTED=0
source bench/rabbitmq.sh
cleanup() {
  local rc=$?
  set +e
  rabbit_stop
  if [ "$PG_STARTED" = 1 ]; then as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -m fast -w stop >/dev/null 2>&1; fi
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$WORK"

if [ "$NEEDS_PG" = 0 ]; then
  # P7 starts its own Host process (SQLite) and Chromium; the bench needs no servers of its own.
  log "running $WHICH $*"
  dotnet bench/Bench/bin/Release/net10.0/Inburgering.Bench.dll "$WHICH" "$@"
  exit $?
fi

PORT=$(free_port)
log "starting PostgreSQL on 127.0.0.1:$PORT in $WORK (fsync on, synchronous_commit on)"
as_pg "$PG_BIN/initdb" -D "$WORK/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
PG_STARTED=1
as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $WORK -c max_connections=200 -c fsync=on -c synchronous_commit=on" start >/dev/null \
  || { cat "$WORK/server.log" >&2; die "PostgreSQL did not start"; }

CS="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres"
MQ_ARGS=()
if [[ "$WHICH" =~ ^(p8|all)$ ]]; then rabbit_start; MQ_ARGS=(--mq "$MQ_URI"); fi
log "running $WHICH $*"
dotnet bench/Bench/bin/Release/net10.0/Inburgering.Bench.dll "$WHICH" --cs "$CS" "${MQ_ARGS[@]}" "$@"
