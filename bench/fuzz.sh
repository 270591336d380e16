#!/usr/bin/env bash
# A long fuzzing run of every Jazzer fuzz target, on demand (mvn verify fuzzes each for 10 s).
#
#   bench/fuzz.sh [DURATION]        (default 10m per target, e.g. 30s, 2h; from the repository root)
#
# Runs each target in its own JVM (Jazzer fuzzes one test per run) through its surefire
# execution in pom.xml, so coverage covers org.psikg and org.snakeyaml as in CI:
#   fuzz-annotations  AnnotationReaderFuzzTest  annotation files (YAML layer and AnnotationReader)
#   fuzz-registry     RegistryReaderFuzzTest    registry files
#   fuzz-anchor       TextAnchorerFuzzTest      quote anchoring
# and, here only (not in mvn verify, to keep its time), RdfFilesFuzzTest: Turtle and JSON-LD
# through RdfGuard and RIOT, with coverage over org.psikg and org.apache.jena.riot.
# The corpus each run grows is kept in .cifuzz-corpus/ (git-ignored) and reused by the next
# run; a finding is written into the target's inputs folder under src/test/resources and
# fails the run: fix the bug, give the file a telling name and commit it as a regression seed.
# Prints, per target, libFuzzer's last status line (executions, coverage, corpus, exec/s);
# the full logs are in target/fuzz-logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10m}
LOGS=target/fuzz-logs
mvn -B -q test-compile
mkdir -p "$LOGS"
status=0
fuzz() {
  local target=$1
  if [ "$target" = rdf ]; then
    JAZZER_FUZZ=1 mvn -B surefire:test -Dtest=RdfFilesFuzzTest  \
      -DargLine="-Djazzer.max_duration=$DURATION -Djazzer.instrument=org.psikg.**,org.apache.jena.riot.**"
  else
    mvn -B surefire:test@fuzz-$target -Dfuzz.duration="$DURATION"
  fi
}
for target in annotations registry anchor rdf; do
  log="$LOGS/$target.log"
  if fuzz "$target" > "$log" 2>&1; then
    result=ok
  else
    result="FAILED (see $log)"
    status=1
  fi
  summary=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE)' "$log" | tail -1 || true)
  printf '%-12s %s\n             %s\n' "$target" "$result" "${summary:-no libFuzzer status (did it fuzz?)}"
done
exit $status
