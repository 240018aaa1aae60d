"""Write CITATION.cff from the library: ``bosetting.cite("cff")`` (``make data`` runs it).

The file is the package's own CFF output: the software, the data package and every
source in ``sources.csv``, so a source added to the record reaches it here. It is
written only where its text changed; ``tests/test_history.py`` checks that the
file and ``cite("cff")`` agree.

    python scripts/build_citation.py              # CITATION.cff at the repository's root
    python scripts/build_citation.py --out PATH   # another file
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from _build import ROOT

from bosetting.citation import cite

CITATION = ROOT / "CITATION.cff"


def write(path: Path = CITATION) -> bool:
    """Write ``cite("cff")`` to ``path`` unless it already holds it; return whether it changed."""
    text = cite("cff").encode("utf-8")
    if path.is_file() and path.read_bytes() == text:
        return False
    path.write_bytes(text)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=CITATION, help="the file to write")
    args = parser.parse_args(argv)
    if write(args.out):
        print(f"updated: {args.out.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
