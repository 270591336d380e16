#!/usr/bin/env python3
"""Writes the soak report (bench/soak.sh calls it) and says whether the soak passed.

    soak_report.py loadgen.log memory.tsv report.md key=value...

loadgen.log is what bench/LoadGen.java printed (its slices, its summary and per-query lines);
memory.tsv the samples of bench/soak.sh ("seconds rss-kB heap-kB live-kB|-").

Exit 0 if no request failed and memory stayed within the limits below, 1 otherwise.
"""
import os
import sys

import re

# The memory after warm-up is taken over the first third of the run, from WARMUP_S on, and
# compared with the last third. RSS: the largest value of each (the RSS swings by hundreds of
# MB as G1 sizes the heap, so a single sample is no baseline). Live heap (in use just after a
# full GC): the smallest of each, since the requests in flight at the moment of the GC (16
# clients' results being built) add a varying amount; what is retained for good (a leak)
# raises the smallest value.
RSS_GROWTH = 1.5
LIVE_GROWTH = 1.2
LIVE_SLACK_KB = 16 * 1024
WARMUP_S = 60
SUMMARY = re.compile(r"(\d+) requests in ([0-9.]+) s = ([0-9.]+) qps; p50 ([0-9.]+) ms, p95 ([0-9.]+) ms, "
                     r"p99 ([0-9.]+) ms, max ([0-9.]+) ms; errors (\d+)")
QUERY = re.compile(r"^  (\d\d-\S+)\s+(\d+)\s+([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)\s*(.*)$")


def mb(kb):
    return "%.0f" % (kb / 1024) if kb is not None else "-"


def fmt_ratio(a, b):
    return "%.2fx" % (a / b) if a and b else "n/a"


def num(v):
    return int(v) if v not in ("-", "") else None


