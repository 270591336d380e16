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
