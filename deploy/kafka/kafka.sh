#!/usr/bin/env bash
# A local single-node Apache Kafka broker (KRaft, no ZooKeeper) built from
# Maven Central jars, because this project cannot use Docker or a Kafka
# package. Used by the dev "run" command and by the test suite.
#
#   deploy/kafka/kafka.sh fetch|start|stop|kill|status|reset
#
# One script, several independent brokers ("instances"), chosen by env:
#   KAFKA_INSTANCE         name of the instance            (default dev)
#   KAFKA_PORT             client (PLAINTEXT) port         (default 19092)
#   KAFKA_CONTROLLER_PORT  KRaft controller port           (default 19093)
#   KAFKA_ADVERTISED_PORT  client port named in metadata   (default KAFKA_PORT; another one puts
#                          a proxy listening there between every client and the broker)
#   KAFKA_INTERNAL_PORT    a listener of its own for broker-to-broker traffic (transaction
#                          markers, replication), kept out of such a proxy (default none)
#   KAFKA_HEAP             JVM heap options                (default "-Xmx1g -Xms256m")
#   KAFKA_JVM_OPTS         extra JVM options, after the defaults (default none; -XX:TieredStopAtLevel=4
#                          gives the broker back its C2 compiler, see JIT_OPTS)
#   KAFKA_NUM_PARTITIONS   num.partitions of new topics    (default 6)
#   KAFKA_START_TIMEOUT    seconds to wait for readiness   (default 120: a loaded 2-core machine took over 60)
#   KAFKA_STOP_TIMEOUT     seconds before SIGTERM -> KILL  (default 30)
#   KCAT                   kcat binary for the readiness probe (default kcat)
# A node of a multi-broker cluster (deploy/kafka/cluster.sh sets these):
#   KAFKA_NODE_ID          node.id                         (default 1)
#   KAFKA_QUORUM_VOTERS    controller.quorum.voters, e.g. 1@127.0.0.1:19193,2@...; unset: a
#                          standalone single node
#   KAFKA_CLUSTER_ID       cluster id all nodes are formatted with (required with voters)
#   KAFKA_REPLICATION_FACTOR  default and internal topics' RF  (default 1)
#   KAFKA_MIN_ISR          min.insync.replicas             (default 1)
# Jars are shared by all instances in .local/kafka/libs; each instance keeps
# its config, data and logs in .local/kafka/<instance>/.
set -euo pipefail

readonly KAFKA_VERSION=4.3.1

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
BASE="$ROOT/.local/kafka"
LIBS="$BASE/libs"
MARKER="$LIBS/.complete"

INSTANCE=${KAFKA_INSTANCE:-dev}
PORT=${KAFKA_PORT:-19092}
CPORT=${KAFKA_CONTROLLER_PORT:-19093}
ADVERTISED_PORT=${KAFKA_ADVERTISED_PORT:-$PORT}
INTERNAL_PORT=${KAFKA_INTERNAL_PORT:-}
HEAP=${KAFKA_HEAP:--Xmx1g -Xms256m}
JVM_EXTRA=${KAFKA_JVM_OPTS:-}
NUM_PARTITIONS=${KAFKA_NUM_PARTITIONS:-6}
START_TIMEOUT=${KAFKA_START_TIMEOUT:-120}
STOP_TIMEOUT=${KAFKA_STOP_TIMEOUT:-30}
KCAT=${KCAT:-kcat}
# The JIT compiles with C1 only. These brokers live minutes to hours on a 2-core machine shared
# with PostgreSQL, both apps and a load generator (the bench, the e2e suite, `run`), and C2 spent
# that time compiling: a quarter of a core in its compiler threads during the bench's accept phase,
# half of the broker's CPU (2026-12-06). Bench runs alternating with and without (C1 only first):
# raw Kafka producer 87,668 / 79,239 / 92,908 against 71,702 / 64,558 / 55,576 msg/s; the broker
# at 500 purchases/s 32-34 % of a core against 45-46 %; registrations with one subscriber 4,064 /
# 3,898 against 3,238 / 3,069 events/s. KAFKA_JVM_OPTS comes after and can undo it.
JIT_OPTS=(-XX:TieredStopAtLevel=1)
NODE_ID=${KAFKA_NODE_ID:-1}
VOTERS=${KAFKA_QUORUM_VOTERS:-}
CLUSTER_ID=${KAFKA_CLUSTER_ID:-}
RF=${KAFKA_REPLICATION_FACTOR:-1}
MIN_ISR=${KAFKA_MIN_ISR:-1}

