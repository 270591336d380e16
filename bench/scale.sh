#!/usr/bin/env bash
# psikg at scale (issue 19, item 5): time and peak memory of each step at 10^2, 10^3 and 10^4
# synthetic articles, and stock Jena's tools on the same data where they fit.
#
#   bench/scale.sh [--sizes 100,1000,10000 | --quick] [--xmx 7g] --out DIR   (from anywhere)
#
# At each size N: `psikg generate --articles N --seed 1`, then, each once under GNU time -v
# (wall s, CPU s user + system, peak resident MB):
#   build-nq      psikg build --nquads-only             (the N-Quads only)
#   build         psikg build                           (TriG and N-Quads; left out above
#                 FULL_BUILD_MAX_QUADS, default 3,000,000: build-tdb2 writes the same two files)
#   validate      psikg validate --data the N-Quads
#   build-tdb2    psikg build --tdb2 DIR
#   serve         psikg serve --tdb2 DIR --port 0, from the JVM's start to its first SPARQL
#                 answer (polled); CPU s and peak MB of the server at that moment
#   serve-queries the competency queries (queries/*.rq) once each, one client (bench/LoadGen.java):
#                 wall s for all of them, the server's CPU s over them, its peak MB after them
# and stock Jena 6.2 (jena-cmds and jena-fuseki-main, as bench/run.sh fetches and runs them):
#   riot          riot --output=nq of psikg's N-Quads (the loader goal's baseline)
#   shacl         shacl validate, the same quads as one graph and the same shapes; skipped
#                 ("did not fit") above SHACL_MAX_QUADS (default 3,000,000) quads, where its
#                 in-memory graph would not fit the heap
#   xloader       tdb2.xloader of the N-Quads (its phases: node table, ingest, the six quad indexes)
#   fuseki        stock Fuseki (bench/StockFuseki.java --tdb2) on the xloader store: first answer;
#                 it stops a query as psikg's server does by default (STOCK_TIMEOUT=10000,30000 ms
#                 to the first result and in all), and the client gives up after REQUEST_TIMEOUT=60 s
#   fuseki-queries  the same queries on it
# STOCK_MAX_QUADS=N leaves the stock tools out above N quads (reported as "left out").
# Every JVM runs with -Xmx from --xmx (default 7g, within the 8 GB goal; JAVA_TOOL_OPTIONS).
# --quick: sizes 20,100, a shakedown. A step that fails (an OutOfMemoryError, a crash) is
# recorded with its exit status and the run goes on. Each size's files are deleted once it is
# measured (10^4 needs some 30 GB of disk meanwhile).
#
# Writes DIR/scale.md (the table and the ratios the goals need), DIR/scale.png (time and
# memory against articles, log-log) and DIR/raw/ (results.tsv and every step's output).
# Run by hand, on a quiet machine, never in mvn verify: the 10^4 point takes about an hour.
# Needs java 21 or later (javac), maven, python3, curl, gnuplot and GNU time (installed with
# apt-get if missing); builds target/psikg.jar if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
ROOT=$(pwd)

SIZES=100,1000,10000
XMX=7g
OUT=
MODE=full
usage() { echo "usage: bench/scale.sh [--sizes N,N... | --quick] [--xmx SIZE] --out DIR" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) [ $# -ge 2 ] || usage; SIZES=$2; shift 2 ;;
    --quick) SIZES=20,100; MODE=quick; shift ;;
    --xmx) [ $# -ge 2 ] || usage; XMX=$2; shift 2 ;;
    --out) [ $# -ge 2 ] || usage; OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,37p' "$0"; exit 0 ;;
    *) usage ;;
  esac
done
[ -n "$OUT" ] && [[ $SIZES =~ ^[0-9]+(,[0-9]+)*$ ]] || usage
SHACL_MAX_QUADS=${SHACL_MAX_QUADS:-3000000}
FULL_BUILD_MAX_QUADS=${FULL_BUILD_MAX_QUADS:-3000000}
# Above STOCK_MAX_QUADS the stock tools are left out (unset: always run). They fit at 10^4, but
# riot, tdb2.xloader and stock Fuseki's queries there add some 40 minutes; the goals that need
# a stock baseline are set at 10^3 (the loader) or hold per quad (serve's memory).
STOCK_MAX_QUADS=${STOCK_MAX_QUADS:-999999999999}
# Stock Fuseki stops queries as psikg's server does by default (10 s to the first result, 30 s
# in all), and the client gives up on a request after REQUEST_TIMEOUT s.
STOCK_TIMEOUT=${STOCK_TIMEOUT:-10000,30000}
REQUEST_TIMEOUT=${REQUEST_TIMEOUT:-60}

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
RAW=$OUT/raw
rm -rf "$RAW"
mkdir -p "$RAW"
RESULTS=$RAW/results.tsv
: > "$RESULTS"
result() { printf '%s\t%s\n' "$1" "$2" >> "$RESULTS"; }
START=$(date +%s)
log() { printf '[%5ds] %s\n' $(( $(date +%s) - START )) "$*" >&2; }
with_work_dir

