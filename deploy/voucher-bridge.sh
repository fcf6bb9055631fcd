#!/usr/bin/env bash
# The two commands of voucher-bridge, on a fresh machine of ours or a developer's:
#
#   deploy/voucher-bridge.sh run    install what is missing, start Kafka, migrate, start both apps
#   deploy/voucher-bridge.sh test   install what is missing, then the whole test suite
#   deploy/voucher-bridge.sh stop   stop both apps and the local Kafka broker
#   deploy/voucher-bridge.sh bench  install what is missing, then print throughput and memory figures
#                                   (BENCH_PHASES=accept,relay,... for some phases only: README "Benchmark")
#   deploy/voucher-bridge.sh chaos  the durability proof: load and faults, checked from outside (README "Guarantees";
#                                   options after it, e.g. --events 100000 --seed 7; --mode fuzz for fuzz and poison;
#                                   chaos --help lists them)
#   deploy/voucher-bridge.sh admin  the operators' tool: API keys, dead letters, overview, trace, subscriptions (run it without arguments for usage)
#
# Everything runs on the Node.js pinned in deploy/node/node.env (Node 24 LTS), installed once into
# .local/node from the npm registry unless that Node is already on PATH.
#
# Environment (defaults in brackets):
#   DATABASE_URL     [postgresql://postgres@127.0.0.1:5432/voucher_bridge]
#   KAFKA_BROKERS    a running cluster to use; unset: a local broker on 127.0.0.1:19092 is started
#   KAFKA_CLUSTER_SIZE [1]  3: start a local 3-broker KRaft cluster instead (127.0.0.1:19192-19194,
#                    RF 3, min.insync.replicas 2; deploy/kafka/cluster.sh kills/restarts single nodes)
#   VOUCHER_ENV      [dev]  topics are <VOUCHER_ENV>.voucher
#   GATEWAY_HTTP_PORT [3000]  CONNECTOR_HTTP_PORT [3001]
#   GATEWAY_URL      [http://127.0.0.1:$GATEWAY_HTTP_PORT]  where the console (in the connector) reads the gateway's readiness
#   WEBHOOK_SECRET_ENCRYPTION_KEY [generated once into .local/webhook-secret-encryption.key]  the key the
#                    connector encrypts the subscriptions' signing secrets under (32 bytes, base64)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUN_DIR="$ROOT/.local/run"
cd "$ROOT"

log() { echo "voucher-bridge: $*" >&2; }
die() { log "error: $*"; exit 1; }

# librdkafka is built against these system libraries (its default build downloads them);
# prometheus ships promtool, which the test suite runs on deploy/monitoring's alert rules.
# chromium: the operations console's browser test (playwright-core drives this installed browser).
APT_PACKAGES=(libssl-dev zlib1g-dev libzstd-dev liblz4-dev libsasl2-dev libcurl4-openssl-dev kcat prometheus chromium)

install_system_packages() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return
  log "installing system packages: ${missing[*]}"
  local sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_node_modules() {
  # npm ci again only when the lock file changed since the last install, or when the native
  # modules were built for another Node ABI (node_modules from before a Node upgrade).
  local abi_stamp=node_modules/.node-abi abi
  abi=$(node -p process.versions.modules)
  if [[ -f node_modules/.package-lock.json && node_modules/.package-lock.json -nt package-lock.json \
        && -f libs/database/src/generated/prisma/client.ts && "$(cat "$abi_stamp" 2>/dev/null)" == "$abi" ]]; then
    return
  fi
  log "installing node modules on Node $(node --version) (builds librdkafka against the system libraries: about a minute)"
  CKJS_LINKING=dynamic npm ci --no-audit --no-fund
  echo "$abi" >"$abi_stamp"
}

setup() {
  command -v java >/dev/null || die "Java 17 is required for the local Kafka broker"
  install_system_packages
  # shellcheck source=deploy/node/node.sh
  source deploy/node/node.sh
  use_pinned_node || die "could not install Node.js $NODE_VERSION"
  install_node_modules
}

build() {
  log "building both apps"
  npm run --silent build
}

