#!/usr/bin/env bash
# The endpoint against stock Fuseki: queries/s and p50/p95/p99 latency of the competency
# queries (queries/*.rq) at 1, 2 and 8 concurrent clients, in memory and on TDB2, twice:
# unique queries (every request a distinct text: no help from psikg's result cache) and a
# mix with repeats (Zipf draws from the queries; the warm-up has asked each once, so psikg's
# cache is warm, as on an endpoint that has been up a while).
#
#   bench/endpoint.sh [--quick] --out DIR      (run from anywhere; writes DIR/endpoint.md)
#
# Builds the seeds once (psikg build: a TriG file and a TDB2 store), then serves them four
# ways, each on a free port on loopback, a pair (psikg and stock) at a time:
#   psikg-mem    java -jar target/psikg.jar serve              (builds the seeds in memory)
#   stock-mem    bench/StockFuseki.java --mem-tdb2 psikg.trig  (jena-fuseki-main, defaults)
#   psikg-tdb2   java -jar target/psikg.jar serve --tdb2 STORE
#   stock-tdb2   bench/StockFuseki.java --tdb2 COPY-OF-STORE   (jena-fuseki-main, defaults)
# Both stock servers make the default graph the union of the named graphs, as psikg does, so
# that every query gets the same answer from both (the report checks the answer sizes).
# For each pair: warm-up rounds on each server (every query once per round, one client, not
# measured, recording each query's status and answer size), then bench/LoadGen.java with 1, 2
# and 8 clients for a fixed time each per server, the two servers taking turns of a few
# seconds (only one is under load at a time), so that other work on the machine weighs on
# both alike. The client sends no Accept-Encoding to either server (both answer uncompressed)
# and the same requests in the same order to both. DIR/endpoint.md has the tables, the ratios
# psikg/stock against the goals (unique: throughput >= 1.0x; mix: throughput >= 1.2x and p95
# <= 0.8x; no query slower than 1.2x alone) and the queries a server refused;
# DIR/endpoint.tsv the raw figures.
#
# Before the levels of the unique queries, each query is also sent alone PER_QUERY times to
# each server (unique texts), the two taking turns request by request: the per-query ratio is
# the median of the ratios of the requests sent back to back.
#   --quick   TDB2 pair only, 1 warm-up round, 3 runs per query, 1 s per level and server: a
#             smoke test (its ratios are noise), most of its time is building and starting JVMs
#   default   3 warm-up rounds, 21 runs per query, 20 s per level, mode and server in turns
#             of 5 s (about 12 minutes on an idle machine)
# JAVA_OPTS (optional) is given to every server JVM alike.
# Needs: java 21 or later (javac), curl, python3; builds target/psikg.jar with Maven if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

parse_quick_out endpoint.sh "$@"
if [ "$QUICK" = 1 ]; then WARMUP=1; PER_QUERY=3; SECONDS_PER_LEVEL=1; CHUNK=1
else WARMUP=3; PER_QUERY=21; SECONDS_PER_LEVEL=20; CHUNK=5; fi
LEVELS=1,2,8
# Every client of the load generator comes from 127.0.0.1, where on the internet each would
# have its own address: psikg's per-address limit (4 at once by default) is raised to the
# largest level so that it measures N clients rather than one client refused with 429s.
PER_CLIENT="--max-concurrent-per-client 8"
JAR=target/psikg.jar
JAVA_OPTS=${JAVA_OPTS:-}
[ -f "$JAR" ] || mvn -B -q package -DskipTests

with_work_dir


# start NAME COMMAND...: starts a server in the background (its pid joins PIDS).
declare -A PID_OF
start() {
  local name=$1; shift
  "$@" > "$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  PID_OF[$name]=$!
}

# wait_ready NAME PORT: waits for the server's first answer (up to 3 minutes).
wait_ready() {
  await_answer "${PID_OF[$1]}" "$2" "$WORK/$1.log"
  echo "$1 answers on port $2"
}

