"""Write each table's SHA-256 into datasets/datapackage.json, then every file's into datasets/SHA256SUMS.

``make data`` runs it after rebuilding the tables; run it yourself after an intended
change to a table kept by hand:

    python scripts/refresh_hashes.py          # rewrite the hashes that are stale
    python scripts/refresh_hashes.py --check  # only list stale hashes; exit 1 if any

The hashes are the library's (:func:`bosetting.data.hash_checks` and
:func:`bosetting.data.manifest_text`, what ``bosetting verify`` checks). The descriptor
keeps its layout (two-space indent, UTF-8, one newline at the end); only the ``hash``
members change, each placed right after ``path``. ``SHA256SUMS`` is written after the
descriptor, so it covers the descriptor as it ends up, and the research notes too. The test ``tests/test_data_datapackage.py`` names every stale resource and points here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bosetting.data import MANIFEST, HashCheck, dataset_root, hash_checks, manifest_text

#: The data package the library reads: ``datasets/``, or the copy ``$BOSETTING_DATASETS`` names.
DATASETS = Path(str(dataset_root()))


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


def stale(root: Path) -> list[HashCheck]:
    """Every resource of ``root/datapackage.json`` whose hash is missing or wrong."""
    return [c for c in hash_checks(root) if not c.ok]


def dump(descriptor: dict[str, Any]) -> str:
    return json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"


def stale_manifest(root: Path) -> bool:
    """Whether ``root/SHA256SUMS`` is missing or not what the files make now."""
    path = root / MANIFEST
    return not path.is_file() or path.read_bytes() != manifest_text(root).encode("utf-8")


def refresh(root: Path = DATASETS) -> list[str]:
    """Rewrite the stale hashes of ``root/datapackage.json``, then ``SHA256SUMS``; the names changed."""
    changed = stale(root)
    if changed:
        path = root / "datapackage.json"
        descriptor = json.loads(path.read_text(encoding="utf-8"))
        actual = {c.name: c.actual for c in changed}
        descriptor["resources"] = [
            with_hash(r, actual[r["name"]]) if r["name"] in actual else r
            for r in descriptor["resources"]
        ]
        path.write_bytes(dump(descriptor).encode("utf-8"))
    names = [c.name for c in changed]
    if stale_manifest(root):
        (root / MANIFEST).write_bytes(manifest_text(root).encode("utf-8"))
        names.append(MANIFEST)
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale hashes")
    parser.add_argument("--root", type=Path, default=DATASETS, help="the data package folder")
    args = parser.parse_args(argv)
    if args.check:
        found = stale(args.root)
        for c in found:
            print(f"stale: {c.name}: declared {c.declared or '(none)'}, file is {c.actual}")
        if stale_manifest(args.root):
            print(f"stale: {MANIFEST}: it does not list the files as they are")
        return 1 if found or stale_manifest(args.root) else 0
    for name in refresh(args.root):
        print(f"updated: {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
