#!/usr/bin/env bash
# Load and soak: C concurrent clients on loopback send the competency queries (queries/*.rq)
# to `psikg serve` for M minutes, while the server's memory is sampled.
#
#   bench/soak.sh [--minutes M] [--clients C] [--out FILE.md]     (defaults: 10, 16, target/soak/soak.md)
#   SERVE_ARGS="--tdb2 target/tdb2" bench/soak.sh                 (extra arguments for psikg serve)
#
# The server: java $JAVA_OPTS -jar target/psikg.jar serve --port FREE --max-concurrent-per-client C
# $SERVE_ARGS (default limits otherwise: all C clients come from 127.0.0.1, where on the
# internet each would have an address of its own, so the per-address limit is raised to C). The load: bench/LoadGen.java, one warm-up round, then C clients in a closed loop,
# each going through every query in an order of its own, again and again; the latency
# percentiles, queries/s and errors of every 30 s slice are printed as the run goes.
# The memory: every 10 s the server's resident set (VmRSS of /proc/PID/status) and its heap in
# use (jcmd PID GC.heap_info); every 60 s also the live heap, that is the heap in use just
# after a full collection asked for with jcmd PID GC.run (a pause of some milliseconds).
#
# Writes the report to FILE.md, and the load generator's output and the memory samples beside
# it (FILE.loadgen.log, FILE.memory.tsv). Exits 1, after writing the report, if
#   - any request failed (a non-2xx answer or no answer), or
#   - the resident set grew: its largest value in the last third of the run is over 1.5x its
#     largest in the first third after warm-up (from 60 s on), or
#   - the live heap grew: its smallest value in the last third is over 1.2x its smallest in
#     the first third after warm-up, plus 16 MB (the smallest, because the requests in flight
#     at each GC add a varying amount; a leak raises the floor).
# bench/soak_report.py writes the report and decides.
# Exits 2 on bad usage. Needs: java 21 or later (javac, jcmd), curl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

MINUTES=10
CLIENTS=16
OUT=target/soak/soak.md
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) MINUTES=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    *) echo "usage: bench/soak.sh [--minutes M] [--clients C] [--out FILE.md]" >&2; exit 2 ;;
  esac
done
JAR=target/psikg.jar
JAVA_OPTS=${JAVA_OPTS:-}
SERVE_ARGS=${SERVE_ARGS:-}
[ -f "$JAR" ] || mvn -B -q package -DskipTests
mkdir -p "$(dirname "$OUT")"

WORK=$(mktemp -d)
SERVER=
SAMPLER=
cleanup() {
  [ -z "$SAMPLER" ] || kill "$SAMPLER" 2>/dev/null || true
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

javac -d "$WORK/classes" bench/LoadGen.java
PORT=$(free_port)
# shellcheck disable=SC2086  # JAVA_OPTS and SERVE_ARGS are lists of arguments
java $JAVA_OPTS -jar "$JAR" serve --port "$PORT" --max-concurrent-per-client "$CLIENTS" $SERVE_ARGS > "$WORK/server.log" 2>&1 &
SERVER=$!
await_answer "$SERVER" "$PORT" "$WORK/server.log"
echo "psikg serve $SERVE_ARGS answers on port $PORT (pid $SERVER); $CLIENTS clients for $MINUTES min"

# sample T0: every 10 s, "seconds rss-kB heap-used-kB live-heap-kB|-" into WORK/memory.tsv.
kb() { awk '{for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); gsub(/[^0-9]/, "", v); print v; exit }}'; }
sample() {
  local t0=$1 n=0
  while kill -0 "$SERVER" 2>/dev/null; do
    local rss heap live=-
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER/status" 2>/dev/null || echo -)
    heap=$(jcmd "$SERVER" GC.heap_info 2>/dev/null | grep -m1 ' total ' | kb || echo -)
    if [ $((n % 6)) = 0 ]; then
      jcmd "$SERVER" GC.run > /dev/null 2>&1 || true
      live=$(jcmd "$SERVER" GC.heap_info 2>/dev/null | grep -m1 ' total ' | kb || echo -)
    fi
    printf '%s\t%s\t%s\t%s\n' $(( $(date +%s) - t0 )) "${rss:--}" "${heap:--}" "${live:--}" >> "$WORK/memory.tsv"
    n=$((n + 1))
    sleep 10
  done
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
T0=$(date +%s)
sample "$T0" &
SAMPLER=$!
java -cp "$WORK/classes" LoadGen --url "http://127.0.0.1:$PORT/psikg/sparql" --queries queries \
  --clients "$CLIENTS" --seconds $((MINUTES * 60)) --warmup-rounds 1 --slice 30 \
  --label "psikg serve${SERVE_ARGS:+ $SERVE_ARGS}" | tee "$WORK/loadgen.log"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
kill "$SAMPLER" 2>/dev/null || true
wait "$SAMPLER" 2>/dev/null || true
SAMPLER=
cp "$WORK/memory.tsv" "${OUT%.md}.memory.tsv"
cp "$WORK/loadgen.log" "${OUT%.md}.loadgen.log"

set +e
python3 bench/soak_report.py "$WORK/loadgen.log" "$WORK/memory.tsv" "$OUT" \
  "minutes=$MINUTES" "clients=$CLIENTS" "serve_args=$SERVE_ARGS" "java_opts=$JAVA_OPTS" \
  "load_before=$LOAD_BEFORE" "load_after=$LOAD_AFTER"
STATUS=$?
set -e
echo "wrote $OUT"
exit "$STATUS"