install_missing gnuplot:gnuplot-nox /usr/bin/time:time
JAR=$ROOT/target/psikg.jar
[ -f "$JAR" ] || mvn -B -q package -DskipTests
jena_cmds
javac -d "$WORK/classes" -cp "$JAR" bench/StockFuseki.java bench/LoadGen.java
export CMDS
export JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:+$JAVA_TOOL_OPTIONS }-Xmx$XMX"
machine_info "$MODE" > "$RAW/machine.txt"
echo "sizes: $SIZES; every JVM: JAVA_TOOL_OPTIONS=$JAVA_TOOL_OPTIONS; shacl up to $SHACL_MAX_QUADS quads" >> "$RAW/machine.txt"
result sizes "${SIZES//,/ }"
result xmx "$XMX"
result shacl_max "$SHACL_MAX_QUADS"
result stock_timeout "$STOCK_TIMEOUT"
PSIKG=(java -jar "$JAR")

# The stock tools as shell functions that `timed` runs in a child bash (exported), so that GNU
# time sees every JVM they start and where their output goes.
riot_nq() { riot --output=nq "$1" > "$2"; }
shacl_validate() { shacl validate --shapes "$1/shapes.nt" --data "$1/union.nt" > "$2"; }
# xloader LOC TMP FILE: what Jena's tdb2.xloader script runs, phase by phase; psikg's N-Quads
# have no default-graph triples, so only the quad indexes are built (as the script does when
# it counts no triples).
xloader() {
  local cp="$CMDS/*" idx
  java -cp "$cp" tdb2.xloader.CmdxBuildNodeTable --loc "$1" --tmpdir "$2" --threads 2 "$3"
  java -cp "$cp" tdb2.xloader.CmdxIngestData --loc "$1" --tmpdir "$2" --triples "$2/triples.tmp" --quads "$2/quads.tmp" "$3"
  for idx in GSPO GPOS GOSP SPOG POSG OSPG; do
    java -cp "$cp" tdb2.xloader.CmdxBuildIndex --loc "$1" --tmpdir "$2" --threads 2 --index "$idx" "$2/triples.tmp" "$2/quads.tmp"
  done
}
export -f riot shacl riot_nq shacl_validate xloader

# step NAME CMD...: `timed`, with the exit status recorded (NAME.status) instead of ending the run.
step() {
  local name=$1 rc=0; shift
  log "  $name"
  timed "$name" "$@" || rc=$?
  result "$name.status" "$rc"
  [ "$rc" = 0 ] || log "  $name: exit $rc (see $RAW/$name.err)"
}

# proc_cpu PID: user + system CPU seconds the process has used so far.
proc_cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"; }
proc_mb() { echo $(( $(awk '/VmHWM/ {print $2}' "/proc/$1/status") / 1024 )); }

# served KEY N PORT-OR-0 CMD...: starts a server, measures it to its first answer (KEY-N) and
# over the competency queries (KEY-queries-N: LoadGen's own time for all of them, the server's
# CPU over them, its peak MB after them), then stops it. With port 0 the port is read from
# what `psikg serve` prints.
served() {
  local name=$1-$2 queries=$1-queries-$2 port=$3; shift 3
  local t0 t1 pid cpu0 deadline=$((SECONDS + 600))
  log "  $name"
  # The log exists before the server does: the loop below reads it at once.
  : > "$RAW/$name.log"
  t0=$(date +%s%N)
  "$@" > "$RAW/$name.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  while [ "$port" = 0 ]; do
    port=$(sed -n 's|.* at http://[^:/]*:\([0-9]*\)/.*|\1|p;T;q' "$RAW/$name.log")
    port=${port:-0}
    kill -0 "$pid" 2> /dev/null || { log "  $name died"; result "$name.status" 1; stop_all; return 0; }
    [ "$SECONDS" -lt "$deadline" ] || { log "  $name printed no port"; result "$name.status" 1; stop_all; return 0; }
    [ "$port" != 0 ] || sleep 0.05
  done
  # In a subshell: await_answer exits when the server dies or stays silent for 3 minutes.
  if ! (await_answer "$pid" "$port" "$RAW/$name.log" 0.05) 2> "$RAW/$name.await"; then
    log "  $name: no answer (see $RAW/$name.log)"; result "$name.status" 1; stop_all; return 0
  fi
  t1=$(date +%s%N)
  result "$name.wall" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", (b - a) / 1e9}')"
  result "$name.cpu" "$(proc_cpu "$pid")"
  result "$name.rss" "$(proc_mb "$pid")"
  result "$name.status" 0
  log "  $queries"
  cpu0=$(proc_cpu "$pid")
  java -cp "$WORK/classes" LoadGen --queries queries --url "http://127.0.0.1:$port/psikg/sparql" --label "$name" \
    --rounds 1 --clients 1 --request-timeout "$REQUEST_TIMEOUT" --tsv "$RAW/$queries.tsv" > "$RAW/$queries.out" 2> "$RAW/$queries.err" || true
  result "$queries.wall" "$(awk -F'\t' '$1 == "total" {print $5}' "$RAW/$queries.tsv")"
  result "$queries.cpu" "$(awk -v a="$cpu0" -v b="$(proc_cpu "$pid")" 'BEGIN {printf "%.2f", b - a}')"
  result "$queries.rss" "$(proc_mb "$pid")"
  result "$queries.errors" "$(awk -F'\t' '$1 == "total" {print $11}' "$RAW/$queries.tsv")"
  result "$queries.count" "$(awk -F'\t' '$1 == "total" {print $4}' "$RAW/$queries.tsv")"
  result "$queries.status" 0
  stop_all
}

