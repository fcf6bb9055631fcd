#!/usr/bin/env bash
# A local multi-broker Apache Kafka cluster (KRaft, static controller quorum) made of kafka.sh
# instances, to try failover without containers: RF 3 and min.insync.replicas 2 by default, so
# one broker may die while producers with acks=all go on.
#
#   deploy/kafka/cluster.sh start          start every node (formats them once) and wait until all serve
#   deploy/kafka/cluster.sh stop           stop every node cleanly
#   deploy/kafka/cluster.sh reset          stop and delete every node's data
#   deploy/kafka/cluster.sh status         one line per node; fails unless all run
#   deploy/kafka/cluster.sh brokers        print the bootstrap list (host:port,host:port,...)
#   deploy/kafka/cluster.sh kill N         kill -9 node N (a crash)
#   deploy/kafka/cluster.sh stop-node N    stop node N cleanly
#   deploy/kafka/cluster.sh start-node N   start node N again (after kill/stop-node)
#   deploy/kafka/cluster.sh create-topic TOPIC [PARTITIONS]  create a topic with the cluster's RF (default 6 partitions)
#   deploy/kafka/cluster.sh leader TOPIC [PARTITION]   print the node id leading a partition (default 0)
#   deploy/kafka/cluster.sh add-partitions TOPIC COUNT  give a topic COUNT partitions (more than it has)
#   deploy/kafka/cluster.sh partitions TOPIC           print how many partitions a topic has
#
# Environment (defaults in brackets):
#   KAFKA_CLUSTER_NAME       [cluster]  nodes are kafka.sh instances <name>-1 .. <name>-N
#   KAFKA_CLUSTER_SIZE       [3]
#   KAFKA_CLUSTER_BASE_PORT  [19192]    node n: client port BASE+n-1, controller port BASE+50+n-1
#   KAFKA_HEAP               [-Xmx512m -Xms128m]  per node
#   KAFKA_CLUSTER_PROXY_BASE_PORT  [unset]  node n tells clients to connect to PROXY_BASE+n-1, where
#                            a proxy in front of its client port listens (the chaos harness's); the
#                            nodes' own traffic then has listeners of its own on BASE+25+n-1
# and kafka.sh's other variables (KAFKA_NUM_PARTITIONS, timeouts).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
KAFKA_SH="$SCRIPT_DIR/kafka.sh"

NAME=${KAFKA_CLUSTER_NAME:-cluster}
SIZE=${KAFKA_CLUSTER_SIZE:-3}
BASE_PORT=${KAFKA_CLUSTER_BASE_PORT:-19192}
PROXY_BASE_PORT=${KAFKA_CLUSTER_PROXY_BASE_PORT:-}
export KAFKA_HEAP=${KAFKA_HEAP:--Xmx512m -Xms128m}
KCAT=${KCAT:-kcat}
# Kept outside the nodes' directories: all nodes must be formatted with the same id.
CLUSTER_ID_FILE="$ROOT/.local/kafka/$NAME.cluster-id"

log() { echo "kafka-cluster[$NAME]: $*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  sed -n '2,24s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
  exit 2
}

[[ "$NAME" =~ ^[A-Za-z0-9][A-Za-z0-9_.-]*$ ]] || die "KAFKA_CLUSTER_NAME must be a plain name"
[[ "$SIZE" =~ ^[1-9]$ ]] || die "KAFKA_CLUSTER_SIZE must be 1..9"
[[ "$BASE_PORT" =~ ^[0-9]+$ ]] && ((BASE_PORT > 0 && BASE_PORT + 50 + SIZE < 65536)) || die "invalid KAFKA_CLUSTER_BASE_PORT"
[[ -z "$PROXY_BASE_PORT" ]] || { [[ "$PROXY_BASE_PORT" =~ ^[0-9]+$ ]] && ((PROXY_BASE_PORT > 0 && PROXY_BASE_PORT + SIZE < 65536)); } ||
  die "invalid KAFKA_CLUSTER_PROXY_BASE_PORT"

# Three or more nodes: RF 3, min ISR 2 (one node may fail). Fewer: as many replicas as nodes.
RF=$((SIZE >= 3 ? 3 : SIZE))
MIN_ISR=$((RF > 1 ? RF - 1 : 1))

client_port() { echo $((BASE_PORT + $1 - 1)); }
controller_port() { echo $((BASE_PORT + 50 + $1 - 1)); }
# The port clients are told to use: the proxy's, when there is one.
advertised_port() { if [[ -n "$PROXY_BASE_PORT" ]]; then echo $((PROXY_BASE_PORT + $1 - 1)); else client_port "$1"; fi; }
internal_port() { if [[ -n "$PROXY_BASE_PORT" ]]; then echo $((BASE_PORT + 25 + $1 - 1)); fi; }

voters() {
  local n list=()
  for ((n = 1; n <= SIZE; n++)); do list+=("$n@127.0.0.1:$(controller_port "$n")"); done
  local IFS=,
  echo "${list[*]}"
}

brokers() {
  local n list=()
  for ((n = 1; n <= SIZE; n++)); do list+=("127.0.0.1:$(advertised_port "$n")"); done
  local IFS=,
  echo "${list[*]}"
}

