"""Side-by-side benchmarks of the functions users call (``make bench`` = ``python -m benchmarks``).

Not part of the test suite and never a timed assertion. Each line prints our
time, the reference's time and the ratio, against the aim:

* cold starts of the look-up commands and of ``import bosetting``
  (:mod:`benchmarks.lookups`: under 0.3 s wall; at most 3x ``import attrs``);
* ``tally(categorical Series)`` against ``numpy.bincount`` on its codes (aim 2x);
* ``tally(str Series)`` against ``Series.value_counts()`` (aim 1.2x);
* ``tally(list)`` against ``collections.Counter`` (aim 1.5x);
* ``tally_file`` on a ``voter_id,choice,timestamp`` file against the pandas idiom
  (``read_csv(usecols=[voter, choice])``, ``duplicated``, ``value_counts``), in time and
  peak memory. Each runs in a fresh process; a launcher process reads the peak resident
  memory of its child with ``resource.getrusage(RUSAGE_CHILDREN)``.

The ballots are realistic: names and codes of five nominees, about 0.3 % blank or
unknown; in the file, about 1 % of voters vote twice.

Usage: ``python -m benchmarks [--rows N] [--file-rows N]`` (defaults 1 000 000 and 10 000 000).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from benchmarks.lookups import bench_lookups
from bosetting.decision import sensitivity
from bosetting.jury import JuryAssessment
from bosetting.model import Municipality
from bosetting.voting import tally

NOMINEES = [
    Municipality("4602", "Kinn", "Vestland", 2020),
    Municipality("1804", "Bodø", "Nordland", 1977),
    Municipality("1106", "Haugesund", "Rogaland", 1977),
    Municipality("3027", "Rælingen", "Akershus", 2024),
    Municipality("4223", "Vennesla", "Agder", 2020),
]
CHOICES = [m.name for m in NOMINEES] + [m.code for m in NOMINEES] + ["", "Atlantis"]
WEIGHTS = [5, 4, 3, 2, 1] * 2 + [0.05, 0.05]


def best(fn: Callable[[], Any], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def line(name: str, ours: float, ref: float, ref_name: str, aim: float, unit: str = "ms") -> None:
    ratio = ours / ref
    verdict = "ok" if ratio <= aim else f"ABOVE AIM ({ratio / aim:.2f}x the aim)"
    scale = 1000 if unit == "ms" else 1
    print(
        f"| {name:<40} | {ours * scale:10.1f} {unit} | {ref_name:<34} | {ref * scale:10.1f} {unit} "
        f"| {ratio:6.2f}x | {aim:4.1f}x | {verdict} |"
    )


def choices(n: int, seed: int = 1) -> list[str]:
    return random.Random(seed).choices(CHOICES, weights=WEIGHTS, k=n)


def bench_containers(n: int) -> None:
    picks = choices(n)
    cat = pd.Series(picks, dtype="category")
    codes = cat.cat.codes.to_numpy()
    ours = best(lambda: tally(cat, NOMINEES))
    ref = best(lambda: np.bincount(codes))
    line(f"tally(categorical Series), {n:,}", ours, ref, "numpy.bincount(codes)", 2.0)

    strs = pd.Series(picks, dtype="str")
    ours = best(lambda: tally(strs, NOMINEES))
    ref = best(lambda: strs.value_counts())
    line(f"tally(str Series, {strs.dtype}), {n:,}", ours, ref, "Series.value_counts()", 1.2)

    ours = best(lambda: tally(picks, NOMINEES))
    ref = best(lambda: Counter(picks))
    line(f"tally(list of str), {n:,}", ours, ref, "collections.Counter(list)", 1.5)


def write_file(path: Path, n: int, seed: int = 2) -> None:
    rnd = random.Random(seed)
    picks = choices(n, seed)
    stamps = [
        f"2024-01-{d:02d}T{h:02d}:{m:02d}:00"
        for d in range(1, 29)
        for h in (9, 14)
        for m in (5, 35)
    ]
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("voter_id,choice,timestamp\n")
        step = 1_000_000
        for lo in range(0, n, step):
            rows = []
            for i in range(lo, min(lo + step, n)):
                voter = rnd.randrange(i) if i and rnd.random() < 0.01 else i  # 1 % vote again
                rows.append(f"v{voter:08d},{picks[i]},{stamps[i % len(stamps)]}\n")
            f.writelines(rows)


WORKER = r"""
import sys, time
mode, path = sys.argv[1], sys.argv[2]
if mode == "ours":
    from bosetting.voting import tally_file
    from benchmarks.__main__ import NOMINEES
    start = time.perf_counter()
    t = tally_file(path, NOMINEES)
    took = time.perf_counter() - start
    print(took, t.accepted, len(t.rejected))
else:
    import pandas as pd
    start = time.perf_counter()
    df = pd.read_csv(path, usecols=["voter_id", "choice"], keep_default_na=False)
    counts = df.loc[~df["voter_id"].duplicated(), "choice"].value_counts()
    took = time.perf_counter() - start
    print(took, int(counts.sum()), 0)
"""

LAUNCHER = r"""
import resource, subprocess, sys
out = subprocess.run([sys.executable, "-c", sys.argv[1], *sys.argv[2:]], check=True,
                     capture_output=True, text=True).stdout.split()
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
print(*out, peak)
"""


def run_file(mode: str, path: Path) -> tuple[float, float, str]:
    cmd = [sys.executable, "-c", LAUNCHER, WORKER, mode, str(path)]
    took, accepted, rejected, peak = subprocess.run(
        cmd, check=True, capture_output=True, text=True, cwd=Path(__file__).parent.parent
    ).stdout.split()
    return float(took), int(peak) / 1024, f"{int(accepted):,} counted, {int(rejected):,} rejected"


def bench_file(n: int) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "stemmer.csv"
        start = time.perf_counter()
        write_file(path, n)
        size = path.stat().st_size / 1e6
        print(f"(wrote {n:,} rows, {size:,.0f} MB, in {time.perf_counter() - start:.0f} s)")
        ours_t, ours_m, ours_what = run_file("ours", path)
        ref_t, ref_m, ref_what = run_file("pandas", path)
    name = f"tally_file, {n:,} rows voter_id,choice,timestamp"
    line(name + " (time)", ours_t, ref_t, "read_csv+duplicated+value_counts", 1.0, "s")
    line(name + " (peak RSS)", ours_m, ref_m, "the same, peak RSS", 1.0, "MB")
    print(f"(ours: {ours_what}; pandas idiom: {ref_what} — it neither resolves names nor rejects)")


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
    p.add_argument("--file-rows", type=int, default=10_000_000)
    args = p.parse_args()
    print(f"numpy {np.__version__}, pandas {pd.__version__}; best of 5 runs (files: one run each)")
    print("| what | ours | reference | ref | ratio | aim | verdict |")
    print("|---|---|---|---|---|---|---|")
    bench_lookups()
    bench_containers(args.rows)
    bench_file(args.file_rows)
    bench_decision()


if __name__ == "__main__":
    main()
