#!/usr/bin/env bash
# Benchmark of the webcam node on the mock camera (1280x720@30). Prints the figures recorded in
# docs/PERFORMANCE.md. Usage: bench/run.sh [port]. Needs wrk and curl; bounded in time (~4 min).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-27080}"
export JAVA_HOME="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* | head -1)}"
JAVA="$JAVA_HOME/bin/java"
# The JVM options the Dockerfile and systemd units use (JvmOptionsTest keeps them equal).
MIO_JAVA_OPTS="${MIO_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xms16m -Xmx128m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=40 -XX:TrimNativeHeapInterval=5000}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

./mvnw -B -q -o package -DskipTests
CP="target/test-classes"
AOT="target/bench-mio.aot"
NODE=

# start_node [extra JVM options...]
start_node() {
  MIO_CAMERA=mock MIO_RESOLUTION=1280x720 MIO_FPS=30 MIO_PORT="$PORT" MIO_BIND_HOST=127.0.0.1 \
    MIO_MAX_STREAM_CONNECTIONS=1000 MIO_LOG_LEVEL=warn MIO_DATA_DIR="$(mktemp -d)" \
    "$JAVA" $MIO_JAVA_OPTS "$@" -jar target/mio.jar webcam >target/bench-node.log 2>&1 &
  NODE=$!
}
stop_node() {
  if [ -n "$NODE" ]; then kill "$NODE" 2>/dev/null || true; wait "$NODE" 2>/dev/null || true; fi
  NODE=
}
trap stop_node EXIT
bench() { "$JAVA" -cp "$CP" io.mio.bench.StreamBench 127.0.0.1 "$PORT" "$1" 5 "$2" "$NODE"; }
# Start to ready: from launch until /ready first answers 200 (curl polls every 5 ms), 3 runs.
start_to_ready() {
  local runs=()
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s%N); start_node "$@"
    until curl -fs "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1; do sleep 0.005; done
    t1=$(date +%s%N); runs+=("$(( (t1 - t0) / 1000000 ))"); stop_node
  done
  echo "${runs[*]}"
}

echo "== machine: $(nproc) cores, $(uname -r), $("$JAVA" -version 2>&1 | head -1)"
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg); JVM options: $MIO_JAVA_OPTS"
echo "start_to_ready_ms=$(start_to_ready)"
rm -f "$AOT"
"$JAVA" $MIO_JAVA_OPTS -XX:AOTCacheOutput="$AOT" -jar target/mio.jar aot-train >/dev/null 2>&1
echo "start_to_ready_ms_with_aot_cache=$(start_to_ready -XX:AOTCache="$AOT")"

start_node
until curl -fs "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1; do sleep 0.01; done
# A deployment is scraped: load the metrics code before judging idle memory.
curl -fs "http://127.0.0.1:$PORT/metrics" >/dev/null
sleep 10; echo "idle_rss=$(grep VmRSS /proc/$NODE/status | awk '{print $2 $3}')"
echo "idle_cpu_pct_of_one_core=$(a=$(awk '{print $14+$15}' /proc/$NODE/stat); sleep 10; \
  b=$(awk '{print $14+$15}' /proc/$NODE/stat); echo "scale=1; ($b-$a)/10" | bc)"
echo "idle_rss_after_20s=$(grep VmRSS /proc/$NODE/status | awk '{print $2 $3}')"
bench 100 20
bench 200 20
bench 500 20
echo "== /health under wrk (2 threads, 64 connections, 15 s) while 100 streams run"
bench 100 25 >target/bench-bg.txt & BG=$!
sleep 6
wrk -t2 -c64 -d15s "http://127.0.0.1:$PORT/health" | grep -E 'Requests/sec|Latency|Non-2xx'
wait $BG; cat target/bench-bg.txt
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
