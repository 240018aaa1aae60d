"""The vote's benchmarks: ``tally_file`` and ``tally`` against what an analyst would write.

Every line is a ratio from this one run (ours / the reference), never a timed assertion:

* **files**: ``tally_file`` against the polars idiom (``scan_csv … unique … group_by``),
  the DuckDB idiom (``DISTINCT ON`` voter, ``GROUP BY`` choice) and the pandas idiom
  (``read_csv(usecols=…)``, ``duplicated``, ``value_counts``), on 5.6 M and 20 M rows,
  quoted and unquoted, in two layouts: ``voter_id,choice,timestamp`` and six columns in
  another order (``label,tidspunkt,kommune,ip,velger,kanal``). Each runs in a process of
  its own; a launcher reads the child's peak resident memory
  (``resource.getrusage(RUSAGE_CHILDREN)``). The aim: wall time ≤ 1.2× and peak memory
  ≤ 1.1× the faster of polars and DuckDB. The idioms neither resolve names nor keep
  rejected ballots; ours does both.
* **containers**: ``tally`` of each container against its natural baseline (``Counter``,
  ``value_counts``, ``numpy.bincount``, ``pyarrow.compute.value_counts``), and
  ``tally_codes`` with 3 % codes that are no nominee's against ``bincount``.
* **rejected**: 5 M ballots for a municipality that is not a nominee, through
  ``bosetting tally --format json`` (every rejected ballot written) and as text: peak memory
  (the aim: under 400 MB with JSON).

The files are written to the system's temporary folder, one at a time, and removed after use.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bosetting.model import Municipality

NOMINEES = [
    Municipality("4602", "Kinn", "Vestland", 2020),
    Municipality("1804", "Bodø", "Nordland", 1977),
    Municipality("1106", "Haugesund", "Rogaland", 1977),
    Municipality("3027", "Rælingen", "Akershus", 2024),
    Municipality("4223", "Vennesla", "Agder", 2020),
]
CHOICES = [m.name for m in NOMINEES] + [m.code for m in NOMINEES] + ["", "Atlantis"]
WEIGHTS = [5, 4, 3, 2, 1] * 2 + [0.05, 0.05]
#: The two layouts: the header, and the names of the voter and choice columns.
LAYOUTS = {
    "voter_id,choice,timestamp": (("voter_id", "choice", "timestamp"), "voter_id", "choice"),
    "six columns": (
        ("label", "tidspunkt", "kommune", "ip", "velger", "kanal"),
        "velger",
        "kommune",
    ),
}


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
        f"| {name:<52} | {ours * scale:9.1f} {unit} | {ref_name:<34} | {ref * scale:9.1f} {unit} "
        f"| {ratio:6.2f}x | {aim:4.1f}x | {verdict} |"
    )


def choices(n: int, seed: int = 1) -> list[str]:
    import random

    return random.Random(seed).choices(CHOICES, weights=WEIGHTS, k=n)


# --- containers -------------------------------------------------------------------------------


def bench_containers(n: int) -> None:
    import numpy as np
    import pandas as pd
    import polars as pl
    import pyarrow as pa
    import pyarrow.compute as pc

    from bosetting.voting import tally, tally_codes

    picks = choices(n)
    cases: list[tuple[str, Any, Callable[[], Any], str, float]] = []
    cat = pd.Series(picks, dtype="category")
    codes = cat.cat.codes.to_numpy()
    cases.append(
        ("pandas categorical", cat, lambda: np.bincount(codes), "numpy.bincount(codes)", 2.0)
    )
    strs = pd.Series(picks, dtype="str")
    cases.append((f"pandas {strs.dtype}", strs, strs.value_counts, "Series.value_counts()", 1.2))
    cases.append(("list of str", picks, lambda: Counter(picks), "collections.Counter(list)", 1.5))
    arr = np.array(picks)
    cases.append(
        (
            "numpy str array",
            arr,
            lambda: np.unique(arr, return_counts=True),
            "numpy.unique(counts)",
            1.5,
        )
    )
    ps = pl.Series("valg", picks)
    cases.append(("polars Series", ps, ps.value_counts, "pl.Series.value_counts()", 1.5))
    pcat = ps.cast(pl.Categorical)
    cases.append(("polars categorical", pcat, pcat.value_counts, "pl.Series.value_counts()", 1.5))
    pa_arr = pa.array(picks)
    cases.append(
        (
            "pyarrow array",
            pa_arr,
            lambda: pc.value_counts(pa_arr),
            "pyarrow.compute.value_counts",
            1.5,
        )
    )
    for name, container, ref, ref_name, aim in cases:
        ours = best(lambda c=container: tally(c, NOMINEES))
        line(f"tally({name}), {n:,}", ours, best(ref), ref_name, aim)
    rng = np.random.default_rng(4)
    good = np.array([int(m.code) for m in NOMINEES])
    coded = good[rng.integers(0, len(good), n)]
    bad = rng.random(n) < 0.03
    coded[bad] = 301  # Oslo: no nominee
    ours = best(lambda: tally_codes(coded, NOMINEES))
    line(
        f"tally_codes, 3 % not nominees, {n:,}",
        ours,
        best(lambda: np.bincount(coded)),
        "numpy.bincount",
        3.0,
    )


# --- files ------------------------------------------------------------------------------------


def write_file(path: Path, n: int, layout: str, quoted: bool, seed: int = 2) -> None:
    """A ballot file of ``n`` rows; about 1 % of voters vote twice, 0.3 % blank or unknown."""
    import numpy as np
    import polars as pl

    rng = np.random.default_rng(seed)
    weights = np.array(WEIGHTS) / sum(WEIGHTS)
    picks = np.array(CHOICES)[rng.choice(len(CHOICES), size=n, p=weights)]
    ids = np.arange(n)
    again = rng.random(n) < 0.01
    ids[again] = (rng.random(int(again.sum())) * np.maximum(ids[again], 1)).astype(np.int64)
    i = pl.int_range(0, n, eager=True)
    frame = pl.DataFrame({"i": i, "id": ids}).with_columns(
        voter=pl.format("v{}", pl.col("id").cast(pl.String).str.zfill(8)),
        choice=pl.Series(picks),
        stamp=pl.format(
            "2024-01-{}T{}:{}:00",
            (pl.col("i") % 28 + 1).cast(pl.String).str.zfill(2),
            (pl.col("i") % 9 + 9).cast(pl.String).str.zfill(2),
            (pl.col("i") % 60).cast(pl.String).str.zfill(2),
        ),
    )
    header, _, _ = LAYOUTS[layout]
    if layout == "six columns":
        frame = frame.select(
            label=pl.lit(""),
            tidspunkt="stamp",
            kommune="choice",
            ip=pl.format("10.{}.{}.{}", pl.col("i") % 250, pl.col("i") % 199, pl.col("i") % 97),
            velger="voter",
            kanal=pl.lit("web"),
        )
    else:
        frame = frame.select(voter_id="voter", choice="choice", timestamp="stamp")
    assert tuple(frame.columns) == header
    frame.write_csv(path, quote_style="always" if quoted else "necessary")


WORKER = r"""
import sys, time
mode, path, voter, choice = sys.argv[1:5]
start = time.perf_counter()
if mode == "ours":
    from bosetting.voting import tally_file
    from benchmarks.votes import NOMINEES
    t = tally_file(path, NOMINEES)
    what = (t.accepted, len(t.rejected))
