#!/usr/bin/env bash
# Runs every test project against real servers, on a fresh machine too:
#   1. installs what is missing (as root; otherwise says exactly what to install),
#   2. starts a throwaway PostgreSQL 15 and a throwaway RabbitMQ on free 127.0.0.1 ports in temp folders,
#   3. runs all tests with their addresses in INBURGERING_TEST_* variables,
#   4. always stops the servers (trap), and prints one line: "N passed, N failed".
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Calendar]
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
RABBIT_BIN=/usr/lib/rabbitmq/bin
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}

log() { printf '[test.sh %(%H:%M:%S)T] %s\n' -1 "$*"; }
die() { printf '[test.sh] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- 1. prerequisites
missing=()
[ -x "$PG_BIN/initdb" ] || missing+=(postgresql-15)
[ -x "$RABBIT_BIN/rabbitmq-server" ] || missing+=(rabbitmq-server)
[ -x "$CHROMIUM" ] || missing+=(chromium)
command -v dotnet >/dev/null || die "the .NET SDK is not on PATH (install .NET SDK 10.0.4xx)"
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/tmp/inburgering-apt.log 2>&1 \
      || { tail -20 /tmp/inburgering-apt.log >&2; die "apt-get install ${missing[*]} failed"; }
    # The rabbitmq-server package may try to start a system broker; ours runs on its own ports, so that is harmless.
  else
    die "missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}"
  fi
fi

free_port() { # a free TCP port on 127.0.0.1 such that port, port+1 and port+2 are all free
  local p
  for _ in $(seq 1 200); do
    p=$(( (RANDOM % 30000) + 20000 ))
    if ! ss -Htln | awk '{print $4}' | grep -qE ":($p|$((p+1))|$((p+2)))\$"; then echo "$p"; return 0; fi
  done
  die "no free port found"
}

as_pg() { # PostgreSQL refuses to run as root: run its tools as the postgres user then
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# ---------------------------------------------------------------- 2. servers
WORK=$(mktemp -d /tmp/inburgering-test.XXXXXX)
chmod 755 "$WORK"
PG_DIR="$WORK/pg"; RMQ_DIR="$WORK/rabbitmq"; RESULTS="$WORK/results"
mkdir -p "$PG_DIR" "$RMQ_DIR/log" "$RMQ_DIR/mnesia" "$RESULTS"
PG_STARTED=0; RMQ_STARTED=0

rabbit_env() {
  export HOME="$RMQ_DIR" RABBITMQ_NODENAME="inburgering-test-$RMQ_PORT@localhost"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$RMQ_PORT" RABBITMQ_DIST_PORT=$((RMQ_PORT+1))
  export ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT=$((RMQ_PORT+2))
  export RABBITMQ_MNESIA_BASE="$RMQ_DIR/mnesia" RABBITMQ_LOG_BASE="$RMQ_DIR/log" RABBITMQ_CONFIG_FILE="$RMQ_DIR/rabbitmq.conf"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_DIR/enabled_plugins" RABBITMQ_PID_FILE="$RMQ_DIR/rabbit.pid"
  export RABBITMQ_CONF_ENV_FILE="$RMQ_DIR/rabbitmq-env.conf"
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
}

cleanup() {
  local rc=$?
  set +e
  if [ "$PG_STARTED" = 1 ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1
  fi
  if [ "$RMQ_STARTED" = 1 ]; then
    ( rabbit_env; "$RABBIT_BIN/rabbitmqctl" -q stop "$RMQ_DIR/rabbit.pid" >/dev/null 2>&1; epmd -kill >/dev/null 2>&1 )
  fi
  # Anything still holding our ports or folder (a crashed broker's beam, a stray epmd) goes too.
  pkill -f "$WORK" 2>/dev/null
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT INT TERM

start_postgres() {
  PG_PORT=$(free_port)
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$PG_DIR"
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
  # fsync off: these are throwaway test clusters (never used for the durability benchmarks).
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$PG_DIR/server.log" >&2; die "PostgreSQL did not start"; }
  PG_STARTED=1
  export INBURGERING_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
  export INBURGERING_TEST_POSTGRES_DATADIR="$PG_DIR/data"
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
}

start_rabbitmq() {
  cat >"$RMQ_DIR/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:$RMQ_PORT
loopback_users.guest = true
log.console = false
log.file.level = warning
EOF
  echo '[].' >"$RMQ_DIR/enabled_plugins"; : >"$RMQ_DIR/rabbitmq-env.conf"
  # The node and rabbitmqctl share HOME: write the Erlang cookie first so they cannot race to create it (one failed
  # start in about ten was seen on a busy machine without this; bench/rabbitmq.sh does the same).
  head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$RMQ_DIR/.erlang.cookie"; chmod 400 "$RMQ_DIR/.erlang.cookie"
  (
    rabbit_env
    exec "$RABBIT_BIN/rabbitmq-server" >"$RMQ_DIR/stdout.log" 2>&1
  ) &
  ( rabbit_env; "$RABBIT_BIN/rabbitmqctl" -q wait --timeout 90 "$RMQ_DIR/rabbit.pid" >/dev/null 2>&1 ) \
    || { tail -30 "$RMQ_DIR/stdout.log" >&2; die "RabbitMQ did not start (log above)"; }
  export INBURGERING_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$RMQ_PORT/"
  # A control script for tests that stop and start the broker's AMQP side (rabbitmqctl stop_app / start_app).
  {
    echo '#!/usr/bin/env bash'
    echo "RMQ_DIR='$RMQ_DIR'; RMQ_PORT='$RMQ_PORT'"
    declare -f rabbit_env
    echo 'rabbit_env'
    echo "exec '$RABBIT_BIN/rabbitmqctl' \"\$@\""
  } >"$RMQ_DIR/ctl"
  chmod 755 "$RMQ_DIR/ctl"
  log "RabbitMQ on 127.0.0.1:$RMQ_PORT"
}

start_postgres
RMQ_PORT=$(free_port)
RMQ_STARTED=1
start_rabbitmq &>"$WORK/rabbit-start.log" &
RMQ_STARTER=$!

# Build while the broker boots (it takes ~6 s).
log "building"
dotnet build Inburgering.Workflows.sln -c Release -nologo -clp:ErrorsOnly >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log"; die "build failed"; }
wait "$RMQ_STARTER" || { cat "$WORK/rabbit-start.log" >&2; die "RabbitMQ did not start"; }
cat "$WORK/rabbit-start.log"
export INBURGERING_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$RMQ_PORT/"
export INBURGERING_TEST_RABBITMQCTL="$RMQ_DIR/ctl"
export CHROMIUM_PATH="$CHROMIUM"

# ---------------------------------------------------------------- 3. tests
log "testing"
set +e
dotnet test Inburgering.Workflows.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$RESULTS" "$@" 2>&1 | tee "$WORK/test.log" | grep -vE '^\s*$'
TEST_RC=${PIPESTATUS[0]}
set -e

# ---------------------------------------------------------------- 4. totals over all test projects
passed=0; failed=0; skipped=0
shopt -s nullglob
trx_files=("$RESULTS"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if [ ${#trx_files[@]} -eq 0 ] || { [ "$TEST_RC" -ne 0 ] && [ "$failed" -eq 0 ]; }; then
  # A test host that crashed writes no failures: count it as one so the run cannot look green.
  failed=$((failed + 1))
  log "dotnet test exited with $TEST_RC without reporting a failed test (crash or no results)"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$TEST_RC" -eq 0 ]