start_kafka() {
  if [[ -n "${KAFKA_BROKERS:-}" ]]; then
    log "using the Kafka cluster at $KAFKA_BROKERS"
    return
  fi
  if [[ "${KAFKA_CLUSTER_SIZE:-1}" != 1 ]]; then
    KAFKA_CLUSTER_NAME=dev-cluster KAFKA_CLUSTER_BASE_PORT=19192 deploy/kafka/cluster.sh start
    KAFKA_BROKERS=$(KAFKA_CLUSTER_NAME=dev-cluster KAFKA_CLUSTER_BASE_PORT=19192 deploy/kafka/cluster.sh brokers)
    export KAFKA_BROKERS
    # The voucher topic gets the cluster's replication; min.insync.replicas comes from the brokers.
    export KAFKA_TOPIC_REPLICATION_FACTOR=${KAFKA_TOPIC_REPLICATION_FACTOR:-$((KAFKA_CLUSTER_SIZE >= 3 ? 3 : KAFKA_CLUSTER_SIZE))}
    return
  fi
  KAFKA_INSTANCE=dev KAFKA_PORT=19092 KAFKA_CONTROLLER_PORT=19093 deploy/kafka/kafka.sh start
  export KAFKA_BROKERS=127.0.0.1:19092
}

wait_ready() {
  local name=$1 url=$2
  for _ in $(seq 1 120); do
    if curl -fsS "$url" >/dev/null 2>&1; then return; fi
    if ! kill -0 "$(cat "$RUN_DIR/$name.pid")" 2>/dev/null; then
      tail -n 30 "$RUN_DIR/$name.log" >&2
      die "$name exited during start-up (log: $RUN_DIR/$name.log)"
    fi
    sleep 0.5
  done
  die "$name did not become ready (log: $RUN_DIR/$name.log)"
}

# The V8 flags of an app (deploy/node/<app>.node-options, comment lines left out), if it has any.
node_options() {
  local file="deploy/node/$1.node-options"
  if [[ -f $file ]]; then grep -v '^#' "$file"; fi
}

# The environment both apps run with (deploy/node/app.env, comment lines left out).
app_env() {
  grep -v '^#' deploy/node/app.env
}

start_app() {
  local name=$1 entry=$2
  stop_app "$name"
  # shellcheck disable=SC2046 # VAR=value pairs and the app's V8 flags, one word each
  nohup env $(app_env) node $(node_options "$name") "$entry" >"$RUN_DIR/$name.log" 2>&1 &
  echo $! >"$RUN_DIR/$name.pid"
}