def main():
    log, memory, md = sys.argv[1:4]
    meta = dict(kv.split("=", 1) for kv in sys.argv[4:])
    slices, total, per_query = [], None, []
    with open(log, encoding="utf-8") as f:
        for line in f:
            if line.startswith("slice ") and not line.startswith("slice   t(s)"):
                p = line.split()
                slices.append(dict(t=float(p[1]), n=int(p[2]), qps=float(p[3]), p50=float(p[4]), p95=float(p[5]),
                                   p99=float(p[6]), max=float(p[7]), errors=int(p[8])))
            elif SUMMARY.search(line):
                m = SUMMARY.search(line)
                total = dict(n=int(m[1]), seconds=float(m[2]), qps=float(m[3]), p50=float(m[4]), p95=float(m[5]),
                             p99=float(m[6]), max=float(m[7]), errors=int(m[8]))
            elif QUERY.match(line):
                m = QUERY.match(line)
                errors = sum(int(v) for v in re.findall(r"=(\d+)", m[6]))
                per_query.append(dict(name=m[1], n=int(m[2]), p50=float(m[3]), p95=float(m[4]), p99=float(m[5]),
                                      errors=errors, by_status=m[6].strip()))
    mem = []
    with open(memory, encoding="utf-8") as f:
        for line in f:
            t, rss, heap, live = line.split()
            mem.append(dict(t=int(t), rss=num(rss), heap=num(heap), live=num(live)))

    failures = []
    if total is None:
        failures.append("the load generator wrote no figures")
    elif total["errors"]:
        failures.append("%d requests failed" % total["errors"])
    end = mem[-1]["t"] if mem else 0
    start = min(WARMUP_S, end / 3)
    first = [m for m in mem if start <= m["t"] <= max(end / 3, start)]
    last = [m for m in mem if m["t"] >= end * 2 / 3]
    rss_first = [m["rss"] for m in first if m["rss"]]
    rss_last = [m["rss"] for m in last if m["rss"]]
    base_rss = max(rss_first) if rss_first else None
    peak_late = max(rss_last) if rss_last else None
    if base_rss and peak_late and peak_late > RSS_GROWTH * base_rss:
        failures.append("RSS grew from at most %s MB in the first third to %s MB in the last (over %.1fx)"
                        % (mb(base_rss), mb(peak_late), RSS_GROWTH))
    live_first = [m["live"] for m in first if m["live"]]
    live_last = [m["live"] for m in last if m["live"]]
    first_live = min(live_first) if live_first else None
    last_live = min(live_last) if live_last else None
    if first_live and last_live and last_live > LIVE_GROWTH * first_live + LIVE_SLACK_KB:
        failures.append("live heap grew from at least %s MB in the first third to %s MB in the last (over %.1fx + 16 MB)"
                        % (mb(first_live), mb(last_live), LIVE_GROWTH))
    if not live_first or not live_last:
        failures.append("too few live-heap samples (a run of at least 3 minutes is needed)")
    if not mem or base_rss is None:
        failures.append("no memory samples after warm-up")

    out = []
    w = out.append
    w("Soak: `%sbench/soak.sh --minutes %s --clients %s`: %s." % (
        "SERVE_ARGS=\"%s\" " % meta["serve_args"] if meta.get("serve_args") else "", meta["minutes"], meta["clients"],
        "**passed**" if not failures else "**failed**: " + "; ".join(failures)))
    w("")
    w("- Server: `java %s-jar target/psikg.jar serve --max-concurrent-per-client %s%s` (default limits otherwise),"
      " pid sampled every 10 s; load average before %s, after %s." % (
          meta.get("java_opts") + " " if meta.get("java_opts") else "", meta["clients"],
          " " + meta["serve_args"] if meta.get("serve_args") else "", meta.get("load_before"), meta.get("load_after")))
    if total:
        w("- In all: %d requests in %.0f s, %.1f queries/s; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms;"
          " %d errors." % (total["n"], total["seconds"], total["qps"], total["p50"], total["p95"], total["p99"],
                           total["max"], total["errors"]))
    w("- Memory limits, the first third of the run (from %d s) against the last third: largest RSS at most"
      " %.1fx; smallest live heap (in use just after a full GC) at most %.1fx + 16 MB. RSS: at most %s MB in"
      " the first third, %s MB in the last (%s); live heap: at least %s MB in the first third, %s MB in the"
      " last (%s)." % (WARMUP_S, RSS_GROWTH, LIVE_GROWTH, mb(base_rss), mb(peak_late),
                        fmt_ratio(peak_late, base_rss), mb(first_live), mb(last_live), fmt_ratio(last_live, first_live)))
    w("")
    w("Latency over time (each 30 s slice; the requests that finished in it):")
    w("")
    w("| until s | requests | queries/s | p50 ms | p95 ms | p99 ms | max ms | errors |")
    w("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in slices:
        w("| %.0f | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d |" % (
            s["t"], s["n"], s["qps"], s["p50"], s["p95"], s["p99"], s["max"], s["errors"]))
    w("")
    w("Memory over time (seconds since the load generator started, warm-up round included; live heap: after"
      " a full GC, every 60 s):")
    w("")
    w("| s | RSS MB | heap in use MB | live heap MB |")
    w("|---:|---:|---:|---:|")
    for m in mem:
        w("| %d | %s | %s | %s |" % (m["t"], mb(m["rss"]), mb(m["heap"]), mb(m["live"]) if m["live"] else ""))
    w("")
    slow = sorted(per_query, key=lambda q: -q["p99"])[:5]
    if slow:
        w("Slowest queries under this load (p99): " + "; ".join(
            "%s %.0f ms (p50 %.0f, %d requests)" % (q["name"], q["p99"], q["p50"], q["n"]) for q in slow) + ".")
    bad = [q for q in per_query if q["errors"]]
    if bad:
        w("")
        w("Errors by query: " + "; ".join("%s %s" % (q["name"], q["by_status"]) for q in bad) + ".")
    w("")
    with open(md + ".tmp", "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    os.replace(md + ".tmp", md)
    print("\n".join(out[:5]))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
