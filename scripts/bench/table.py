#!/usr/bin/env python3
"""Turns the raw measurements of scripts/bench/run.sh into the Markdown table it prints and keeps.

Reads, in the --raw folder, for each system S:
  S-{full,edit,nochange}.R.json   hyperfine's export of round R (wall; user and system seconds), or
  S-{full,edit,nochange}.times   one "wall user sys maxrss-KiB" line a run (/usr/bin/time loop)
  S.rss                        "wall user sys maxrss-KiB" of the check run (the peak RSS)
  S.files                      how many files its output holds
and meta.txt (machine, load, versions) and reportsite.timings (stage times of one ReportSite build).
"""
import argparse
import json
import os
import statistics

NAMES = {"floor": "C floor (libcmark-gfm, one process)", "reportsite": "ReportSite (release)", "hugo": "Hugo"}


def runs_of(raw, name):
    """(median wall, mean CPU = user + sys, largest RSS in KiB or None, fastest and slowest wall) of the timed
    builds: hyperfine's JSON files NAME.<round>.json, else the /usr/bin/time lines of NAME.times."""
    rounds = sorted(f for f in os.listdir(raw) if f.startswith(name + ".") and f.endswith(".json"))
    if rounds:
        walls, cpus = [], []
        for f in rounds:
            with open(os.path.join(raw, f)) as fh:
                r = json.load(fh)["results"][0]
            walls += r["times"]
            cpus.append(r["user"] + r["system"])
        return statistics.median(walls), statistics.mean(cpus), None, min(walls), max(walls)
    with open(os.path.join(raw, name + ".times")) as fh:
        rows = [[float(x) for x in line.split()] for line in fh if line.strip()]
    walls = [r[0] for r in rows]
    return (statistics.median(walls), statistics.mean(r[1] + r[2] for r in rows), max(r[3] for r in rows),
            min(walls), max(walls))


def peak_rss(raw, system, also):
    with open(os.path.join(raw, system + ".rss")) as fh:
        rss = max(float(line.split()[3]) for line in fh if line.strip())
    return max(rss, also or 0) / 1024


def ratio(a, b, digits):
    """a / b, or "n/a" when b is too small to measure (/usr/bin/time counts CPU in hundredths of a second)."""
    return "%.*f" % (digits, a / b) if b > 0 else "n/a"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--raw", required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--bytes", type=int, required=True)
    ap.add_argument("--runs", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--command", required=True)
    ap.add_argument("systems", nargs="+")
    a = ap.parse_args()

    rows = {}
    for s in a.systems:
        wall, cpu, rss, fastest, slowest = runs_of(a.raw, s + "-full")
        ewall, ecpu, erss, _, _ = runs_of(a.raw, s + "-edit")
        nwall, _, nrss, _, _ = runs_of(a.raw, s + "-nochange")
        with open(os.path.join(a.raw, s + ".files")) as fh:
            files = int(fh.read().strip())
        rows[s] = dict(wall=wall, cpu=cpu, rss=peak_rss(a.raw, s, max(rss or 0, erss or 0, nrss or 0)), ewall=ewall, ecpu=ecpu,
                       nwall=nwall,
                       files=files, spread="%.3f-%.3f" % (fastest, slowest))

    mb = a.bytes / 1e6
    out = ["# ReportSite benchmark: %d reports" % a.n, ""]
    out.append("Command: `%s`  " % a.command)
    with open(os.path.join(a.raw, "meta.txt")) as fh:
        for line in fh:
            if line.strip():
                key, _, value = line.strip().partition(": ")
                out.append("%s: %s  " % (key, value))
    out.append("Corpus: %d reports, %.1f MB of Markdown (%.0f KB a report), seed %d; median of %d run%s, warm cache."
               % (a.n, mb, a.bytes / a.n / 1e3, a.seed, a.runs, "" if a.runs == 1 else "s"))
    out.append("")
    out.append("| system | full build: median wall s | fastest-slowest | CPU s (user+sys) | reports/s | MB/s | peak RSS MiB "
               "| files written | one-report edit: median wall s | CPU s | no change: median wall s |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in a.systems:
        r = rows[s]
        out.append("| %s | %.3f | %s | %.3f | %s | %s | %.0f | %d | %.3f | %.3f | %.3f |"
                   % (NAMES.get(s, s), r["wall"], r["spread"], r["cpu"], ratio(a.n, r["wall"], 0), ratio(mb, r["wall"], 1),
                      r["rss"], r["files"],
                      r["ewall"], r["ecpu"], r["nwall"]))
    out.append("")
    rs = rows.get("reportsite")
    if rs and "floor" in rows:
        f = rows["floor"]
        out.append("- ReportSite / C floor: %s times the wall time, %s times the CPU time."
                   % (ratio(rs["wall"], f["wall"], 1), ratio(rs["cpu"], f["cpu"], 1)))
    if rs and "hugo" in rows:
        h = rows["hugo"]
        out.append("- Hugo / ReportSite: %s (wall), %s (CPU); below 1, Hugo is the faster."
                   % (ratio(h["wall"], rs["wall"], 2), ratio(h["cpu"], rs["cpu"], 2)))
    if rs:
        out.append("- ReportSite after a one-report edit: %.0f %% of a full build's wall time (target: at most 10 %%, issue 20). It "
                   "reads every report file, analyses only the edited one (the others' summaries come from the analysis "
                   "cache), links and checks the whole site, and renders only the pages whose inputs changed (the others "
                   "are taken from the previous build); Hugo's figure is a second run into its previous output."
                   % (100 * rs["ewall"] / max(rs["wall"], 1e-9)))
        out.append("- ReportSite with nothing changed: %.0f %% of a full build's wall time (target: at most 10 %%): every "
                   "input is hashed, the output is found up to date and nothing is written."
                   % (100 * rs["nwall"] / max(rs["wall"], 1e-9)))
    timings = os.path.join(a.raw, "reportsite.timings")
    if os.path.exists(timings) and os.path.getsize(timings):
        with open(timings) as fh:
            stages = "; ".join(" ".join(line.replace("timing:", "").split()) for line in fh if line.strip())
        out.append("- ReportSite's stages (one full build, `--timings --no-cache`): %s" % stages)
    out.append("")
    out.append("Reports/s is reports over median wall seconds; MB/s is Markdown bytes in over median wall seconds. Peak RSS "
               "is /usr/bin/time's maximum resident set of the process, from the check build (and the timed runs, "
               "without hyperfine). ReportSite writes more than the report pages (indexes, recommendation pages, "
               "JSON, CSV, assets): see files written. Wall times move with the machine's load; the ratios of one "
               "run are what count, and CPU time is steadier when other work shares the cores.")
    print("\n".join(out))


if __name__ == "__main__":
    main()
