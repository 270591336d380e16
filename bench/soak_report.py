#!/usr/bin/env python3
"""Writes the soak report (bench/soak.sh calls it) and says whether the soak passed.

    soak_report.py loadgen.log soak.tsv memory.tsv report.md key=value...

Exit 0 if no request failed and memory stayed within the limits below, 1 otherwise.
"""
import os
import sys

RSS_GROWTH = 1.5          # largest RSS in the last third over the RSS after warm-up
LIVE_GROWTH = 1.2         # last live heap over the first after warm-up ...
LIVE_SLACK_KB = 16 * 1024  # ... plus this
WARMUP_S = 60             # the first memory sample at least this far into the run is the baseline


def mb(kb):
    return "%.0f" % (kb / 1024) if kb is not None else "-"


def num(v):
    return int(v) if v not in ("-", "") else None


def main():
    log, tsv, memory, md = sys.argv[1:5]
    meta = dict(kv.split("=", 1) for kv in sys.argv[5:])
    slices = []
    with open(log, encoding="utf-8") as f:
        for line in f:
            if line.startswith("slice ") and not line.startswith("slice   t(s)"):
                p = line.split()
                slices.append(dict(t=float(p[1]), n=int(p[2]), qps=float(p[3]), p50=float(p[4]), p95=float(p[5]),
                                   p99=float(p[6]), max=float(p[7]), errors=int(p[8])))
    total, per_query = None, []
    with open(tsv, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if p[0] == "total":
                total = dict(n=int(p[3]), seconds=float(p[4]), qps=float(p[5]), p50=float(p[6]), p95=float(p[7]),
                             p99=float(p[8]), max=float(p[9]), errors=int(p[10]))
            elif p[0] == "query":
                per_query.append(dict(name=p[3], n=int(p[4]), p50=float(p[5]), p95=float(p[6]), p99=float(p[7]),
                                      errors=int(p[8]), by_status=p[9]))
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
    warm = [m for m in mem if m["t"] >= min(WARMUP_S, end / 3) and m["rss"]]
    base_rss = warm[0]["rss"] if warm else None
    last_third = [m["rss"] for m in mem if m["t"] >= end * 2 / 3 and m["rss"]]
    peak_late = max(last_third) if last_third else None
    if base_rss and peak_late and peak_late > RSS_GROWTH * base_rss:
        failures.append("RSS grew from %s MB after warm-up to %s MB in the last third (over %.1fx)"
                        % (mb(base_rss), mb(peak_late), RSS_GROWTH))
    lives = [m for m in mem if m["live"] and m["t"] >= min(WARMUP_S, end / 3)]
    first_live = lives[0]["live"] if lives else None
    last_live = lives[-1]["live"] if lives else None
    if first_live and last_live and last_live > LIVE_GROWTH * first_live + LIVE_SLACK_KB:
        failures.append("live heap grew from %s MB to %s MB (over %.1fx + 16 MB)"
                        % (mb(first_live), mb(last_live), LIVE_GROWTH))
    if not mem or base_rss is None:
        failures.append("no memory samples after warm-up")

    out = []
    w = out.append
    w("Soak: `%sbench/soak.sh --minutes %s --clients %s`: %s." % (
        "SERVE_ARGS=\"%s\" " % meta["serve_args"] if meta.get("serve_args") else "", meta["minutes"], meta["clients"],
        "**passed**" if not failures else "**failed**: " + "; ".join(failures)))
    w("")
    w("- Server: `java %s-jar target/psikg.jar serve %s` (default limits), pid sampled every 10 s; load average"
      " before %s, after %s." % (meta.get("java_opts") + " " if meta.get("java_opts") else "",
                                 meta.get("serve_args", ""), meta.get("load_before"), meta.get("load_after")))
    if total:
        w("- In all: %d requests in %.0f s, %.1f queries/s; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms;"
          " %d errors." % (total["n"], total["seconds"], total["qps"], total["p50"], total["p95"], total["p99"],
                           total["max"], total["errors"]))
    w("- Memory limits: RSS in the last third at most %.1fx the RSS after warm-up (the first sample >= %d s);"
      " live heap (after a full GC) at the end at most %.1fx the first after warm-up + 16 MB. RSS after warm-up"
      " %s MB, largest in the last third %s MB; live heap first %s MB, last %s MB." % (
          RSS_GROWTH, WARMUP_S, LIVE_GROWTH, mb(base_rss), mb(peak_late), mb(first_live), mb(last_live)))
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