for n in ${SIZES//,/ }; do
  s=$WORK/s$n
  mkdir -p "$s"
  log "size $n"
  step "generate-$n" "${PSIKG[@]}" generate --articles "$n" --seed 1 --out "$s/corpus" --progress=none
  step "build-nq-$n" "${PSIKG[@]}" build --nquads-only --seeds "$s/corpus" --out "$s/nq/psikg.trig"
  quads=$(awk '/quads in all/ {print $1}' "$RAW/build-nq-$n.out")
  result "quads-$n" "${quads:=$(wc -l < "$s/nq/psikg.nq")}"
  NQ=$s/nq/psikg.nq
  # build --tdb2 below writes the TriG and N-Quads too: above FULL_BUILD_MAX_QUADS the default
  # build (the same two files without the store) is left out to keep the 10^4 point near an hour.
  if [ "$quads" -le "$FULL_BUILD_MAX_QUADS" ]; then
    step "build-$n" "${PSIKG[@]}" build --seeds "$s/corpus" --out "$s/full/psikg.trig"
    rm -rf "$s/full"
  else
    log "  build-$n: left out ($quads quads > $FULL_BUILD_MAX_QUADS; build-tdb2 writes the same files)"
    result "build-$n.status" "left out"
  fi
  # validate exits 1 when the data does not conform; the report says what it found.
  step "validate-$n" "${PSIKG[@]}" validate --data "$NQ" --output "$RAW/validate-$n.txt"
  step "build-tdb2-$n" "${PSIKG[@]}" build --tdb2 "$s/tdb2" --seeds "$s/corpus" --out "$s/tdb2-out/psikg.trig"
  rm -rf "$s/tdb2-out"
  served serve "$n" 0 "${PSIKG[@]}" serve --tdb2 "$s/tdb2" --port 0
  rm -rf "$s/tdb2" "$s/tdb2.text" "$s/corpus"

  if [ "$quads" -gt "$STOCK_MAX_QUADS" ]; then
    log "  stock tools at $n: left out ($quads quads > STOCK_MAX_QUADS $STOCK_MAX_QUADS)"
    for k in riot shacl xloader fuseki fuseki-queries; do result "$k-$n.status" "left out"; done
    rm -rf "$s"
    continue
  fi
  step "riot-$n" bash -c 'riot_nq "$0" "$1"' "$NQ" "$s/riot.nq"
  rm -f "$s/riot.nq"
  if [ "$quads" -le "$SHACL_MAX_QUADS" ]; then
    shacl_inputs "$NQ" "$s"
    step "shacl-$n" bash -c 'shacl_validate "$0" "$1"' "$s" "$RAW/shacl-$n.ttl"
    rm -f "$s/union.nt"
  else
    log "  shacl-$n: did not fit ($quads quads > $SHACL_MAX_QUADS)"
    result "shacl-$n.status" "did not fit"
  fi
  step "xloader-$n" bash -c 'xloader "$0" "$1" "$2"' "$s/xloader" "$s/xloader-tmp" "$NQ"
  rm -rf "$s/xloader-tmp"
  port=$(free_port)
  served fuseki "$n" "$port" java -Dstock.timeout="$STOCK_TIMEOUT" -cp "$JAR:$WORK/classes" StockFuseki --tdb2 "$s/xloader" "$port"
  rm -rf "$s"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RAW/machine.txt"
result elapsed "$(( $(date +%s) - START ))"

python3 bench/scale_report.py "$OUT" "$MODE"
gnuplot "$RAW/scale.gp"
log "done: $OUT/scale.md"