cluster_id() {
  if [[ ! -s "$CLUSTER_ID_FILE" ]]; then
    "$KAFKA_SH" fetch
    mkdir -p "$(dirname "$CLUSTER_ID_FILE")"
    java -cp "$ROOT/.local/kafka/libs/*" kafka.tools.StorageTool random-uuid >"$CLUSTER_ID_FILE.tmp"
    mv "$CLUSTER_ID_FILE.tmp" "$CLUSTER_ID_FILE"
  fi
  cat "$CLUSTER_ID_FILE"
}

check_node() {
  [[ "${1:-}" =~ ^[0-9]+$ ]] && (($1 >= 1 && $1 <= SIZE)) || die "node must be 1..$SIZE"
}

# Runs kafka.sh for node $1 with that node's settings.
node() {
  local n=$1
  shift
  KAFKA_INSTANCE="$NAME-$n" KAFKA_NODE_ID="$n" \
    KAFKA_PORT="$(client_port "$n")" KAFKA_CONTROLLER_PORT="$(controller_port "$n")" \
    KAFKA_ADVERTISED_PORT="$(advertised_port "$n")" KAFKA_INTERNAL_PORT="$(internal_port "$n")" \
    KAFKA_QUORUM_VOTERS="$(voters)" KAFKA_CLUSTER_ID="$CLUSTER_ID" \
    KAFKA_REPLICATION_FACTOR="$RF" KAFKA_MIN_ISR="$MIN_ISR" \
    "$KAFKA_SH" "$@"
}

# Runs one kafka.sh command on every node at once (a node cannot become ready before a
# majority of the controllers runs, so starting them one after the other would deadlock).
all_nodes() {
  local n pids=() failed=0
  for ((n = 1; n <= SIZE; n++)); do
    node "$n" "$@" &
    pids+=($!)
  done
  for n in "${pids[@]}"; do wait "$n" || failed=1; done
  return $failed
}

cmd_start() {
  CLUSTER_ID=$(cluster_id)
  "$KAFKA_SH" fetch
  log "starting $SIZE nodes (RF $RF, min.insync.replicas $MIN_ISR) on $(brokers)"
  all_nodes start || die "not every node started (logs in .local/kafka/$NAME-*/)"
  log "ready: KAFKA_BROKERS=$(brokers)"
}

cmd_leader() {
  local topic=${1:-} partition=${2:-0}
  [[ -n "$topic" ]] || die "usage: cluster.sh leader TOPIC [PARTITION]"
  local leader
  leader=$(timeout 10 "$KCAT" -b "$(brokers)" -L -t "$topic" -m 5 2>/dev/null |
    sed -n "s/^ *partition $partition, leader \([0-9]*\),.*/\1/p")
  [[ -n "$leader" ]] || die "no leader found for $topic partition $partition"
  echo "$leader"
}

cmd_create_topic() {
  local topic=${1:-} partitions=${2:-6}
  [[ -n "$topic" && "$partitions" =~ ^[1-9][0-9]*$ ]] || die "usage: cluster.sh create-topic TOPIC [PARTITIONS]"
  java -Dlog4j2.configurationFile="$SCRIPT_DIR/log4j2.properties" -cp "$ROOT/.local/kafka/libs/*" \
    org.apache.kafka.tools.TopicCommand --bootstrap-server "$(brokers)" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor "$RF"
}

cmd_add_partitions() {
  local topic=${1:-} partitions=${2:-}
  [[ -n "$topic" && "$partitions" =~ ^[1-9][0-9]*$ ]] || die "usage: cluster.sh add-partitions TOPIC COUNT"
  java -Dlog4j2.configurationFile="$SCRIPT_DIR/log4j2.properties" -cp "$ROOT/.local/kafka/libs/*" \
    org.apache.kafka.tools.TopicCommand --bootstrap-server "$(brokers)" --alter --topic "$topic" --partitions "$partitions"
}

cmd_partitions() {
  local topic=${1:-}
  [[ -n "$topic" ]] || die "usage: cluster.sh partitions TOPIC"
  timeout 10 "$KCAT" -b "$(brokers)" -L -t "$topic" -m 5 2>/dev/null |
    sed -n "s/^ *topic \"$topic\" with \([0-9]*\) partitions:.*/\1/p" | grep . || die "no metadata for $topic"
}

CLUSTER_ID=""
case "${1:-}" in
  start) cmd_start ;;
  stop) all_nodes stop ;;
  reset) all_nodes reset && rm -f "$CLUSTER_ID_FILE" ;;
  status)
    failed=0
    for ((n = 1; n <= SIZE; n++)); do node "$n" status || failed=1; done
    exit $failed
    ;;
  brokers) brokers ;;
  kill) check_node "${2:-}"; node "$2" kill ;;
  stop-node) check_node "${2:-}"; node "$2" stop ;;
  start-node) check_node "${2:-}"; CLUSTER_ID=$(cluster_id); node "$2" start ;;
  create-topic) shift; cmd_create_topic "$@" ;;
  leader) shift; cmd_leader "$@" ;;
  add-partitions) shift; cmd_add_partitions "$@" ;;
  partitions) shift; cmd_partitions "$@" ;;
  *) usage ;;
esac
