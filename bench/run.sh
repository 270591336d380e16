#!/usr/bin/env bash
# The psikg benchmark suite (issue 7): every figure a ratio against a baseline measured in the
# same run on the same machine. See docs/performance.md for what each part measures and why.
#
#   bench/run.sh [--quick] [--out DIR]        (from anywhere; default DIR: target/bench)
#
# Writes DIR/report.md, DIR/scaling.png and the raw data under DIR/raw/. A full run also
# copies the plot to docs/performance-scaling.png. Needs java 21 or later, maven, python3, curl;
# installs hyperfine, gnuplot and GNU time with apt-get if they are missing; builds
# target/psikg.jar if it is missing and fetches jena-cmds (riot, shacl) of the Jena version in
# pom.xml with bench/pom.xml, so that psikg and its baseline run the same Jena. Calls bench/first-answer.sh, and bench/endpoint.sh when it exists.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
ROOT=$(pwd)

QUICK=0
OUT=target/bench
while [ $# -gt 0 ]; do
  case $1 in
    --quick) QUICK=1; shift ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "usage: bench/run.sh [--quick] [--out DIR]" >&2; exit 2 ;;
  esac
done

# Sizes in articles (see docs/performance.md for why not 10^3 and 10^4), the size the ratios
# are measured at, and the repetitions: hyperfine runs, in-process runs, first-answer runs.
if [ "$QUICK" = 1 ]; then
  SIZES="2 5"; REF=5; RUNS=1; WARMUP=0; FA_RUNS=1
else
  SIZES="10 20 40 80"; REF=20; RUNS=2; WARMUP=1; FA_RUNS=3
fi

START=$(date +%s)
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
RAW=$OUT/raw
WORK=$OUT/work
rm -rf "$RAW" "$WORK"
mkdir -p "$RAW" "$WORK"
RESULTS=$RAW/results.tsv
: > "$RESULTS"
result() { printf '%s\t%s\n' "$1" "$2" >> "$RESULTS"; }
log() { printf '[%4ds] %s\n' $(( $(date +%s) - START )) "$*" >&2; }

# --- tools -------------------------------------------------------------------------------
install_missing hyperfine:hyperfine gnuplot:gnuplot-nox /usr/bin/time:time
JAR=$ROOT/target/psikg.jar
if [ ! -f "$JAR" ]; then
  log "building target/psikg.jar"
  mvn -B -q package -DskipTests
fi
jena_cmds
javac -d "$WORK/classes" -cp "$JAR" bench/Bench.java bench/StockFuseki.java
PSIKG="java -jar $JAR"
# riot and shacl (bench/lib.sh) for direct calls; as strings for hyperfine (quoted: java expands the class path's *).
RIOT="java -cp '$CMDS/*' riotcmd.riot"
SHACL="java -cp '$CMDS/*' shacl.shacl"

# --- the machine -------------------------------------------------------------------------
machine_info "$([ "$QUICK" = 1 ] && echo quick || echo full)" > "$RAW/machine.txt"

# first_answer NAME PORT CMD...: starts a server, records ms to its first SPARQL answer and its
# peak RSS (VmHWM) at that moment, then stops it.
first_answer() {
  local name=$1 port=$2; shift 2
  local start end pid
  start=$(date +%s%N)
  "$@" > "$RAW/$name.log" 2>&1 &
  pid=$!
  await_answer "$pid" "$port" "$RAW/$name.log" 0.05
  end=$(date +%s%N)
  result "$name.wall" "$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", (b - a) / 1e9}')"
  result "$name.rss" "$(( $(awk '/VmHWM/ {print $2}' "/proc/$pid/status") / 1024 ))"
  kill "$pid"; wait "$pid" 2> /dev/null || true
}

# --- scaling: build, validate, serve at each size ----------------------------------------
for n in $SIZES; do
  c=$WORK/c$n
  log "size $n: generate, build, validate, serve"
  $PSIKG generate --articles "$n" --seed 1 --out "$c" > /dev/null
  timed "build-$n" $PSIKG build --seeds "$c" --out "$c-out/psikg.trig"
  result "quads-$n" "$(awk '/quads in all/ {print $1}' "$RAW/build-$n.out")"
  timed "validate-$n" $PSIKG validate --data "$c-out/psikg.nq" --output "$RAW/validate-$n.txt" || true
  # --quick serves only the size the ratios are taken at.
  if [ "$QUICK" = 0 ] || [ "$n" = "$REF" ]; then
    port=$(free_port)
    first_answer "serve-$n" "$port" java -jar "$JAR" serve --seeds "$c" --port "$port"
    port=$(free_port)
    first_answer "stock-fuseki-$n" "$port" java -cp "$JAR:$WORK/classes" StockFuseki "$c-out/psikg.trig" "$port"
  fi
