"""Cold start of the look-up commands and of ``import bosetting``, against a bare interpreter.

Each measurement is a fresh process (what a user at a terminal waits for), the best
of several runs, with the package's bytecode already compiled (as an installed
wheel has it) and the tables prepared in the per-user cache
(:mod:`bosetting.data._prepared`): a first, untimed run of each writes both, and
``PYTHONDONTWRITEBYTECODE`` is unset for the children. What the very first command
waits for, with nothing prepared yet (after installing, or after a table changed),
is printed beside. In the same run:

* every look-up command (``history``, ``show``, ``record``, ``municipality``,
  ``check``, ``screen``, ``cite``) against ``python -c pass``; aim: under 0.3 s wall;
* ``import bosetting`` against ``import attrs``; aim: at most 3x.

Usage: ``python -m benchmarks.lookups [--runs N]`` (``make bench`` runs it first).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

#: The look-up commands and the arguments a user would give them.
LOOKUPS = (
    ("history",),
    ("show", "2022"),
    ("record", "Bodø"),
    ("municipality", "Kinn"),
    ("check", "Kinn", "--edition", "2022"),
    ("screen", "--edition", "2022", "--top", "10"),
    ("cite",),
)
#: The longest a cold look-up may take (seconds, wall).
AIM_SECONDS = 0.3
#: How many times ``import bosetting`` may take ``import attrs``.
AIM_IMPORT_RATIO = 3.0

_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def cold(argv: list[str], runs: int) -> float:
    """The best wall time of ``runs`` fresh processes (after one untimed run)."""
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=_ENV)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=_ENV)
        times.append(time.perf_counter() - start)
    return min(times)


def row(name: str, ours: float, ref_name: str, ref: float, aim: str, ok: bool) -> None:
    ratio = ours / ref
    verdict = "ok" if ok else "ABOVE AIM"
    print(
        f"| {name:<40} | {ours * 1000:10.1f} ms | {ref_name:<34} | {ref * 1000:10.1f} ms "
        f"| {ratio:6.2f}x | {aim:>8} | {verdict} |"
    )


def bench_lookups(runs: int = 7) -> None:
    """Print one table row per look-up command and one for ``import bosetting``."""
    py = sys.executable
    bare = cold([py, "-c", "pass"], runs)
    for args in LOOKUPS:
        took = cold([py, "-m", "bosetting", *args], runs)
        name = "bosetting " + " ".join(args)
        row(name, took, "python -c pass", bare, f"<{AIM_SECONDS:.2f} s", took < AIM_SECONDS)
    ours = cold([py, "-c", "import bosetting"], runs)
    attrs = cold([py, "-c", "import attrs"], runs)
    ok = ours <= AIM_IMPORT_RATIO * attrs
    row("import bosetting", ours, "import attrs", attrs, f"{AIM_IMPORT_RATIO:.1f}x", ok)
    first = cold([py, "-c", "import bosetting as bs; bs.editions()"], runs)
    print(f"(import bosetting and load every edition: {first * 1000:.0f} ms, cold)")
    args = next(a for a in LOOKUPS if a[0] == "screen")
    unprepared = unprepared_cold([py, "-m", "bosetting", *args], runs)
    print(f"(bosetting {' '.join(args)} with nothing prepared: {unprepared * 1000:.0f} ms)")


def unprepared_cold(argv: list[str], runs: int) -> float:
    """The best wall time of ``runs`` fresh processes, each with a new, empty cache folder."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as empty:
            env = {**_ENV, "BOSETTING_CACHE_DIR": empty}
            start = time.perf_counter()
            subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=env)
            times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    p = argparse.ArgumentParser(prog="python -m benchmarks.lookups")
    p.add_argument("--runs", type=int, default=7)
    args = p.parse_args()
    print(f"Cold starts, best of {args.runs} fresh processes")
    print("| what | ours | reference | ref | ratio | aim | verdict |")
    print("|---|---|---|---|---|---|---|")
    bench_lookups(args.runs)


if __name__ == "__main__":
    main()
