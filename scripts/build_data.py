"""Rebuild every table of datasets/ that is made from data-raw/, then the hashes (``make data``).

The steps run in this order, each in its own process so that each reads the tables
the one before it wrote:

1. ``build_municipalities.py``: the register and its changes (the later steps read
   the register through the library);
2. ``build_settlement.py`` and ``build_intro_outcomes.py``;
3. ``refresh_hashes.py``: the ``hash`` of every resource in ``datapackage.json``;
4. ``build_citation.py``: ``CITATION.cff`` (it lists every source), when the tables
   built are the repository's own ``datasets/``.

The tables kept by hand (the prize record, and the national rows of
``intro_outcomes.csv``) are inputs, not outputs. On a clean checkout nothing
changes; ``tests/test_data_build.py`` checks that by building into a copy.

    python scripts/build_data.py               # rebuild datasets/ in place
    BOSETTING_DATASETS=PATH python scripts/build_data.py
                                               # rebuild the copy PATH; every step reads it
    python scripts/build_data.py --out PATH    # write into PATH, reading datasets/
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from _build import ROOT, out_folder

SCRIPTS = Path(__file__).resolve().parent
#: The steps in order, and the tables each writes; every other table in datasets/ is kept by hand.
BUILT = {
    "build_municipalities.py": ("municipalities.csv", "municipality_changes.csv"),
    "build_settlement.py": ("settlement.csv",),
    "build_intro_outcomes.py": ("intro_outcomes.csv",),
}
STEPS = tuple(BUILT)


def run(script: str, *args: str) -> None:
    print(f"== {script}", flush=True)
    done = subprocess.run([sys.executable, str(SCRIPTS / script), *args], check=False)
    if done.returncode != 0:
        sys.exit(f"{script} failed (exit status {done.returncode})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    out_folder(parser)
    args = parser.parse_args(argv)
    out = str(args.out)
    for step in STEPS:
        run(step, "--out", out)
    run("refresh_hashes.py", "--root", out)
    if args.out.resolve() == (ROOT / "datasets").resolve():
        run("build_citation.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