done
result sizes "$SIZES"
result ref "$REF"

# --- ratios at the reference size ----------------------------------------------------------
c=$WORK/c$REF
hf() { local name=$1; shift; hyperfine --style none --runs "$RUNS" --export-json "$RAW/$name.json" "$@" > "$RAW/$name.hyperfine.txt" 2>&1; }

log "loader: psikg build vs riot rewriting its N-Quads ($REF articles, $RUNS runs)"
hf loader -n psikg-build "$PSIKG build --seeds $c --out $WORK/loader/psikg.trig" \
  -n psikg-build-nq "$PSIKG build --nquads-only --seeds $c --out $WORK/loader-nq/psikg.trig" \
  -n riot-nq "$RIOT --output=nq $c-out/psikg.nq > $WORK/riot-rewrite.nq"

log "validate: psikg validate vs shacl validate ($REF articles, $RUNS runs)"
# The baseline reads the same quads as one graph (the union psikg validates) and the same shapes, merged.
shacl_inputs "$c-out/psikg.nq" "$WORK"
hf validate -i -n psikg-validate "$PSIKG validate --data $c-out/psikg.nq --output $WORK/psikg-validate.txt" \
  -n shacl-validate "$SHACL validate --shapes $WORK/shapes.nt --data $WORK/union.nt > $WORK/shacl-report.ttl"
# The results of the last run of each, compared by severity.
cp "$WORK/shacl-report.ttl" "$WORK/psikg-validate.txt" "$RAW/"
for sev in Violation Warning Info; do
  result "shacl-results.$sev" "$(grep -c "sh:resultSeverity *sh:$sev" "$RAW/shacl-report.ttl" || true)"
done
summary=$(grep -E '^[0-9]+ result\(s\)' "$RAW/psikg-validate.txt" || echo "0 result(s): 0 violation(s), 0 warning(s), 0 info")
result psikg-results.Violation "$(echo "$summary" | sed -E 's/.* ([0-9]+) violation.*/\1/')"
result psikg-results.Warning "$(echo "$summary" | sed -E 's/.* ([0-9]+) warning.*/\1/')"
result psikg-results.Info "$(echo "$summary" | sed -E 's/.* ([0-9]+) info.*/\1/')"

log "inference: OWL 2 RL rules vs Jena RDFS and OWL-micro ($REF articles)"
java -cp "$JAR:$WORK/classes" Bench "$c-out/psikg.nq" bench/owl-rl.rules "$WARMUP" "$RUNS" > "$RAW/inference.txt" 2> "$RAW/inference.err"
while read -r name ms size inferred; do
  result "inference.$name.ms" "$ms"; result "inference.$name.inferred" "$inferred"
done < "$RAW/inference.txt"

log "start-up: psikg build on the seeds vs riot --validate on its output ($RUNS runs)"
$PSIKG build --out "$WORK/seeds/psikg.trig" > "$RAW/seeds-build.out"
result quads-seeds "$(awk '/quads in all/ {print $1}' "$RAW/seeds-build.out")"
hf startup -n psikg-build-seeds "$PSIKG build --out $WORK/seeds-timed/psikg.trig" \
  -n riot-validate "$RIOT --validate $WORK/seeds/psikg.trig"

log "first answer: bench/first-answer.sh $FA_RUNS"
bench/first-answer.sh "$FA_RUNS" > "$RAW/first-answer.txt" 2>&1
for name in serve serve-tdb2 stock; do
  result "first-answer.$name" "$(awk -v n="$name" '$1 == n {print $3}' "$RAW/first-answer.txt")"
done

if [ -f bench/endpoint.sh ]; then
  log "endpoint: bench/endpoint.sh"
  bash bench/endpoint.sh $([ "$QUICK" = 1 ] && echo --quick) --out "$OUT/endpoint" > "$RAW/endpoint.txt" 2>&1 \
    || echo "bench/endpoint.sh failed: see $RAW/endpoint.txt" >&2
fi

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RAW/machine.txt"
result elapsed "$(( $(date +%s) - START ))"

# --- plot and report -----------------------------------------------------------------------
python3 bench/report.py "$OUT" "$([ "$QUICK" = 1 ] && echo quick || echo full)"
gnuplot "$RAW/scaling.gp"
if [ "$QUICK" = 0 ]; then
  cp "$OUT/scaling.png" docs/performance-scaling.png
fi
log "done: $OUT/report.md"
