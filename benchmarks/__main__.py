"""Side-by-side benchmarks of the functions users call (``make bench`` = ``python -m benchmarks``).

Not part of the test suite and never a timed assertion. Each line prints our
time, the reference's time and the ratio, against the aim:

* cold starts of the look-up commands and of ``import bosetting``
  (:mod:`benchmarks.lookups`: under 0.3 s wall; at most 3x ``import attrs``);
* the vote (:mod:`benchmarks.votes`): ``tally`` of every container against its natural
  baseline, ``tally_file`` against the polars, DuckDB and pandas idioms in time and peak
  memory (each in a fresh process), and 5 M rejected ballots written as JSON.

Usage: ``python -m benchmarks [--rows N] [--file-rows N ...] [--rejected N]``
(defaults 1 000 000; 5 600 000 and 20 000 000; 5 000 000).
"""

from __future__ import annotations

import argparse
import random

import numpy as np
import pandas as pd

from benchmarks import votes
from benchmarks.lookups import bench_lookups
from benchmarks.votes import best
from bosetting.decision import sensitivity
from bosetting.jury import JuryAssessment
from bosetting.model import Municipality
from bosetting.voting import tally


def bench_decision() -> None:
    rng = random.Random(3)
    noms = [Municipality(f"{i:04d}", f"K{i}", "X", 2020) for i in range(1, 301)]
    t = tally([rng.choice(noms).code for _ in range(50_000)], noms)
    records = [
        {"juror": f"j{j}", "nominee": m, "criterion": f"c{c}", "score": rng.randint(1, 6)}
        for m in noms
        for j in range(8)
        for c in range(4)
    ]
    jury = JuryAssessment.from_records(records, noms)
    took = best(lambda: JuryAssessment.from_records(records, noms).require(noms), 3)
    print(
        f"(jury: {len(records):,} scores for {len(noms)} nominees scored in {took * 1000:.0f} ms)"
    )
    took = best(lambda: sensitivity(t, jury), 3)
    s = sensitivity(t, jury)
    print(
        f"(exact sensitivity, {len(noms)} nominees: {len(s.intervals)} intervals in {took * 1000:.0f} ms)"
    )


def main() -> None:
    p = argparse.ArgumentParser(prog="python -m benchmarks")
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--file-rows", type=int, nargs="+", default=[5_600_000, 20_000_000])
    p.add_argument("--rejected", type=int, default=5_000_000)
    args = p.parse_args()
    print(f"numpy {np.__version__}, pandas {pd.__version__}; best of 5 runs (files: one run each)")
    print("| what | ours | reference | ref | ratio | aim | verdict |")
    print("|---|---|---|---|---|---|---|")
    bench_lookups()
    votes.main(args.rows, args.file_rows, args.rejected)
    bench_decision()


if __name__ == "__main__":
    main()
