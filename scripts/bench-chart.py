#!/usr/bin/env python3
"""Draws the benchmark's chart: sessions/s and join->push latency against concurrency.

usage: scripts/bench-chart.py RESULTS_DIR   (reads RESULTS_DIR/benchmark.json, writes RESULTS_DIR/benchmark.png)
"""
import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
from matplotlib.ticker import NullFormatter, ScalarFormatter  # noqa: E402

# Legends go under the axes: inside, wherever they sat, they hid a line at some level.
BELOW_THE_PLOT = {"loc": "upper center", "bbox_to_anchor": (0.5, -0.16), "ncol": 2, "fontsize": 8, "frameon": False}


def main(folder: Path) -> None:
    results = json.loads((folder / "benchmark.json").read_text())
    levels = sorted(results["levels"], key=lambda level: level["concurrency"])
    concurrency = [level["concurrency"] for level in levels]

    figure, (rate, latency) = plt.subplots(1, 2, figsize=(11, 5.4))
    rate.plot(concurrency, [l["orchestratedPerSecond"] for l in levels], "o-", label="orchestrated (durable)")
    rate.plot(concurrency, [l["plainPerSecond"] for l in levels], "s--", label="plain loop (same 4 calls)")
    if all("floorPerSecond" in l for l in levels):
        rate.plot(concurrency, [l["floorPerSecond"] for l in levels], "^:", label="API floor (7 HTTP calls, nothing durable)")
    rate.axhline(200, color="grey", linestyle=":", label="target at 1,000: 200/s")
    rate.set(xscale="log", xlabel="concurrent sessions", ylabel="full sessions / s", title="Throughput")
    rate.legend(**BELOW_THE_PLOT)
    rate.grid(True, which="both", alpha=0.3)

    latency.plot(concurrency, [l["joinToPushP50Ms"] for l in levels], "o-", label="closed loop: p50")
    latency.plot(concurrency, [l["joinToPushP99Ms"] for l in levels], "s-", label="closed loop: p99")
    paced = results.get("paced")
    if paced:
        label = f"paced, {paced['ratePerSecond']:.0f} arriving/s"
        latency.plot([paced["concurrency"]], [paced["joinToPushP50Ms"]], "D", color="tab:green", label=f"{label}: p50")
        latency.plot([paced["concurrency"]], [paced["joinToPushP99Ms"]], "^", color="tab:red", label=f"{label}: p99")
    latency.axhline(100, color="grey", linestyle=":", label="target p99: 100 ms")
    latency.set(xscale="log", xlabel="concurrent sessions", ylabel="ms", title="Join signal -> push request at the vendor")
    latency.set_yscale("log")
    latency.legend(**BELOW_THE_PLOT)
    latency.grid(True, which="both", alpha=0.3)

    for axis in (rate, latency):
        axis.set_xticks(concurrency)
        axis.xaxis.set_major_formatter(ScalarFormatter())
        axis.xaxis.set_minor_formatter(NullFormatter())

    memory = results["memory"]
    figure.suptitle(
        f"Broadcast benchmark ({results['mode']}, {results['date'][:10]}) - {results['machine'].split(',')[0]}; "
        f"host RSS with {memory['waiting']:,} waiting sessions: {memory['waitingResidentBytes'] / 1e6:.0f} MB",
        fontsize=10,
    )
    figure.tight_layout()
    output = folder / "benchmark.png"
    figure.savefig(output, dpi=110)
    print(f"Chart written to {output}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
