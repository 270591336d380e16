# Functions the bench scripts share; sourced from the repository root (`. bench/lib.sh`).

# free_port: prints a loopback port that was free a moment ago.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# await_answer PID PORT LOG [POLL]: returns once the server on PORT answers a SPARQL query
# that needs its data (`ASK { ?s ?p ?o }`), polling every POLL seconds (default 0.1); exits 1,
# showing LOG, if the process PID dies first or three minutes pass.
await_answer() {
  local pid=$1 port=$2 log=$3 poll=${4:-0.1} deadline=$((SECONDS + 180))
  until curl -sf -o /dev/null "http://127.0.0.1:$port/psikg/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D"; do
    if ! kill -0 "$pid" 2> /dev/null; then echo "the server died:" >&2; cat "$log" >&2; exit 1; fi
    if [ "$SECONDS" -ge "$deadline" ]; then echo "the server did not answer in 3 minutes:" >&2; cat "$log" >&2; exit 1; fi
    sleep "$poll"
  done
}

# parse_quick_out NAME ARGS...: the options of the scripts that take `[--quick] --out DIR`;
# sets QUICK (0 or 1) and OUT (an absolute path, created), or prints NAME's usage and exits 2.
parse_quick_out() {
  local name=$1; shift
  QUICK=0
  OUT=
  while [ $# -gt 0 ]; do
    case "$1" in
      --quick) QUICK=1; shift ;;
      --out) [ $# -ge 2 ] || break; OUT=$2; shift 2 ;;
      *) break ;;
    esac
  done
  if [ $# -gt 0 ] || [ -z "$OUT" ]; then echo "usage: bench/$name [--quick] --out DIR" >&2; exit 2; fi
  mkdir -p "$OUT"
  OUT=$(cd "$OUT" && pwd)
}

# with_work_dir: a scratch folder WORK, and PIDS, the background servers to stop; on exit
# (or stop_all) every pid in PIDS is killed and waited for, then WORK is removed.
with_work_dir() {
  WORK=$(mktemp -d)
  PIDS=()
  trap 'stop_all; rm -rf "$WORK"' EXIT
}
stop_all() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}

# jena_cmds: sets CMDS, the folder of stock Jena's command-line tools (jena-cmds of the Jena
# version in pom.xml, and what its xloader phases need), fetched with bench/pom.xml when
# missing; riot and shacl (below) run them.
jena_cmds() {
  local jena
  jena=$(sed -n 's:.*<jena.version>\(.*\)</jena.version>.*:\1:p' pom.xml | head -1)
  CMDS=$(pwd)/bench/target/cmds-$jena
  if [ ! -f "$CMDS/jena-cmds-$jena.jar" ] || ! ls "$CMDS"/log4j-core-*.jar > /dev/null 2>&1; then
    echo "fetching jena-cmds $jena" >&2
    mvn -B -q -f bench/pom.xml -Djena.version="$jena" dependency:copy-dependencies \
      -DoutputDirectory="$CMDS" -DincludeScope=runtime
  fi
}
riot() { java -cp "$CMDS/*" riotcmd.riot "$@"; }
shacl() { java -cp "$CMDS/*" shacl.shacl "$@"; }

# shacl_inputs NQ DIR: what stock `shacl validate` reads in place of `psikg validate --data NQ`:
# DIR/union.nt, the same quads as one graph (the union psikg validates), and DIR/shapes.nt,
# the shapes merged.
shacl_inputs() {
  sed -E 's/ <[^<>]*> \.$/ ./' "$1" > "$2/union.nt"
  riot --out=nt shapes/*.ttl > "$2/shapes.nt" 2> /dev/null
}

# install_missing COMMAND:PACKAGE...: installs with apt-get the Debian package of each command
# (a name on the PATH or an absolute path) that is missing.
install_missing() {
  local missing=() pair
  for pair in "$@"; do
    command -v "${pair%%:*}" > /dev/null || missing+=("${pair#*:}")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}" >&2
    local sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" > /dev/null
  fi
}

# machine_info MODE: the machine, for a report's raw/machine.txt.
machine_info() {
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2}') GB"
  echo "java: $(java -version 2>&1 | grep -v '^Picked up' | head -1)"
  echo "os: $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "mode: $1"
}

# timed NAME CMD...: runs CMD once under GNU time -v (its report in RAW/NAME.time, CMD's output
# in RAW/NAME.out and RAW/NAME.err) and records, with the caller's `result KEY VALUE`,
# NAME.wall (s), NAME.cpu (user + system s, children included) and NAME.rss (peak resident
# MB of the largest process); returns CMD's exit code.
timed() {
  local name=$1; shift
  local rc=0 wall cpu mb
  /usr/bin/time -v -o "$RAW/$name.time" "$@" > "$RAW/$name.out" 2> "$RAW/$name.err" || rc=$?
  read -r wall cpu mb < <(awk -F': ' '
    /Elapsed \(wall clock\)/ {n = split($2, t, ":"); for (i = 1; i <= n; i++) w = w * 60 + t[i]}
    /User time|System time/ {c += $2}
    /Maximum resident/ {m = $2}
    END {printf "%.2f %.2f %d\n", w, c, m / 1024}' "$RAW/$name.time")
  result "$name.wall" "$wall"
  result "$name.cpu" "$cpu"
  result "$name.rss" "$mb"
  return $rc
}
