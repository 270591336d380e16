#!/usr/bin/env python3
"""Writes endpoint.md from the figures bench/LoadGen.java wrote (bench/endpoint.sh calls it).

    endpoint_report.py endpoint.tsv endpoint.md key=value...

The key=value pairs (mode, seconds per level, load...) go into the report's header.
Ratios are psikg over stock: on unique queries throughput wants >= 1.0; on the mix with
repeats throughput >= 1.2 and p95 <= 0.8; a query's latency alone <= 1.2.
"""
import os
import platform
import statistics
import subprocess
import sys
from collections import defaultdict

QUERY_GOAL = 1.2
# mode: (throughput goal, p95 goal or None)
GOALS = {"unique": (1.0, None), "mix": (1.2, 0.8)}
PAIRS = [("%s %s" % (ds, mode), "psikg-%s-%s" % (ds, mode), "stock-%s-%s" % (ds, mode))
         for ds in ("mem", "tdb2") for mode in ("unique", "mix")]


def read(path):
    totals, queries = {}, defaultdict(dict)
    probes = defaultdict(dict)
    alone = defaultdict(dict)
    paired = defaultdict(dict)
    cpu = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if p[0] == "total":
                totals[(p[1], int(p[2]))] = dict(n=int(p[3]), seconds=float(p[4]), qps=float(p[5]), p50=float(p[6]),
                                                 p95=float(p[7]), p99=float(p[8]), max=float(p[9]), errors=int(p[10]))
            elif p[0] == "cpu":
                cpu[(p[1], int(p[2]))] = (int(p[3]), float(p[4]))
            elif p[0] == "pairratio":
                paired[(p[1], p[2])][p[3]] = float(p[5])
            elif p[0] == "perquery":
                alone[p[1]][p[2]] = dict(k=int(p[3]), p50=float(p[4]), min=float(p[5]), errors=int(p[6]))
            elif p[0] == "query":
                queries[(p[1], int(p[2]))][p[3]] = dict(n=int(p[4]), p50=float(p[5]), p95=float(p[6]), p99=float(p[7]),
                                                        errors=int(p[8]), by_status=p[9])
                if p[10]:
                    probes[p[1]][p[3]] = dict(status=int(p[10]), bytes=int(p[11]), error=p[12] if len(p) > 12 else "")
    return totals, queries, probes, alone, paired, cpu


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal"):
                mem = "%.0f GB" % (int(line.split()[1]) / 1024 / 1024)
    except OSError:
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = "?"
    return "%d CPUs (%s), %s RAM, %s, %s; psikg at commit %s" % (
        os.cpu_count(), cpu, mem, platform.platform(), java, commit or "?")


def ok(ratio, goal, higher_is_better):
    if ratio is None:
        return "n/a"
    met = ratio >= goal if higher_is_better else ratio <= goal
    return "met" if met else "**not met**"


def ratio(a, b):
    return a / b if b else None


def fmt(r):
    return "n/a" if r is None else "%.2fx" % r


