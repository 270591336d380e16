#!/usr/bin/env bash
# Time from starting the server to its first SPARQL answer, on the project's seeds.
#
#   bench/first-answer.sh [RUNS]        (default 5; run from the repository root)
#
# Measures, RUNS times each, from the moment the JVM is started to the first 200 answer
# to `ASK { ?s ?p ?o }` at /psikg/sparql (polled every 20 ms with curl):
#   serve        java -jar target/psikg.jar serve                 (build from seeds, in-memory TDB2)
#   serve-tdb2   java -jar target/psikg.jar serve --tdb2 DIR      (a store written by build --tdb2)
#   stock        bench/StockFuseki.java: jena-fuseki-main with its defaults serving the TriG
#                file psikg build writes (what `fuseki-server --file` does; no build step)
# and prints each run and the median, against the goal of docs/server.md (3 s for serve).
# Needs: java, javac, curl, python3 (to find free ports); builds target/psikg.jar with Maven if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
RUNS=${1:-5}
JAR=target/psikg.jar
[ -f "$JAR" ] || mvn -B -q package -DskipTests
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
java -jar "$JAR" build --out "$WORK/psikg.trig" --tdb2 "$WORK/tdb2" > /dev/null
javac -d "$WORK/classes" -cp "$JAR" bench/StockFuseki.java


# first_answer PORT COMMAND...: prints milliseconds from start to the first answer.
first_answer() {
  local port=$1; shift
  local start end pid
  start=$(date +%s%N)
  "$@" > "$WORK/server.log" 2>&1 &
  pid=$!
  await_answer "$pid" "$port" "$WORK/server.log" 0.02
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

report() {
  local name=$1; shift
  local times=()
  for _ in $(seq "$RUNS"); do
    local port; port=$(free_port)
    times+=("$(first_answer "$port" "$@" "$port")")
  done
  printf '%-11s median %5d ms   runs: %s\n' "$name" "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}"
}

# Each takes the port; exec, so that the background job's pid is the JVM's and kill stops it.
run_serve()      { exec java -jar "$JAR" serve --port "$1"; }
run_serve_tdb2() { exec java -jar "$JAR" serve --tdb2 "$WORK/tdb2" --port "$1"; }
run_stock()      { exec java -cp "$JAR:$WORK/classes" StockFuseki "$WORK/psikg.trig" "$1"; }

echo "first SPARQL answer after start, $RUNS runs each ($(nproc) CPUs, $(java -version 2>&1 | head -1))"
report serve run_serve
report serve-tdb2 run_serve_tdb2
report stock run_stock
echo "goal: serve within 3000 ms (docs/server.md)"