INST_DIR="$BASE/$INSTANCE"
DATA_DIR="$INST_DIR/data"
PROPS="$INST_DIR/server.properties"
PID_FILE="$INST_DIR/kafka.pid"
STDOUT_LOG="$INST_DIR/stdout.log"
SERVER_LOG="$INST_DIR/server.log"
# Outside the instance dir so that `reset` can delete the dir while locked.
LOCK_FILE="$BASE/.locks/$INSTANCE.lock"

if [[ -n "${JAVA_HOME:-}" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi

log() { echo "kafka[$INSTANCE]: $*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  sed -n '2,26s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
  exit 2
}

validate_env() {
  # The name becomes a directory under .local/kafka that `reset` deletes:
  # keep it a plain name and never the shared jars dir.
  [[ "$INSTANCE" =~ ^[A-Za-z0-9][A-Za-z0-9_.-]*$ && "$INSTANCE" != libs ]] ||
    die "KAFKA_INSTANCE must be a plain name (letters, digits, . _ -) other than 'libs'"
  local p
  for p in "$PORT" "$CPORT" "$ADVERTISED_PORT" ${INTERNAL_PORT:+"$INTERNAL_PORT"}; do
    if ! [[ "$p" =~ ^[0-9]+$ ]] || ((p < 1 || p > 65535)); then die "invalid port '$p'"; fi
  done
  [[ "$PORT" != "$CPORT" ]] || die "KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ"
  for p in "$NODE_ID" "$RF" "$MIN_ISR"; do
    [[ "$p" =~ ^[1-9][0-9]*$ ]] || die "KAFKA_NODE_ID, KAFKA_REPLICATION_FACTOR and KAFKA_MIN_ISR must be positive integers"
  done
  if [[ -n "$VOTERS" ]]; then
    [[ "$VOTERS" =~ ^[0-9]+@[A-Za-z0-9.-]+:[0-9]+(,[0-9]+@[A-Za-z0-9.-]+:[0-9]+)*$ ]] ||
      die "KAFKA_QUORUM_VOTERS must look like 1@127.0.0.1:19193,2@127.0.0.1:19194"
  fi
}

# Serialises start/stop/reset of one instance (e.g. the test suite's global
# setup racing a test that restarts the broker). No-op where flock is missing.
lock_instance() {
  mkdir -p "$BASE/.locks"
  exec 9>"$LOCK_FILE"
  if command -v flock >/dev/null; then flock 9; fi
}

# ---------------------------------------------------------------- fetch ---

# The marker holds the Kafka version and a checksum of pom.xml, so that
# editing the POM (say, another log4j version) fetches again.
marker_text() {
  printf '%s\npom %s\n' "$KAFKA_VERSION" "$(cksum <"$SCRIPT_DIR/pom.xml")"
}

fetched() {
  [[ -f "$MARKER" && "$(<"$MARKER")" == "$(marker_text)" ]]
}

cmd_fetch() {
  fetched && return 0
  mkdir -p "$BASE/.locks"
  # The dev and the test broker may both be started at once on a fresh clone:
  # only one of them should download, the other waits and reuses the result.
  exec 8>"$BASE/.locks/fetch.lock"
  if command -v flock >/dev/null; then flock 8; fi
  if fetched; then exec 8>&-; return 0; fi

  command -v mvn >/dev/null || die "mvn not found: Maven is needed once to download the Kafka jars"
  local tmp="$BASE/libs.tmp.$$" started=$SECONDS
  rm -rf "$tmp"
  log "fetching Kafka $KAFKA_VERSION jars from Maven Central (once)..."
  # Into a temp dir then renamed, so an interrupted download never looks complete.
  # Maven's output is kept for failures only: even with -q -B, Maven 3.8 prints
  # stray ANSI reset codes on success.
  local mvn_log="$BASE/fetch.log"
  if ! mvn -q -B -f "$SCRIPT_DIR/pom.xml" \
      dependency:copy-dependencies -DoutputDirectory="$tmp" -DincludeScope=runtime \
      >"$mvn_log" 2>&1 8>&-; then
    sed 's/\x1b\[[0-9;]*m//g' "$mvn_log" >&2
    rm -rf "$tmp"
    die "mvn dependency:copy-dependencies failed (output above, also in $mvn_log)"
  fi
  rm -f "$mvn_log"
  # Kafka's POMs want slf4j-api 1.7; with both on the classpath the old API
  # can win and silently drop every log line. The POM should already make
  # 2.x win mediation, this guards against a future transitive change.
  if compgen -G "$tmp/slf4j-api-2.*.jar" >/dev/null && compgen -G "$tmp/slf4j-api-1.*.jar" >/dev/null; then
    log "removing shadowing $(basename "$tmp"/slf4j-api-1.*.jar)"
    rm -f "$tmp"/slf4j-api-1.*.jar
  fi
  [[ -f "$tmp/kafka_2.13-$KAFKA_VERSION.jar" ]] || { rm -rf "$tmp"; die "kafka_2.13-$KAFKA_VERSION.jar missing after fetch"; }
  marker_text >"$tmp/.complete"
  rm -rf "$LIBS"
  mv "$tmp" "$LIBS"
  exec 8>&-
  log "fetched $(find "$LIBS" -name '*.jar' | wc -l) jars ($(du -sh "$LIBS" | cut -f1)) in $((SECONDS - started))s"
}

# -------------------------------------------------------------- helpers ---

# Full command line of a process, or nothing if it is gone or a finished
# zombie (a broker that died while we were its parent lingers as a zombie, and
# kill -0 would still call it alive). A zombie main thread with other threads
# still listed is a JVM in the middle of dying: its sockets are not closed yet,
# so it still counts as alive.
proc_cmdline() {
  local pid=$1
  if [[ -r "/proc/$pid/stat" ]]; then
    if [[ "$(cut -d' ' -f3 "/proc/$pid/stat" 2>/dev/null)" == Z ]]; then
      local tasks=("/proc/$pid/task"/*)
      ((${#tasks[@]} > 1)) || return 1
    fi
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null
  else
    ps -ww -o stat= -o args= -p "$pid" 2>/dev/null | grep -v '^ *Z' || return 1
  fi
}

# Prints the pid of this instance's broker if it runs. Checks the command line
# as well as the pid, so a stale pid file whose number was reused by another
# process is never signalled.
running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid cmd
  pid=$(<"$PID_FILE")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  cmd=$(proc_cmdline "$pid") || return 1
  [[ "$cmd" == *kafka.Kafka* && "$cmd" == *"$PROPS"* ]] || return 1
  echo "$pid"
}

alive() { proc_cmdline "$1" >/dev/null; }

# Client port of the running broker, from the config it was started with
# (the caller's KAFKA_PORT may differ).
props_port() {
  sed -n 's#^listeners=PLAINTEXT://127.0.0.1:\([0-9]*\),.*#\1#p' "$PROPS"
}

port_open() {
  timeout 2 bash -c "</dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# The TCP port opens before the broker serves requests (and before it has
# registered with its controller), so an open port alone is not "ready".
broker_answers() {
  if command -v "$KCAT" >/dev/null; then
    # A metadata reply that lists broker 1 means the broker is unfenced and
    # can host topics. __none keeps the reply short; auto-create is off.
    local out
    out=$(timeout 10 "$KCAT" -b "127.0.0.1:$PORT" -L -t __none -m 5 2>/dev/null) || return 1
    grep -q "broker $NODE_ID at" <<<"$out"
  else
    # No kcat: send a raw ApiVersions v0 request (api key 18, correlation id 1,
    # client id "ready") and accept any 4-byte reply length as an answer.
    local n
    n=$(timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT
      printf '\x00\x00\x00\x0f\x00\x12\x00\x00\x00\x00\x00\x01\x00\x05ready' >&3
      head -c 4 <&3 | wc -c" 2>/dev/null) || return 1
    [[ "${n// /}" == 4 ]]
  fi
}

# Line counts of the logs before this launch, so that a failure shows what
# this attempt wrote and not the shutdown of the previous run.
STDOUT_MARK=0
SERVER_MARK=0
line_count() { if [[ -f "$1" ]]; then wc -l <"$1"; else echo 0; fi; }
mark_logs() {
  STDOUT_MARK=$(line_count "$STDOUT_LOG")
  SERVER_MARK=$(line_count "$SERVER_LOG")
}

show_logs() {
  local f mark new
  for f in "$STDOUT_LOG" "$SERVER_LOG"; do
    if [[ "$f" == "$STDOUT_LOG" ]]; then mark=$STDOUT_MARK; else mark=$SERVER_MARK; fi
    new=$(tail -n +"$((mark + 1))" "$f" 2>/dev/null | tail -n 25)
    [[ -n "${new//[$'\n ']/}" ]] || continue
    echo "---- last lines of $f ----" >&2
    echo "$new" >&2
  done
}

wait_ready() {
  local pid=$1 started=$SECONDS
  local deadline=$((SECONDS + START_TIMEOUT))
  log "waiting for 127.0.0.1:$PORT..."
  while :; do
    if ! alive "$pid"; then
      rm -f "$PID_FILE"
      show_logs
      die "broker (pid $pid) exited during startup; logs are in $INST_DIR"
    fi
    if port_open "$PORT" && broker_answers; then
      log "ready on 127.0.0.1:$PORT (pid $pid, waited $((SECONDS - started))s)"
      return 0
    fi
    if ((SECONDS >= deadline)); then
      show_logs
      die "not ready after ${START_TIMEOUT}s; broker pid $pid left running (stop it with: KAFKA_INSTANCE=$INSTANCE $0 stop)"
    fi
    sleep 0.25
  done
}

# Waits for a signalled broker to exit; returns 1 if it is still there.
wait_exit() {
  local pid=$1 seconds=$2
  local deadline=$((SECONDS + seconds))
  while alive "$pid"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
  # Best effort, a few seconds at most: the listening sockets go away a moment
  # after the process, and a `start` right after `stop`/`kill` must not find
  # them still open and refuse.
  deadline=$((SECONDS + 5))
  while { port_open "$PORT" || port_open "$CPORT"; } && ((SECONDS < deadline)); do
    sleep 0.1
  done
}

# ---------------------------------------------------------------- start ---

write_properties() {
  cat >"$PROPS" <<EOF
# Written by deploy/kafka/kafka.sh on every start: edit the script, not this file.
process.roles=broker,controller
node.id=$NODE_ID
$(if [[ -n "$VOTERS" ]]; then echo "controller.quorum.voters=$VOTERS"; else echo "controller.quorum.bootstrap.servers=127.0.0.1:$CPORT"; fi)
$(if [[ -n "$INTERNAL_PORT" ]]; then
  echo "listeners=PLAINTEXT://127.0.0.1:$PORT,INTERNAL://127.0.0.1:$INTERNAL_PORT,CONTROLLER://127.0.0.1:$CPORT"
  echo "advertised.listeners=PLAINTEXT://127.0.0.1:$ADVERTISED_PORT,INTERNAL://127.0.0.1:$INTERNAL_PORT"
  echo "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT"
  echo "inter.broker.listener.name=INTERNAL"
else
  echo "listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CPORT"
  echo "advertised.listeners=PLAINTEXT://127.0.0.1:$ADVERTISED_PORT"
  echo "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
  echo "inter.broker.listener.name=PLAINTEXT"
fi)
controller.listener.names=CONTROLLER
log.dirs=$DATA_DIR

# One broker: internal topics cannot have more than one replica. A cluster node
# (cluster.sh) gets RF 3 and min ISR 2, so that one broker may fail without losing acks.
offsets.topic.replication.factor=$RF
transaction.state.log.replication.factor=$RF
transaction.state.log.min.isr=$MIN_ISR
share.coordinator.state.topic.replication.factor=$RF
share.coordinator.state.topic.min.isr=$MIN_ISR
default.replication.factor=$RF
min.insync.replicas=$MIN_ISR

# Consumers in tests should get their partitions at once, not after 3 s.
group.initial.rebalance.delay.ms=0
# After a crash (kill -9) the controller refuses the restarted broker's
# registration until the old session expires: 9 s by default, which made a
# restart after \`kill\` take 12 s instead of 3. One local broker has no
# network to be lenient about, so expire sessions quickly.
broker.heartbeat.interval.ms=500
broker.session.timeout.ms=2500
# Topics are created explicitly by the application; a typo must fail loudly.
auto.create.topics.enable=false
num.partitions=$NUM_PARTITIONS
EOF
}

format_storage_once() {
  # A broker refuses to start on unformatted storage, so meta.properties
  # present = formatted, and data that a restart must keep. Without it the
  # directory can only hold leftovers of an interrupted format: start over.
  [[ -f "$DATA_DIR/meta.properties" ]] && return 0
  rm -rf "$DATA_DIR"
  log "formatting storage in $DATA_DIR (first start of this instance)"
  local cluster_id out standalone=(--standalone)
  if [[ -n "$VOTERS" ]]; then
    # Static voters: every node formatted with the same id, none of them "standalone".
    [[ -n "$CLUSTER_ID" ]] || die "KAFKA_CLUSTER_ID is required with KAFKA_QUORUM_VOTERS (all nodes share it)"
    cluster_id=$CLUSTER_ID
    standalone=()
  else
    cluster_id=$("$JAVA" "${LOG_OPTS[@]}" -cp "$LIBS/*" kafka.tools.StorageTool random-uuid 9>&-) ||
      die "StorageTool random-uuid failed"
  fi
  # Its output (a dump of the bootstrap records) only matters when it fails.
  if ! out=$("$JAVA" "${LOG_OPTS[@]}" -cp "$LIBS/*" kafka.tools.StorageTool format \
      "${standalone[@]}" -t "$cluster_id" -c "$PROPS" 2>&1 9>&-); then
    echo "$out" >&2
    die "StorageTool format failed"
  fi
}

cmd_start() {
  local pid
  command -v "$JAVA" >/dev/null || die "java not found (install Java 17+ or set JAVA_HOME)"
  cmd_fetch
  lock_instance

  if pid=$(running_pid); then
    local running_port
    running_port=$(props_port)
    [[ "$running_port" == "$PORT" ]] ||
      die "already running on port $running_port, not $PORT; stop it first to change ports"
    log "already running (pid $pid)"
    wait_ready "$pid"
    return 0
  fi
  rm -f "$PID_FILE"

  local p
  for p in "$PORT" "$CPORT" ${INTERNAL_PORT:+"$INTERNAL_PORT"}; do
    if port_open "$p"; then
      die "port $p is already in use by another process, not by instance '$INSTANCE'; stop it or choose other KAFKA_PORT/KAFKA_CONTROLLER_PORT"
    fi
  done

  mkdir -p "$INST_DIR"
  write_properties
  LOG_OPTS=(-Dlog4j2.configurationFile="$SCRIPT_DIR/log4j2.properties" -Dkafka.logs.dir="$INST_DIR")
  format_storage_once

  local heap_opts extra_opts
  read -r -a heap_opts <<<"$HEAP"
  read -r -a extra_opts <<<"$JVM_EXTRA"
  log "starting broker (client port $PORT, controller port $CPORT, $HEAP)"
  mark_logs
  printf '\n==== %s start ====\n' "$(date -u +%FT%TZ)" >>"$STDOUT_LOG"
  # setsid: the broker must live until `stop`, not die with the terminal or
  # the process group (Ctrl-C of `run`, a test runner's worker) that started it.
  # stdin from /dev/null and fds 8/9 closed: a caller reading our output
  # through a pipe (execSync in tests) must see EOF when this script exits,
  # and the broker must not hold the instance lock.
  nohup setsid "$JAVA" "${heap_opts[@]}" "${JIT_OPTS[@]}" "${extra_opts[@]}" \
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \
    "${LOG_OPTS[@]}" -cp "$LIBS/*" kafka.Kafka "$PROPS" \
    </dev/null >>"$STDOUT_LOG" 2>&1 8>&- 9>&- &
  pid=$!
  echo "$pid" >"$PID_FILE"
  wait_ready "$pid"
}

# ----------------------------------------------------------- stop/kill ---

# Prints the broker's pid; when it is not running, tidies the pid file, says so and fails.
pid_to_signal() {
  if ! running_pid; then
    rm -f "$PID_FILE"
    log "not running"
    return 1
  fi
}

cmd_stop() {
  lock_instance
  local pid
  pid=$(pid_to_signal) || return 0
  local started=$SECONDS
  log "stopping pid $pid"
  # SIGTERM lets the broker flush, write its clean-shutdown marker and skip
  # log recovery on the next start.
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_exit "$pid" "$STOP_TIMEOUT"; then
    log "still running after ${STOP_TIMEOUT}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    wait_exit "$pid" 10 || die "pid $pid survived SIGKILL"
  fi
  rm -f "$PID_FILE"
  log "stopped in $((SECONDS - started))s"
}

# Simulates a crash (no clean shutdown), for tests of recovery paths.
cmd_kill() {
  lock_instance
  local pid
  pid=$(pid_to_signal) || return 0
  log "killing pid $pid (SIGKILL)"
  kill -KILL "$pid" 2>/dev/null || true
  wait_exit "$pid" 10 || die "pid $pid survived SIGKILL"
  rm -f "$PID_FILE"
}

cmd_status() {
  local pid
  if pid=$(running_pid); then
    echo "running (instance $INSTANCE, pid $pid, 127.0.0.1:$(props_port))"
    return 0
  fi
  echo "stopped (instance $INSTANCE)"
  return 1
}

cmd_reset() {
  cmd_stop
  log "deleting $INST_DIR"
  rm -rf "$INST_DIR"
}

# ----------------------------------------------------------------- main ---

[[ $# -eq 1 ]] || usage
validate_env
case "$1" in
  fetch) cmd_fetch ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  kill) cmd_kill ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  -h | --help | help) usage ;;
  *) usage ;;
esac