stop_app() {
  local pid_file="$RUN_DIR/$1.pid"
  [[ -f $pid_file ]] || return 0
  local pid; pid=$(cat "$pid_file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -f "$pid_file"
}

# The dev run's key for the signing secrets at rest: made once, kept with the other local state, so
# the secrets stored by one run open in the next. (Without any key the connector would fall back to
# a public development key, with a warning.)
webhook_secret_encryption_key() {
  local file="$ROOT/.local/webhook-secret-encryption.key"
  if [[ ! -s "$file" ]]; then
    mkdir -p "$ROOT/.local"
    (umask 077 && node -e "process.stdout.write(require('node:crypto').randomBytes(32).toString('base64'))" > "$file")
    log "generated the webhook secret encryption key in .local/webhook-secret-encryption.key"
  fi
  cat "$file"
}

run() {
  setup
  export DATABASE_URL=${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/voucher_bridge}
  export VOUCHER_ENV=${VOUCHER_ENV:-dev}
  export GATEWAY_HTTP_PORT=${GATEWAY_HTTP_PORT:-3000}
  export CONNECTOR_HTTP_PORT=${CONNECTOR_HTTP_PORT:-3001}
  start_kafka
  npm run --silent db:migrate
  build
  mkdir -p "$RUN_DIR"
  start_app cashbox-gateway dist/apps/cashbox-gateway/src/main.js
  # The operations console (served by the connector) shows the gateway's readiness from here.
  WEBHOOK_SECRET_ENCRYPTION_KEY=${WEBHOOK_SECRET_ENCRYPTION_KEY:-$(webhook_secret_encryption_key)} \
    GATEWAY_URL=${GATEWAY_URL:-http://127.0.0.1:$GATEWAY_HTTP_PORT} start_app eshop-connector dist/apps/eshop-connector/src/main.js
  wait_ready cashbox-gateway "http://127.0.0.1:$GATEWAY_HTTP_PORT/health/ready"
  wait_ready eshop-connector "http://127.0.0.1:$CONNECTOR_HTTP_PORT/health/ready"
  local demo_key demo_shop_key demo_operator_key demo_suffix
  demo_key=$(demo_key cashbox --store store-1 --cashbox box-1)
  demo_shop_key=$(demo_key shop)
  demo_operator_key=$(demo_key operator)
  demo_suffix=$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr a-f A-F)
  cat <<EXAMPLES

voucher-bridge is running on Node $(node --version) ($VOUCHER_ENV.voucher on $KAFKA_BROKERS, database $DATABASE_URL)
  cashbox-gateway  http://127.0.0.1:$GATEWAY_HTTP_PORT   log: .local/run/cashbox-gateway.log   API docs: http://127.0.0.1:$GATEWAY_HTTP_PORT/docs
  eshop-connector  http://127.0.0.1:$CONNECTOR_HTTP_PORT   log: .local/run/eshop-connector.log   API docs: http://127.0.0.1:$CONNECTOR_HTTP_PORT/docs

Operations console: http://127.0.0.1:$CONNECTOR_HTTP_PORT/console   (paste the demo operator key: $demo_operator_key)

A demo cashbox key was created for cashbox box-1 of store store-1 (more: deploy/voucher-bridge.sh admin keys create cashbox --store <id> --cashbox <id>),
a demo shop key for the web shop's lookups and subscriptions (more: deploy/voucher-bridge.sh admin keys create shop)
and a demo operator key for dead letters (more: deploy/voucher-bridge.sh admin keys create operator).

That cashbox sells a voucher:
  curl -i -X POST http://127.0.0.1:$GATEWAY_HTTP_PORT/v1/voucher-purchases -H 'Content-Type: application/json' \\
    -H 'Authorization: Bearer $demo_key' \\
    -d '{"voucherCode":"GIFT-DEMO-$demo_suffix","amount":{"value":5000,"currency":"EUR"},"storeId":"store-1","cashboxId":"box-1","receiptNumber":"R-$demo_suffix","purchasedAt":"$(date -u +%Y-%m-%dT%H:%M:%SZ)"}'

Later it takes 15 EUR off the voucher:
  curl -i -X POST http://127.0.0.1:$GATEWAY_HTTP_PORT/v1/voucher-redemptions -H 'Content-Type: application/json' \\
    -H 'Authorization: Bearer $demo_key' \\
    -d '{"voucherCode":"GIFT-DEMO-$demo_suffix","amount":{"value":1500,"currency":"EUR"},"storeId":"store-1","cashboxId":"box-1","receiptNumber":"R-$demo_suffix-2","redeemedAt":"$(date -u +%Y-%m-%dT%H:%M:%SZ)"}'

The web shop looks it up (balance and history):
  curl -i -X POST http://127.0.0.1:$CONNECTOR_HTTP_PORT/v1/voucher-lookups -H 'Content-Type: application/json' \\
    -H 'Authorization: Bearer $demo_shop_key' \\
    -d '{"voucherCode":"GIFT-DEMO-$demo_suffix"}'

The web shop registers an endpoint to be told of voucher events (201 with the subscription's id and
its signing secret, shown only once; plain http to 127.0.0.1 is allowed outside VOUCHER_ENV=prod,
for a receiver a developer runs locally on port 8099):
  curl -i -X POST http://127.0.0.1:$CONNECTOR_HTTP_PORT/v1/subscriptions -H 'Content-Type: application/json' \\
    -H 'Authorization: Bearer $demo_shop_key' \\
    -d '{"url":"http://127.0.0.1:8099/voucher-events","eventTypes":["voucher.purchased","voucher.redeemed","voucher.cancelled"]}'
  (list: curl -s http://127.0.0.1:$CONNECTOR_HTTP_PORT/v1/subscriptions -H 'Authorization: Bearer $demo_shop_key';
   delete: curl -i -X DELETE http://127.0.0.1:$CONNECTOR_HTTP_PORT/v1/subscriptions/<id> -H 'Authorization: Bearer $demo_shop_key')

Operators list what the connector parked (unreadable or refused records, parked pushes), then replay or discard it:
  BRIDGE_OPERATOR_KEY='$demo_operator_key' deploy/voucher-bridge.sh admin dead-letters list --url http://127.0.0.1:$CONNECTOR_HTTP_PORT
  BRIDGE_OPERATOR_KEY='$demo_operator_key' deploy/voucher-bridge.sh admin dead-letters replay --all --dry-run --url http://127.0.0.1:$CONNECTOR_HTTP_PORT
The console's overview and a voucher's trace from the command line (the code on stdin, never an argument):
  BRIDGE_OPERATOR_KEY='$demo_operator_key' deploy/voucher-bridge.sh admin overview --url http://127.0.0.1:$CONNECTOR_HTTP_PORT
  echo GIFT-DEMO-$demo_suffix | BRIDGE_OPERATOR_KEY='$demo_operator_key' deploy/voucher-bridge.sh admin trace --url http://127.0.0.1:$CONNECTOR_HTTP_PORT

Stop everything with: deploy/voucher-bridge.sh stop
EXAMPLES
}

# A fresh demo key of a kind (cashbox: with --store/--cashbox) on every run (the secret of an old
# one cannot be shown again); the old demo keys of that kind are revoked so that only one is valid
# at a time.
demo_key() {
  local kind=$1 old
  shift
  for old in $(node dist/apps/bridge-admin/src/main.js keys list --kind "$kind" --json \
      | node -e 'for (const k of JSON.parse(require("fs").readFileSync(0, "utf8"))) if (k.label === "demo" && !k.revoked) console.log(k.id)'); do
    node dist/apps/bridge-admin/src/main.js keys revoke "$old" --json >/dev/null
  done
  node dist/apps/bridge-admin/src/main.js keys create "$kind" "$@" --label demo --json \
    | node -e 'console.log(JSON.parse(require("fs").readFileSync(0, "utf8"))[0].secret)'
}

run_admin() {
  # Not from our stdin: `admin trace` reads the voucher code from it.
  setup </dev/null
  export DATABASE_URL=${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/voucher_bridge}
  [[ -f dist/apps/bridge-admin/src/main.js ]] || build
  node dist/apps/bridge-admin/src/main.js "$@"
}

stop() {
  stop_app cashbox-gateway
  stop_app eshop-connector
  KAFKA_INSTANCE=dev deploy/kafka/kafka.sh stop
  # The cluster's nodes too, if `run` started one (stopping a stopped node is a no-op).
  if [[ -d .local/kafka/dev-cluster-1 ]]; then
    KAFKA_CLUSTER_NAME=dev-cluster KAFKA_CLUSTER_BASE_PORT=19192 KAFKA_CLUSTER_SIZE="${KAFKA_CLUSTER_SIZE:-3}" deploy/kafka/cluster.sh stop
  fi
}

run_tests() {
  setup
  npm test
}

run_bench() {
  setup
  npm run --silent bench
}

run_chaos() {
  setup
  npm run --silent build
  node dist/apps/bridge-chaos/src/main.js "$@"
}

usage() {
  sed -n '2,26s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

# run, test, bench and stop take no arguments: `run --help` must not start the bridge, and a
# misspelt option must not be ignored silently.
no_arguments() {
  local command=$1
  shift
  (($# == 0)) && return
  if [[ $1 == -h || $1 == --help ]]; then usage; exit 0; fi
  echo "voucher-bridge: '$command' takes no arguments (got: $*); its settings are environment variables:" >&2
  usage >&2
  exit 2
}

case "${1:-}" in
  run) no_arguments "$@"; run ;;
  test) no_arguments "$@"; run_tests ;;
  bench) no_arguments "$@"; run_bench ;;
  chaos) shift; run_chaos "$@" ;;
  admin) shift; run_admin "$@" ;;
  stop) no_arguments "$@"; stop ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
esac
