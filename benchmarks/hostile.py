"""Hostile inputs cost what their bytes are worth: time and peak memory against a normal file of the kind.

Each reading runs in a fresh process; the launcher reads the child's peak resident
memory with ``resource.getrusage(RUSAGE_CHILDREN)`` (each child is launched from a
fresh launcher, so the figure is that child's own). In the same run, against the
recorded export of SSB table 10824 (``tests/fixtures/ssb``, 480 cells):

* a 747-byte JSON-stat2 file whose dimensions declare 1 000 000 cells with a sparse,
  empty ``value`` (before issue 22: 6.1 s and 217 MB, then refused);
* a 7.5 KB one declaring 120 000 cells of regions no register knows (before: 5.1 s
  and 226 MB, to return nothing);
* a jury sheet whose score is ``1e99999999`` (before: no answer in 60 s), against
  a jury sheet of the same shape with a plain score.

Aim: each hostile file at most 2x the time and memory of its normal counterpart.

Usage: ``python -m benchmarks.hostile`` (``make bench`` runs it).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

FIXTURE = (
    Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "ssb" / "10824_jsonstat2.json"
)
#: How many times a hostile reading may cost its normal counterpart, in time and in memory.
AIM_RATIO = 2.0

_DIMS = ("Region", "Kjonn", "IntroAvbrudd", "Arbeidsmarkedsstatus", "ContentsCode", "Tid")


def _declaring(sizes: list[int], **codes: list[str]) -> bytes:
    def default(dim: str, n: int) -> list[str]:
        if dim == "Tid":
            return [str(2010 + i) for i in range(n)]
        if dim == "IntroAvbrudd":
            return [f"{i + 1:02d}" for i in range(n)]
        return [str(i) for i in range(n)]

    doc = {
        "class": "dataset",
        "label": "10824: x",
        "id": list(_DIMS),
        "size": sizes,
        "dimension": {
            d: {"category": {"index": codes.get(d, default(d, n))[:n]}}
            for d, n in zip(_DIMS, sizes, strict=True)
        },
        "value": {},
    }
    return json.dumps(doc, separators=(",", ":")).encode("utf-8")


_CHILD = """
import sys, time
import bosetting as bs
from bosetting.errors import BosettingError
from bosetting.jury import read_jury_sheet
from bosetting.ssb import read_ssb_10824
kind, path = sys.argv[1], sys.argv[2]
edition = bs.edition(2016)
start = time.perf_counter()
try:
    if kind == "ssb":
        read_ssb_10824(path)
    else:
        read_jury_sheet(path, edition)
except BosettingError as exc:
    str(exc)
print(time.perf_counter() - start)
"""

_LAUNCH = """
import resource, subprocess, sys
out = subprocess.run([sys.executable, "-c", sys.argv[1], *sys.argv[2:]], capture_output=True, text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(out.stdout.strip(), peak)
"""


def measure(kind: str, path: Path) -> tuple[float, float]:
    """Seconds spent reading (after imports) and the peak resident memory in MB, in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", _LAUNCH, _CHILD, kind, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, peak = done.stdout.split()
    return float(seconds), float(peak)


def bench_hostile() -> None:
    """Print each hostile reading against its normal counterpart."""
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        million = tmp / "declares-a-million.json"
        million.write_bytes(_declaring([10, 10, 5, 20, 20, 5]))
        unknown = tmp / "unknown-regions.json"
        unknown.write_bytes(
            _declaring(
                [1000, 3, 5, 2, 2, 2],
                Region=[str(9000 + i) for i in range(1000)],
                Arbeidsmarkedsstatus=["00", "1"],
                ContentsCode=["DeltakereProg", "DeltakereProg1"],
            )
        )
        head = "jurymedlem;kommune;kriterium;poeng\n"
        plain = tmp / "jury.csv"
        plain.write_text(head + "A;Bodø;bosetting;4\n", encoding="utf-8")
        exponent = tmp / "jury-exponent.csv"
        exponent.write_text(head + "A;Bodø;bosetting;1e99999999\n", encoding="utf-8")
        pairs = [
            ("ssb", million, FIXTURE),
            ("ssb", unknown, FIXTURE),
            ("jury", exponent, plain),
        ]
        print(
            f"{'hostile file':<28} {'bytes':>6} {'s':>7} {'MB':>6}   {'normal s':>8} {'MB':>6}  aim"
        )
        for kind, hostile, normal in pairs:
            t_h, m_h = measure(kind, hostile)
            t_n, m_n = measure(kind, normal)
            ok = t_h <= AIM_RATIO * max(t_n, 0.01) and m_h <= AIM_RATIO * m_n
            print(
                f"{hostile.name:<28} {hostile.stat().st_size:>6} {t_h:>7.3f} {m_h:>6.0f}   "
                f"{t_n:>8.3f} {m_n:>6.0f}  {'ok' if ok else 'MISSED'} (<= {AIM_RATIO:g}x)"
            )


def main() -> None:
    bench_hostile()


if __name__ == "__main__":
    main()
