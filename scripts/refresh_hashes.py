"""Write each table's SHA-256 into datasets/datapackage.json (``"hash": "sha256:<hex>"``).

Run it after an intended change to a table in datasets/:

    python scripts/refresh_hashes.py          # rewrite the hashes that are stale
    python scripts/refresh_hashes.py --check  # only list stale hashes; exit 1 if any

The descriptor keeps its layout (two-space indent, UTF-8, one newline at the end);
only the ``hash`` members change, each placed right after ``path``. The test
``tests/test_datapackage.py`` names every stale resource and points here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

DATASETS = Path(__file__).resolve().parents[1] / "datasets"
PREFIX = "sha256:"


def sha256_of(path: Path) -> str:
    return PREFIX + hashlib.sha256(path.read_bytes()).hexdigest()


def with_hash(resource: dict[str, Any], value: str) -> dict[str, Any]:
    """The resource with ``hash`` set, placed after ``path`` (order kept otherwise)."""
    out: dict[str, Any] = {}
    for key, item in resource.items():
        if key == "hash":
            continue
        out[key] = item
        if key == "path":
            out["hash"] = value
    if "hash" not in out:
        out["hash"] = value
    return out


def stale(descriptor: dict[str, Any], root: Path) -> list[tuple[str, str | None, str]]:
    """(name, declared, actual) for every resource whose hash is missing or wrong."""
    out = []
    for res in descriptor["resources"]:
        actual = sha256_of(root / res["path"])
        if res.get("hash") != actual:
            out.append((res["name"], res.get("hash"), actual))
    return out


def dump(descriptor: dict[str, Any]) -> str:
    return json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"


def refresh(root: Path = DATASETS) -> list[str]:
    """Rewrite the stale hashes of ``root/datapackage.json``; return the names changed."""
    path = root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    changed = stale(descriptor, root)
    if changed:
        actual = {name: value for name, _, value in changed}
        descriptor["resources"] = [
            with_hash(r, actual[r["name"]]) if r["name"] in actual else r
            for r in descriptor["resources"]
        ]
        path.write_bytes(dump(descriptor).encode("utf-8"))
    return [name for name, _, _ in changed]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale hashes")
    parser.add_argument("--root", type=Path, default=DATASETS, help="the data package folder")
    args = parser.parse_args(argv)
    if args.check:
        descriptor = json.loads((args.root / "datapackage.json").read_text(encoding="utf-8"))
        found = stale(descriptor, args.root)
        for name, declared, actual in found:
            print(f"stale: {name}: declared {declared or '(none)'}, file is {actual}")
        return 1 if found else 0
    for name in refresh(args.root):
        print(f"updated: {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
