"""Side-by-side benchmarks for the public vote (``make bench`` = ``python -m benchmarks``).

Not part of the test suite. Each line prints our time, the reference's time and the ratio.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from bosetting.decision import sensitivity
from bosetting.jury import JuryAssessment
from bosetting.model import Municipality
from bosetting.voting import tally_codes, tally_file

NOMINEES = [
    Municipality("4602", "Kinn", "Vestland", 2020),
    Municipality("1804", "Bodø", "Nordland", 1977),
    Municipality("1106", "Haugesund", "Rogaland", 1977),
    Municipality("3027", "Rælingen", "Akershus", 2024),
    Municipality("4223", "Vennesla", "Agder", 2020),
]


def best(fn: Callable[[], Any], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def line(
    name: str, ours: float, ref: float | None = None, ref_name: str = "", aim: float | None = None
) -> None:
    if ref is None:
        print(f"{name:<44} {ours * 1000:9.1f} ms")
        return
    ratio = ours / ref
    verdict = "" if aim is None else ("  ok" if ratio <= aim else f"  ABOVE AIM {aim}x")
    print(
        f"{name:<44} {ours * 1000:9.1f} ms  vs {ref_name} {ref * 1000:8.1f} ms  ratio {ratio:5.2f}x{verdict}"
    )


def bench_codes(n: int = 10_000_000) -> None:
    rng = np.random.default_rng(1)
    codes = np.array([int(m.code) for m in NOMINEES], dtype=np.int64)
    arr = codes[rng.integers(0, len(codes), n)]
    ours = best(lambda: tally_codes(arr, NOMINEES))
    ref = best(lambda: np.bincount(arr))
    line(f"tally_codes, {n:,} coded ballots", ours, ref, "numpy.bincount", 2.0)


def write_csv(path: Path, n: int, voters: bool) -> None:
    rnd = random.Random(2)
    choices = [m.name for m in NOMINEES] + [m.code for m in NOMINEES] + ["", "Atlantis"]
    weights = [5, 4, 3, 2, 1] * 2 + [0.05, 0.05]
    picks = rnd.choices(choices, weights=weights, k=n)
    with path.open("w", encoding="utf-8", newline="") as f:
        if voters:
            f.write("valg,velger\n")
            f.writelines(f"{c},v{i}\n" for i, c in enumerate(picks))
        else:
            f.write("valg\n")
            f.writelines(f"{c}\n" for c in picks)


def bench_csv(n: int = 1_000_000) -> None:
    with tempfile.TemporaryDirectory() as d:
        for voters in (False, True):
            path = Path(d) / f"votes-{voters}.csv"
            write_csv(path, n, voters)
            ours = best(lambda p=path: tally_file(p, NOMINEES))  # type: ignore[misc]
            ref = best(lambda p=path: pd.read_csv(p, dtype=str, keep_default_na=False))  # type: ignore[misc]
            what = "choice + voter id" if voters else "choice only"
            line(f"tally_file, {n:,}-row CSV ({what})", ours, ref, "pandas.read_csv", 1.5)


def bench_sensitivity(weights: int = 1001) -> None:
    rng = random.Random(3)
    t = tally_codes(np.array([int(rng.choice(NOMINEES).code) for _ in range(10_000)]), NOMINEES)
    jury = JuryAssessment.from_scores({m: rng.randint(1, 6) for m in NOMINEES})
    ws = [i / (weights - 1) for i in range(weights)]
    ours = best(lambda: sensitivity(t, jury, ws))
    line(f"sensitivity sweep, {weights:,} weights, {len(NOMINEES)} nominees", ours)


def main() -> None:
    print(f"numpy {np.__version__}, pandas {pd.__version__}; best of 3 runs")
    bench_codes()
    bench_csv()
    bench_sensitivity()


if __name__ == "__main__":
    main()