def main():
    tsv, md = sys.argv[1], sys.argv[2]
    meta = dict(kv.split("=", 1) for kv in sys.argv[3:])
    totals, queries, probes, alone, paired, cpu = read(tsv)
    # --quick measures the TDB2 pair only.
    global PAIRS
    PAIRS = [(ds, a, b) for ds, a, b in PAIRS if any(s in (a, b) for s, _ in totals)]
    servers = sorted({s for s, _ in totals}, key=lambda s: [n for _, a, b in PAIRS for n in (a, b)].index(s)
                     if any(s in (a, b) for _, a, b in PAIRS) else 99)
    levels = sorted({c for _, c in totals})
    names = sorted({q for d in queries.values() for q in d})
    out = []
    w = out.append
    w("# Endpoint benchmark: psikg serve against stock Fuseki")
    w("")
    w("Written by `bench/endpoint.sh%s --out DIR` (%s mode: %s warm-up round(s), then %s s per level of"
      " concurrency and server, the two servers of a pair taking turns of %s s; %s s in all)." % (
        " --quick" if meta.get("mode") == "quick" else "", meta.get("mode"), meta.get("warmup_rounds"),
        meta.get("seconds_per_level"), meta.get("chunk"), meta.get("elapsed")))
    w("")
    w("- Machine: %s." % machine())
    w("- Load average (1, 5, 15 min) before: %s; after: %s. The machine may be shared: other work running at the"
      " same time lowers every figure and adds noise to the ratios." % (meta.get("load_before"), meta.get("load_after")))
    w("- Data: the seeds built by `psikg build` (%s quads), %d competency queries (`queries/*.rq`), each sent as"
      " POST `application/sparql-query`, `Accept: application/sparql-results+json`, no `Accept-Encoding` (both"
      " servers answer uncompressed), closed loop (a client sends its next query when it has read the whole"
      " answer), the same requests in the same order to both servers. Two workloads: *unique* (every client going"
      " through all the queries in an order of its own, each request's text made distinct by a `LIMIT n` above"
      " any answer's size, so that psikg's result cache never helps) and *mix* (each client drawing queries from"
      " a Zipf distribution, s = 1, over the queries in a fixed order: a few asked often, most rarely; the warm-up"
      " asked every query once, so psikg's cache is warm)." % (meta.get("quads", "?"), len(names)))
    w("- psikg: `java -jar target/psikg.jar serve` (in memory) and `serve --tdb2 DIR`, default limits (10 s to the"
      " first result, 30 s in all, 10,000 rows). Stock: `bench/StockFuseki.java`, jena-fuseki-main %s (the Jena psikg is built on) with its"
      " defaults (no timeout, no row cap), the same TriG file in an in-memory TDB2 dataset (`--mem-tdb2`) and a copy"
      " of the same TDB2 store (`--tdb2`), both with the union default graph psikg serves." % meta.get("jena", "?"))
    w("")
    w("## Throughput and latency")
    w("")
    w("| server | clients | requests | queries/s | p50 ms | p95 ms | p99 ms | max ms | errors |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in servers:
        for c in levels:
            t = totals.get((s, c))
            if t:
                w("| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d |" % (
                    s, c, t["n"], t["qps"], t["p50"], t["p95"], t["p99"], t["max"], t["errors"]))
    w("")
    w("## psikg / stock")
    w("")
    w("Throughput ratio = psikg queries/s over stock queries/s (goal: unique >= %.1fx, mix >= %.1fx); latency"
      " ratios = psikg over stock (lower is better; goal on the mix: p95 <= %.1fx)." % (
          GOALS["unique"][0], GOALS["mix"][0], GOALS["mix"][1]))
    w("")
    w("| workload | clients | throughput ratio | goal | p50 ratio | p95 ratio | goal | p99 ratio |")
    w("|---|---:|---:|---|---:|---:|---|---:|")
    for ds, ps, st in PAIRS:
        qps_goal, p95_goal = GOALS[ds.split()[-1]]
        for c in levels:
            a, b = totals.get((ps, c)), totals.get((st, c))
            if not a or not b:
                continue
            r = ratio(a["qps"], b["qps"])
            r95 = ratio(a["p95"], b["p95"])
            w("| %s | %d | %s | >= %.1fx %s | %s | %s | %s | %s |" % (
                ds, c, fmt(r), qps_goal, ok(r, qps_goal, True), fmt(ratio(a["p50"], b["p50"])), fmt(r95),
                "<= %.1fx %s" % (p95_goal, ok(r95, p95_goal, False)) if p95_goal else "", fmt(ratio(a["p99"], b["p99"]))))
    w("")
    if cpu:
        w("## CPU per request")
        w("")
        w("The CPU time (user + system, from /proc/PID/stat) each server used during each level, over the requests it"
          " answered: the work per request, which outside load disturbs far less than latency. psikg over stock below"
          " 1.0x means psikg does less work per request.")
        w("")
        w("| dataset | clients | psikg CPU ms/request | stock CPU ms/request | ratio |")
        w("|---|---:|---:|---:|---:|")
        for ds, ps, st in PAIRS:
            for c in levels:
                a, b = cpu.get((ps, c)), cpu.get((st, c))
                if a and b and a[0] and b[0]:
                    pa, pb = 1000 * a[1] / a[0], 1000 * b[1] / b[0]
                    w("| %s | %d | %.2f | %.2f | %s |" % (ds, c, pa, pb, fmt(ratio(pa, pb))))
        w("")
    w("## Per query")
    w("")
    w("Each query alone (one request at a time, no other load from the bench, each request a distinct text as in"
      " the unique workload, so no cache helps), %s times on each server, the two"
      " servers taking turns request by request (psikg then stock, stock then psikg...). The ratio is the median"
      " of the %s ratios psikg/stock of the requests sent back to back, so that whatever else the machine is"
      " doing weighs on both sides of each ratio alike; the medians and the fastest (min) latency of each server"
      " are given too. Goal: no query over %.1fx." % (meta.get("per_query", "?"), meta.get("per_query", "?"), QUERY_GOAL))
    w("")
    hdr = "| query |"
    sep = "|---|"
    cols = [(ds, ps, st) for ds, ps, st in PAIRS if ps in alone and st in alone]
    for ds, ps, st in cols:
        hdr += " %s psikg ms median (min) | %s stock ms median (min) | %s ratio |" % (ds, ds, ds)
        sep += "---:|---:|---:|"
    w(hdr)
    w(sep)
    flagged = []
    per_col = defaultdict(list)
    for q in names:
        row = "| %s |" % q
        for ds, ps, st in cols:
            a, b = alone[ps].get(q), alone[st].get(q)
            r = paired.get((ps, st), {}).get(q)
            if not a or not b or r is None:
                row += " n/a | n/a | n/a |"
                continue
            per_col[ds].append((r, q))
            mark = ""
            if r > QUERY_GOAL:
                mark = " **over**"
                flagged.append((ds, q, r, a, b))
            row += " %.1f (%.1f) | %.1f (%.1f) | %s%s |" % (a["p50"], a["min"], b["p50"], b["min"], fmt(r), mark)
        w(row)
    w("")
    w("| dataset | median of the query ratios | slowest query ratio | queries over %.1fx |" % QUERY_GOAL)
    w("|---|---:|---|---:|")
    for ds, rs in per_col.items():
        vals = [r for r, _ in rs]
        worst = max(rs)
        w("| %s | %s | %s (%s) | %d of %d |" % (ds, fmt(statistics.median(vals)), fmt(worst[0]), worst[1],
                                              sum(1 for v in vals if v > QUERY_GOAL), len(vals)))
    w("")
    if flagged:
        w("Over %.1fx:" % QUERY_GOAL)
        w("")
        for ds, q, r, a, b in sorted(flagged, key=lambda x: -x[2]):
            w("- %s, %s: %s (psikg median %.1f ms, min %.1f; stock median %.1f ms, min %.1f)" % (
                q, ds, fmt(r), a["p50"], a["min"], b["p50"], b["min"]))
    else:
        w("No query over %.1fx." % QUERY_GOAL)
    w("")
    w("## Refusals, errors and answers")
    w("")
    w("psikg limits every query (timeout, row cap); stock Fuseki does not. A query that stock Fuseki answers and"
      " psikg refuses is listed here, as is every error (non-2xx or no answer) during the measured runs. The"
      " warm-up records each query's status and answer size on each server; both servers of a pair should give"
      " the same answer, so a difference in size is listed too (JSON results of the same rows, in the same order,"
      " serialised by the same Jena writer, have the same size).")
    w("")
    lines = []
    for ds, ps, st in PAIRS:
        for q in names:
            a, b = probes.get(ps, {}).get(q), probes.get(st, {}).get(q)
            if not a or not b:
                continue
            if 200 <= b["status"] < 300 and not 200 <= a["status"] < 300:
                lines.append("- %s: %s refused by psikg with %d (%s); stock answered %d bytes" % (
                    ds, q, a["status"], a["error"], b["bytes"]))
            elif not 200 <= b["status"] < 300:
                lines.append("- %s: %s: stock answered %d (%s), psikg %d" % (ds, q, b["status"], b["error"], a["status"]))
            elif a["bytes"] != b["bytes"]:
                lines.append("- %s: %s: answers differ in size (psikg %d bytes, stock %d)" % (ds, q, a["bytes"], b["bytes"]))
    for s, d in sorted(alone.items()):
        for q, v in sorted(d.items()):
            if v["errors"]:
                lines.append("- errors when run alone: %s, %s: %d of %d" % (s, q, v["errors"], v["k"]))
    for (s, c), t in sorted(totals.items()):
        if t["errors"]:
            bad = ["%s %s" % (q, v["by_status"]) for q, v in sorted(queries[(s, c)].items()) if v["errors"]]
            lines.append("- errors under load: %s, %d client(s): %d (%s)" % (s, c, t["errors"], "; ".join(bad)))
    if not probes:
        lines.append("- (no warm-up, so no answers were compared)")
    w("\n".join(lines) if lines else "None: every query was answered by every server, with answers of the same size"
      " from psikg and stock, and no error under load.")
    w("")
    with open(md + ".tmp", "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    os.replace(md + ".tmp", md)


if __name__ == "__main__":
    main()