# measure PSIKG-NAME PSIKG-PORT STOCK-NAME STOCK-PORT: both are up (PIDS: psikg's, then
# stock's), but only one is under load at a time. Twice: (a) unique queries (--mode unique:
# every request's text distinct, so psikg's result cache never helps): warm-up rounds on each,
# each query alone, then each level; (b) the mix with repeats (--mode mix: Zipf draws from the
# queries): warm-up rounds, then each level. The two servers take turns of CHUNK seconds in
# every level; the CPU time each server used in each level is recorded too. Labels end in
# -unique and -mix.
measure() {
  for mode in unique mix; do
    local per_query=0
    [ "$mode" = unique ] && per_query=$PER_QUERY
    java -cp "$WORK/classes" LoadGen --queries queries --mode "$mode" \
      --url "http://127.0.0.1:$2/psikg/sparql,http://127.0.0.1:$4/psikg/sparql" --label "$1-$mode,$3-$mode" \
      --clients "$LEVELS" --seconds "$SECONDS_PER_LEVEL" --chunk "$CHUNK" --warmup-rounds "$WARMUP" --per-query "$per_query" \
      --pids "${PIDS[0]},${PIDS[1]}" \
      --tsv "$WORK/endpoint.tsv" | grep ' requests in '
  done
}

START=$(date +%s)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
javac -d "$WORK/classes" -cp "$JAR" bench/StockFuseki.java bench/LoadGen.java

# psikg serve in memory builds the seeds itself: start it first, so that its build overlaps
# the build of the files the others serve (nothing is measured before both are done).
# --quick measures the TDB2 pair only (the README's way to serve): the in-memory pair's start
# (a build inside the server) would double its time.
P1=$(free_port)
[ "$QUICK" = 1 ] || start psikg-mem java $JAVA_OPTS -jar "$JAR" serve --port "$P1" $PER_CLIENT
java -jar "$JAR" build --out "$WORK/psikg.trig" --tdb2 "$WORK/tdb2" > "$WORK/build.log"
# A copy for stock Fuseki, so that the two servers never share a store directory.
cp -a "$WORK/tdb2" "$WORK/tdb2-stock"
if [ "$QUICK" = 0 ]; then
  P2=$(free_port)
  start stock-mem java $JAVA_OPTS -cp "$JAR:$WORK/classes" StockFuseki --mem-tdb2 "$WORK/psikg.trig" "$P2"
  wait_ready psikg-mem "$P1"
  wait_ready stock-mem "$P2"
  measure psikg-mem "$P1" stock-mem "$P2"
  stop_all
fi

P1=$(free_port)
start psikg-tdb2 java $JAVA_OPTS -jar "$JAR" serve --tdb2 "$WORK/tdb2" --port "$P1" $PER_CLIENT
P2=$(free_port)
start stock-tdb2 java $JAVA_OPTS -cp "$JAR:$WORK/classes" StockFuseki --tdb2 "$WORK/tdb2-stock" "$P2"
wait_ready psikg-tdb2 "$P1"
wait_ready stock-tdb2 "$P2"
measure psikg-tdb2 "$P1" stock-tdb2 "$P2"
stop_all

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
cp "$WORK/endpoint.tsv" "$OUT/endpoint.tsv"
python3 bench/endpoint_report.py "$WORK/endpoint.tsv" "$OUT/endpoint.md" \
  "mode=$([ "$QUICK" = 1 ] && echo quick || echo full)" \
  "seconds_per_level=$SECONDS_PER_LEVEL" "warmup_rounds=$WARMUP" "chunk=$CHUNK" "per_query=$PER_QUERY" \
  "load_before=$LOAD_BEFORE" "load_after=$LOAD_AFTER" "elapsed=$(( $(date +%s) - START ))" \
  "jena=$(sed -n 's:.*<jena.version>\(.*\)</jena.version>.*:\1:p' pom.xml | head -1)" \
  "quads=$(grep -o '^ *[0-9]* *quads in all' "$WORK/build.log" | tr -dc 0-9)"
echo "wrote $OUT/endpoint.md ($(( $(date +%s) - START )) s)"
