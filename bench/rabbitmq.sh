# A throwaway RabbitMQ for P8, sourced by bench/run.sh; started as test.sh does (temp folder, free ports, 127.0.0.1 only).
# Needs from run.sh: WORK (temp folder), free_port, log, die. Sets MQ_URI. rabbit_stop is called by run.sh's trap.
RABBIT_BIN=${RABBIT_BIN:-/usr/lib/rabbitmq/bin}
RMQ_STARTED=0

rabbit_env() { # every directory, port and address of the node overridden, so nothing touches a system broker
  export HOME="$RMQ_DIR" RABBITMQ_NODENAME="inburgering-bench-$RMQ_PORT@localhost"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$RMQ_PORT" RABBITMQ_DIST_PORT=$((RMQ_PORT+1))
  export ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT=$((RMQ_PORT+2))
  export RABBITMQ_MNESIA_BASE="$RMQ_DIR/mnesia" RABBITMQ_LOG_BASE="$RMQ_DIR/log" RABBITMQ_CONFIG_FILE="$RMQ_DIR/rabbitmq.conf"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_DIR/enabled_plugins" RABBITMQ_PID_FILE="$RMQ_DIR/rabbit.pid"
  export RABBITMQ_CONF_ENV_FILE="$RMQ_DIR/rabbitmq-env.conf"
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
}

rabbit_start() {
  [ -x "$RABBIT_BIN/rabbitmq-server" ] || die "RabbitMQ not found in $RABBIT_BIN (apt-get install rabbitmq-server, or set RABBIT_BIN)"
  RMQ_DIR="$WORK/rabbitmq"
  mkdir -p "$RMQ_DIR/log" "$RMQ_DIR/mnesia"
  RMQ_PORT=$(free_port)
  # The Erlang distribution and epmd take the next two ports; free_port checks only one, so look again if they are taken.
  while ss -Htln | awk '{print $4}' | grep -qE ":($((RMQ_PORT+1))|$((RMQ_PORT+2)))\$"; do RMQ_PORT=$(free_port); done
  cat >"$RMQ_DIR/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:$RMQ_PORT
loopback_users.guest = true
log.console = false
log.file.level = warning
EOF
  echo '[].' >"$RMQ_DIR/enabled_plugins"; : >"$RMQ_DIR/rabbitmq-env.conf"
  # The node and rabbitmqctl share HOME: write the Erlang cookie first so they cannot race to create it. (Once, on a busy
  # machine, `wait` failed within 18 s with an empty server log; this race is the likely cause, not a confirmed one.)
  head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$RMQ_DIR/.erlang.cookie"; chmod 400 "$RMQ_DIR/.erlang.cookie"
  log "starting RabbitMQ on 127.0.0.1:$RMQ_PORT in $RMQ_DIR"
  RMQ_STARTED=1
  ( rabbit_env; exec "$RABBIT_BIN/rabbitmq-server" >"$RMQ_DIR/stdout.log" 2>&1 ) &
  RMQ_LAUNCHER=$!
  ( rabbit_env; "$RABBIT_BIN/rabbitmqctl" -q wait --timeout 90 "$RMQ_DIR/rabbit.pid" >"$RMQ_DIR/wait.log" 2>&1 ) \
    || { tail -30 "$RMQ_DIR/stdout.log" "$RMQ_DIR/wait.log" >&2; die "RabbitMQ did not start (logs above)"; }
  MQ_URI="amqp://guest:guest@127.0.0.1:$RMQ_PORT/"
}

rabbit_stop() { # only what this script started, by its pid or its own ports
  [ "$RMQ_STARTED" = 1 ] || return 0
  ( rabbit_env; "$RABBIT_BIN/rabbitmqctl" -q stop "$RMQ_DIR/rabbit.pid" >/dev/null 2>&1; epmd -kill >/dev/null 2>&1 )
  local pid
  for pid in "$(cat "$RMQ_DIR/rabbit.pid" 2>/dev/null)" "${RMQ_LAUNCHER:-}"; do
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && kill "$pid" 2>/dev/null
  done
  return 0
}
