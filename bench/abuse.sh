#!/usr/bin/env bash
# An innocent client's latency while 8 clients send the worst queries psikg knows (issue 16):
# the hostile-query corpus of src/test/resources/hostile/*.rq, each client from its own
# loopback address, one query at a time, in a loop bounded in time (SECONDS_ABUSE) and
# count (ROUNDS per client), against `psikg serve --tdb2` with its default limits.
#
#   bench/abuse.sh [--quick] --out DIR
#
# Phases, on one server:
#   alone   the innocent query (a competency question, queries/01-integration-projects.rq)
#           sent every 0.25 s from 127.0.0.2, nobody else: the baseline
#   abuse   the same, while the 8 abusive clients (127.0.0.21-28) run
#   after   the same again, the abuse over: does the server come back
# For each: requests, p50, p95 and max latency, statuses; the abusers' statuses; the server's
# CPU time and its live heap (jcmd GC.heap_info after a GC) at the start, after the phase
# alone and one read of every quad (the warm baseline) and at the end.
# DIR/abuse.md has the table, DIR/abuse.tsv the raw figures.
# Loopback only. No stock-Fuseki baseline is run under abuse: with no timeout and ARQ's
# whole function library, the corpus pins its CPUs for minutes and fills its heap (the
# attacks of issue 16), which a shared machine cannot be asked to bear; the baseline here
# is the same server with no abuse (phase alone).
#   --quick  10 s per phase, 3 rounds per abuser; default 60 s per phase, 30 rounds.
# Needs: java 21+, curl, python3; builds target/psikg.jar with Maven if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

parse_quick_out abuse.sh "$@"
if [ "$QUICK" = 1 ]; then PHASE=10; ROUNDS=3; else PHASE=60; ROUNDS=30; fi
ABUSERS=8
JAR=target/psikg.jar
[ -f "$JAR" ] || mvn -B -q package -DskipTests

with_work_dir

java -jar "$JAR" build --out "$WORK/psikg.trig" --tdb2 "$WORK/tdb2" > "$WORK/build.log"
PORT=$(free_port)
java -jar "$JAR" serve --tdb2 "$WORK/tdb2" --port "$PORT" > "$WORK/server.log" 2>&1 &
SERVER=$!
PIDS+=("$SERVER")
await_answer "$SERVER" "$PORT" "$WORK/server.log"
URL="http://127.0.0.1:$PORT/psikg/sparql"
INNOCENT=queries/01-integration-projects.rq

cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"; }
live_heap_mb() {
  jcmd "$1" GC.run > /dev/null 2>&1 || true
  jcmd "$1" GC.heap_info 2>/dev/null | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i+1); sub("K", "", v); print int(v / 1024); exit } }'
}

# innocent PHASE-NAME: the innocent query every 0.25 s for PHASE seconds.
innocent() {
  local end=$((SECONDS + PHASE))
  while [ "$SECONDS" -lt "$end" ]; do
    curl -s -o /dev/null --interface 127.0.0.2 --max-time 60 -w "$1\tinnocent\t%{http_code}\t%{time_total}\n" \
      -H 'Accept: application/sparql-results+json' --data-urlencode "query@$INNOCENT" "$URL" >> "$WORK/abuse.tsv" || true
    sleep 0.25
  done
}

# abuser N: the corpus in turn, one query at a time, until the phase ends or ROUNDS are done.
abuser() {
  local end=$((SECONDS + PHASE)) round=0
  while [ "$SECONDS" -lt "$end" ] && [ "$round" -lt "$ROUNDS" ]; do
    for q in src/test/resources/hostile/*.rq; do
      [ "$SECONDS" -lt "$end" ] || break
      curl -s -o /dev/null --interface "127.0.0.$((20 + $1))" --max-time 60 \
        -w "abuse\tabuser\t%{http_code}\t%{time_total}\n" -H 'Content-Type: application/sparql-query' \
        -H 'Accept: application/sparql-results+json' --data-binary "@$q" "$URL" >> "$WORK/abuse.tsv" || true
    done
    round=$((round + 1))
  done
}

: > "$WORK/abuse.tsv"
HEAP0=$(live_heap_mb "$SERVER")
innocent alone
# The baseline is a server that has read all of its data once, as any served store soon has:
# TDB2's node caches then hold what the abuse would otherwise be charged with filling.
curl -s -o /dev/null --interface 127.0.0.2 --max-time 60 -H 'Accept: application/sparql-results+json' \
  --data-urlencode 'query=SELECT (MAX(STR(?s)) AS ?a) (MAX(STR(?p)) AS ?b) (MAX(STR(?o)) AS ?c) { GRAPH ?g { ?s ?p ?o } }' "$URL"
HEAPW=$(live_heap_mb "$SERVER")
CPU0=$(cpu_seconds "$SERVER")
ABUSER_PIDS=()
for i in $(seq 1 "$ABUSERS"); do abuser "$i" & ABUSER_PIDS+=($!); done
innocent abuse
for pid in "${ABUSER_PIDS[@]}"; do wait "$pid"; done
CPU1=$(cpu_seconds "$SERVER")
innocent after
HEAP1=$(live_heap_mb "$SERVER")
cp "$WORK/abuse.tsv" "$OUT/abuse.tsv"

python3 - "$OUT/abuse.tsv" "$CPU0" "$CPU1" "$HEAP0" "$HEAP1" "$PHASE" "$HEAPW" > "$OUT/abuse.md" <<'PY'
import sys, statistics, collections
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
cpu = float(sys.argv[3]) - float(sys.argv[2])
print("| phase | client | requests | statuses | p50 (s) | p95 (s) | max (s) |")
print("|---|---|---|---|---|---|---|")
for phase in ("alone", "abuse", "after"):
    for who in ("innocent", "abuser"):
        r = [x for x in rows if x[0] == phase and x[1] == who]
        if not r:
            continue
        t = sorted(float(x[3]) for x in r)
        p = lambda q: t[min(len(t) - 1, int(q * len(t)))]
        st = collections.Counter(x[2] for x in r)
        print(f"| {phase} | {who} | {len(r)} | {', '.join(f'{k}: {v}' for k, v in sorted(st.items()))} | "
              f"{statistics.median(t):.3f} | {p(0.95):.3f} | {t[-1]:.3f} |")
print()
print(f"Server CPU during the abuse phase: {cpu:.1f} s in {sys.argv[6]} s of wall time; "
      f"live heap after a GC: {sys.argv[4]} MB at the start, {sys.argv[7]} MB after the phase alone and one "
      f"read of every quad (the warm baseline), {sys.argv[5]} MB after the phase after ({int(sys.argv[5]) / max(1, int(sys.argv[7])):.2f}x the baseline).")
PY
cat "$OUT/abuse.md"
