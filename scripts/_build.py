"""What the build scripts share: where things are, the raw files' check, the tables' CSV dialect.

The build scripts (``make data`` runs them) read the public files in ``data-raw/``
and write tables in ``datasets/``. This module is imported by them, not run.

* :func:`raw_bytes` reads a file of ``data-raw/`` after checking its SHA-256
  against the table in ``data-raw/README.md`` (the one place the hashes are written).
* :func:`write_table` writes a table the way every table in ``datasets/`` is
  written: UTF-8, ``,`` between cells, quotes only where a cell needs them, ``\\n``
  after every row.

The tables are built from the data package alone (``datasets/``, or the copy
``$BOSETTING_DATASETS`` names): importing this module sets the library's source
of figures to ``"shipped"``, so a person's cache of refreshed figures
(``bosetting update``) never reaches the tables it writes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from bosetting.data import dataset_root, set_source

set_source("shipped")

ROOT = Path(__file__).resolve().parents[1]
DATA_RAW = ROOT / "data-raw"
#: Where the tables are written: the data package the library reads, ``datasets/`` or the copy
#: ``$BOSETTING_DATASETS`` names (so every step of ``make data`` reads what the one before wrote).
DATASETS = Path(str(dataset_root()))

# A row of the file table in data-raw/README.md: | `name` | bytes | `sha256` |
_LISTED = re.compile(r"^\| `([^`]+)` \| ([0-9]+) \| `([0-9a-f]{64})` \|$")


def listed_raw_files(readme: Path = DATA_RAW / "README.md") -> dict[str, tuple[int, str]]:
    """Every file the README lists, with its size in bytes and SHA-256."""
    found: dict[str, tuple[int, str]] = {}
    for line in readme.read_text(encoding="utf-8").splitlines():
        match = _LISTED.match(line)
        if match:
            found[match[1]] = (int(match[2]), match[3])
    return found


def raw_bytes(name: str, folder: Path = DATA_RAW) -> bytes:
    """The bytes of one file in ``data-raw/``, after checking its size and SHA-256.

    Exits with a one-line message when the file is missing, not listed, or not
    the file the README describes.
    """
    listed = listed_raw_files(folder / "README.md")
    if name not in listed:
        sys.exit(f"{folder / 'README.md'}: {name} is not listed; add it with its SHA-256")
    path = folder / name
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        sys.exit(f"{path}: not found")
    size, digest = listed[name]
    actual = hashlib.sha256(raw).hexdigest()
    if (len(raw), actual) != (size, digest):
        sys.exit(
            f"{path}: {len(raw)} bytes with SHA-256 {actual}, "
            f"not the {size} bytes with {digest} that data-raw/README.md lists"
        )
    return raw


def write_table(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """Write one table of ``datasets/`` (or a copy of it elsewhere)."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def out_folder(parser: argparse.ArgumentParser) -> None:
    """Add ``--out``: the folder to write tables into (``datasets/`` unless given)."""
    parser.add_argument(
        "--out",
        type=Path,
        default=DATASETS,
        help="the folder to write the tables into (default: $BOSETTING_DATASETS, else datasets/)",
    )


def build_one_table(
    doc: str | None,
    table: str,
    header: Sequence[str],
    build: Callable[[], tuple[list[list[str]], list[str]]],
    argv: list[str] | None = None,
) -> int:
    """The command of a script that builds one table: ``--out``, build, write, print the report.

    Args:
        doc: The script's docstring (its first line describes the command).
        table: The table's file name (``"settlement.csv"``).
        header: Its header.
        build: Returns the rows and the report lines (what was left out, and why).
        argv: The arguments (the command line's when ``None``).
    """
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    out_folder(parser)
    args = parser.parse_args(argv)
    out: Path = args.out
    rows, report = build()
    write_table(out / table, header, rows)
    print("\n".join(report))
    return 0