elif mode == "polars":
    import polars as pl
    out = (pl.scan_csv(path).unique(subset=voter, keep="first", maintain_order=True)
           .group_by(choice).len().collect())
    what = (int(out["len"].sum()), 0)
elif mode == "duckdb":
    import duckdb
    duckdb.execute("SET enable_progress_bar = false")
    q = (f"SELECT {choice}, count(*) AS n FROM (SELECT DISTINCT ON ({voter}) {voter}, {choice} "
         f"FROM read_csv('{path}', all_varchar = true)) GROUP BY {choice}")
    what = (sum(n for _, n in duckdb.sql(q).fetchall()), 0)
elif mode == "pandas":
    import pandas as pd
    df = pd.read_csv(path, usecols=[voter, choice], dtype=str, keep_default_na=False)
    counts = df.loc[~df[voter].duplicated(), choice].value_counts()
    what = (int(counts.sum()), 0)
elif mode == "json" or mode == "text":
    from bosetting.cli import main
    took = time.perf_counter()
    sys.argv = ["bosetting", "tally", path, "--edition", "2022", "--format", mode]
    with open("/dev/null", "w") as sys.stdout:
        try:
            main()
        except SystemExit:
            pass
    sys.stdout = sys.__stdout__
    what = (0, 0)
print("RESULT", time.perf_counter() - start, *what)
"""

LAUNCHER = r"""
import resource, subprocess, sys
done = subprocess.run([sys.executable, "-c", sys.argv[1], *sys.argv[2:]], check=True,
                      capture_output=True, text=True).stdout
out = [l for l in done.splitlines() if l.startswith("RESULT ")][-1].split()[1:]
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
print(*out, peak)
"""


def run(mode: str, path: Path, voter: str = "", choice: str = "") -> tuple[float, float, int]:
    """One contender in a process of its own: wall time (s), peak RSS (MiB), ballots counted."""
    cmd = [sys.executable, "-c", LAUNCHER, WORKER, mode, str(path), voter, choice]
    took, counted, _rejected, peak = subprocess.run(
        cmd, check=True, capture_output=True, text=True, cwd=Path(__file__).parent.parent
    ).stdout.split()
    return float(took), int(peak) / 1024, int(counted)


def bench_file(n: int, layout: str, quoted: bool, folder: Path) -> None:
    _, voter, choice = LAYOUTS[layout]
    path = folder / "stemmer.csv"
    start = time.perf_counter()
    write_file(path, n, layout, quoted)
    size = path.stat().st_size / 1e6
    load = os.getloadavg()[0]
    print(
        f"(file: {n:,} rows, {layout}, {'quoted' if quoted else 'unquoted'}, {size:,.0f} MB, "
        f"written in {time.perf_counter() - start:.0f} s; load average {load:.1f})"
    )
    got = {mode: run(mode, path, voter, choice) for mode in ("ours", "polars", "duckdb", "pandas")}
    path.unlink()
    faster = min(("polars", "duckdb"), key=lambda m: got[m][0])
    name = f"tally_file {n / 1e6:g} M, {layout}, {'quoted' if quoted else 'unquoted'}"
    line(name + " (wall)", got["ours"][0], got[faster][0], f"{faster} idiom", 1.2, "s")
    lean = min(("polars", "duckdb"), key=lambda m: got[m][1])
    line(name + " (peak RSS)", got["ours"][1], got[lean][1], f"{lean} idiom, peak RSS", 1.1, "MB")
    others = ", ".join(
        f"{m} {got[m][0]:.2f} s / {got[m][1]:,.0f} MB" for m in ("polars", "duckdb", "pandas")
    )
    print(f"(ours counted {got['ours'][2]:,}, the idioms {got['polars'][2]:,}; {others})")


def bench_rejected(n: int, folder: Path) -> None:
    path = folder / "oslo.csv"
    path.write_text("valg\n" + "0301\n" * n, encoding="utf-8")  # Oslo is no nominee in 2022
    json_t, json_m, _ = run("json", path)
    text_t, text_m, _ = run("text", path)
    path.unlink()
    print(
        f"| {'tally --format json, ' + f'{n / 1e6:g} M rejected':<52} | {json_m:9.1f} MB "
        f"| {'the aim: under':<34} | {400:9.1f} MB | {json_m / 400:6.2f}x | {1:4.1f}x "
        f"| {'ok' if json_m < 400 else 'ABOVE AIM'} |"
    )
    print(f"(JSON written in {json_t:.1f} s; as text {text_t:.1f} s, peak {text_m:,.0f} MB)")


def main(rows: int, sizes: list[int], rejected: int) -> None:
    import duckdb
    import polars as pl

    print(f"polars {pl.__version__}, duckdb {duckdb.__version__}; {os.cpu_count()} cores")
    print("| what | ours | reference | ref | ratio | aim | verdict |")
    print("|---|---|---|---|---|---|---|")
    bench_containers(rows)
    with tempfile.TemporaryDirectory(prefix="bosetting-bench-") as d:
        folder = Path(d)
        for n in sizes:
            for layout in LAYOUTS:
                for quoted in (False, True):
                    bench_file(n, layout, quoted, folder)
        bench_rejected(rejected, folder)
