r"""The per-user cache of refreshed figures: where it is, what it holds, storing a source whole.

``bosetting update`` (:func:`bosetting.ssb.update`) fetches each *source* (SSB
table 10824, KLASS classification 131) and stores it here with
:func:`stage_source` and :func:`commit_source`. A source is a folder holding the answers as fetched (each
with its address, fetch time and SHA-256) and the *table parts* built from them:
files in the layout of a shipped table (``intro_outcomes``, ``municipalities``
...) that :mod:`bosetting.data._view` lays over the shipped tables. Beside the
folder, ``<source>.json`` (the manifest) names the folder and every file with its
hash.

Storing is atomic per source: the new folder is written whole under a hidden
staging name first (:func:`stage_source`; ``bosetting update`` reads it through
the same reader as every table before it goes on), then renamed into the cache,
then the manifest is replaced in one rename (:func:`commit_source`), then the
source's older folders are removed. A reader sees the old source or the new
one, never a mix, and a failure before the manifest's rename leaves the cache as
it was.

Where the cache is: ``BOSETTING_CACHE_DIR`` when set, else the platform's
per-user cache folder (``platformdirs``: ``~/.cache/bosetting`` on Linux,
``~/Library/Caches/bosetting`` on macOS, ``%LOCALAPPDATA%\\bosetting\\Cache`` on
Windows).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import shutil
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import attrs

from bosetting.data._userfiles import escape_controls, os_reason
from bosetting.data._writes import write_user_bytes
from bosetting.errors import DataError, WriteError
from bosetting.i18n import N_, LazyText, lazy_gettext
from bosetting.model import checked

__all__ = [
    "CACHE_ENV_VAR",
    "CachedFile",
    "CachedSource",
    "CachedTable",
    "Staged",
    "cache_dir",
    "cached_sources",
    "commit_source",
    "discard_source",
    "sha256_hex",
    "stage_source",
]

#: The environment variable that names the cache folder (tests point it at an empty one).
CACHE_ENV_VAR = "BOSETTING_CACHE_DIR"

#: The layout of a manifest this version writes and reads.
_FORMAT = 1
#: A source's name: lower-case letters, digits and hyphens (it names files).
_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,40}")
_DAMAGED = N_(
    "the cache of refreshed figures is damaged ({reason}); run 'bosetting update' again, "
    "or delete the file (--offline uses the shipped figures meanwhile)"
)


@checked
def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` as 64 hexadecimal digits."""
    return hashlib.sha256(data).hexdigest()


@checked
def cache_dir() -> Path:
    """The folder of the per-user cache: ``BOSETTING_CACHE_DIR``, else the platform's.

    Examples:
        >>> import os
        >>> cache_dir() == Path(os.environ["BOSETTING_CACHE_DIR"])  # the tests set it
        True
    """
    chosen = os.environ.get(CACHE_ENV_VAR, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("bosetting", appauthor=False))


@checked
@attrs.frozen
class CachedFile:
    """One answer as fetched.

    Attributes:
        name: Its file in the source's folder.
        url: The address it was fetched from.
        sha256: Its SHA-256 (hexadecimal).
        size: Its length in bytes.
    """

    name: str
    url: str
    sha256: str
    size: int


@checked
@attrs.frozen
class CachedTable:
    """A part of a shipped table built from a source's answers.

    Attributes:
        table: The shipped table it is laid over (``"intro_outcomes"``).
        file: Its file in the source's folder (the shipped table's columns).
        sha256: Its SHA-256 (hexadecimal).
        replaces: The columns whose values say which shipped rows a row of the
            part replaces; empty when the part replaces the whole table.
    """

    table: str
    file: str
    sha256: str
    replaces: tuple[str, ...] = ()


@checked
@attrs.frozen
class CachedSource:
    """One refreshed source as the cache holds it.

    Attributes:
        name: The source (``"ssb-10824"``, ``"klass-131"``).
        fetched: When it was fetched (UTC).
        folder: The folder holding its files.
        files: The answers as fetched.
        tables: The table parts built from them.
        years: The years its figures cover (first, last), if it says.
        digest: The SHA-256 of its manifest: a new fetch is a new digest.
    """

    name: str
    fetched: datetime
    folder: Path
    files: tuple[CachedFile, ...]
    tables: tuple[CachedTable, ...]
    years: tuple[int, int] | None
    digest: str

    def table(self, name: str) -> CachedTable | None:
        """Its part of one shipped table, if it has one."""
        return next((t for t in self.tables if t.table == name), None)


def _shown(path: Path) -> str:
    return escape_controls(str(path))


def _damaged(path: Path, reason: str | LazyText) -> DataError:
    return DataError(_DAMAGED, reason=reason, file=_shown(path))


def _bad(path: Path, field: str) -> DataError:
    return _damaged(path, lazy_gettext(N_("{field} is not as bosetting writes it"), field=field))


def _text(value: Any, path: Path, field: str) -> str:
    if not isinstance(value, str) or not value:
        raise _bad(path, field)
    return value


def _count(value: Any, path: Path, field: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _bad(path, field)
    return value


def _digest(value: Any, path: Path, field: str) -> str:
    text = _text(value, path, field)
    if not re.fullmatch(r"[0-9a-f]{64}", text):
        raise _bad(path, field)
    return text


def _file_name(value: Any, path: Path, field: str) -> str:
    text = _text(value, path, field)
    if "/" in text or "\\" in text or text.startswith(".") or not text.isprintable():
        raise _bad(path, field)
    return text


def _read_manifest(path: Path, root: Path) -> CachedSource:
    try:
        raw = path.read_bytes()
        doc = json.loads(raw.decode("utf-8"))
    except OSError as exc:
        raise _damaged(path, os_reason(exc)) from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _damaged(path, lazy_gettext(N_("not JSON"))) from None
    if not isinstance(doc, dict) or doc.get("format") != _FORMAT:
        raise _damaged(path, lazy_gettext(N_("written by another version of bosetting")))
    name = _text(doc.get("source"), path, "source")
    if not _NAME.fullmatch(name) or path.name != f"{name}.json":
        raise _bad(path, "source")
    try:
        fetched = datetime.fromisoformat(_text(doc.get("fetched"), path, "fetched"))
    except ValueError:
        raise _bad(path, "fetched") from None
    if fetched.tzinfo is None:
        raise _bad(path, "fetched")
    folder = root / _file_name(doc.get("folder"), path, "folder")
    files_doc, tables_doc = doc.get("files"), doc.get("tables")
    if not isinstance(files_doc, list) or not isinstance(tables_doc, list):
        raise _bad(path, "files")
    files = []
    for i, f in enumerate(files_doc):
        if not isinstance(f, dict):
            raise _bad(path, f"files[{i}]")
        files.append(
            CachedFile(
                _file_name(f.get("name"), path, f"files[{i}].name"),
                _text(f.get("url"), path, f"files[{i}].url"),
                _digest(f.get("sha256"), path, f"files[{i}].sha256"),
                _count(f.get("size"), path, f"files[{i}].size"),
            )
        )
    tables = []
    for i, t in enumerate(tables_doc):
        if not isinstance(t, dict) or not isinstance(t.get("replaces"), list):
            raise _bad(path, f"tables[{i}]")
        tables.append(
            CachedTable(
                _text(t.get("table"), path, f"tables[{i}].table"),
                _file_name(t.get("file"), path, f"tables[{i}].file"),
                _digest(t.get("sha256"), path, f"tables[{i}].sha256"),
                tuple(_text(k, path, f"tables[{i}].replaces") for k in t["replaces"]),
            )
        )
    years_doc = doc.get("years")
    years: tuple[int, int] | None = None
    if years_doc is not None:
        if not isinstance(years_doc, list) or len(years_doc) != 2:
            raise _bad(path, "years")
        first, last = (_count(y, path, "years") for y in years_doc)
        years = (first, last)
    if not folder.is_dir():
        raise _damaged(path, lazy_gettext(N_("its folder {folder} is missing"), folder=folder.name))
    return CachedSource(name, fetched, folder, tuple(files), tuple(tables), years, sha256_hex(raw))


@checked
def cached_sources(root: Path | None = None) -> tuple[CachedSource, ...]:
    """Every source the cache holds, by name (none when the folder does not exist).

    Raises:
        DataError: When a manifest is damaged, naming it.
    """
    folder = cache_dir() if root is None else root
    try:
        manifests = sorted(
            p for p in folder.iterdir() if p.suffix == ".json" and _NAME.fullmatch(p.stem)
        )
    except (FileNotFoundError, NotADirectoryError):
        return ()
    except OSError as exc:
        raise _damaged(folder, os_reason(exc)) from None
    return tuple(_read_manifest(p, folder) for p in manifests)


@checked
@attrs.frozen
class Staged:
    """A source written whole beside the cache, not yet in use (see :func:`stage_source`).

    Attributes:
        source: The source as it will be read (its folder is the staging folder).
        manifest: The manifest to write when it is committed.
        root: The cache folder.
    """

    source: CachedSource
    manifest: bytes
    root: Path


def _make_folder(folder: Path, *, parents: bool) -> None:
    try:
        folder.mkdir(parents=parents, exist_ok=parents)
    except OSError as exc:
        raise WriteError(
            N_("cannot create the cache folder: {reason}"),
            reason=os_reason(exc),
            file=_shown(folder),
        ) from None


@checked
def stage_source(
    name: str,
    *,
    fetched: datetime,
    files: Sequence[tuple[str, str, bytes]],
    tables: Sequence[tuple[str, str, bytes, Sequence[str]]],
    years: tuple[int, int] | None = None,
    root: Path | None = None,
) -> Staged:
    """Write one source whole into a staging folder beside the cache; nothing reads it yet.

    Check it (a view over :attr:`Staged.source`), then :func:`commit_source` or
    :func:`discard_source`.

    Args:
        name: The source's name (lower-case letters, digits, hyphens).
        fetched: When it was fetched (with a time zone).
        files: ``(file name, url, bytes)`` of each answer as fetched.
        tables: ``(table, file name, bytes, replaces)`` of each table part.
        years: The years its figures cover (first, last).
        root: The cache folder (:func:`cache_dir` when ``None``).

    Raises:
        WriteError: When the cache folder cannot be written (nothing is left behind).

    Examples:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as d:
        ...     staged = stage_source("demo", fetched=datetime(2026, 12, 6, tzinfo=UTC),
        ...                           files=[("answer.json", "https://example.org/a", b"{}")],
        ...                           tables=[], years=(2011, 2024), root=Path(d))
        ...     before = cached_sources(Path(d))
        ...     s = commit_source(staged)
        ...     before, [(c.name, c.years, c.files[0].size) for c in cached_sources(Path(d))]
        ((), [('demo', (2011, 2024), 2)])
    """
    if not _NAME.fullmatch(name):
        raise ValueError(f"not a source name: {name!r}")
    if fetched.tzinfo is None:
        raise ValueError("fetched needs a time zone")
    folder_root = cache_dir() if root is None else root
    _make_folder(folder_root, parents=True)
    stamp = fetched.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    final = f"{name}-{stamp}-{secrets.token_hex(4)}"
    staging = folder_root / f".{final}"
    manifest: dict[str, Any] = {
        "format": _FORMAT,
        "source": name,
        "fetched": fetched.astimezone(UTC).isoformat(timespec="seconds"),
        "folder": final,
        "years": None if years is None else list(years),
        "files": [],
        "tables": [],
    }
    _make_folder(staging, parents=False)
    try:
        for file_name, url, data in files:
            write_user_bytes(staging / file_name, data)
            manifest["files"].append(
                {"name": file_name, "url": url, "sha256": sha256_hex(data), "size": len(data)}
            )
        for table, file_name, data, replaces in tables:
            write_user_bytes(staging / file_name, data)
            manifest["tables"].append(
                {
                    "table": table,
                    "file": file_name,
                    "sha256": sha256_hex(data),
                    "replaces": list(replaces),
                }
            )
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    raw = (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    source = CachedSource(
        name,
        fetched.astimezone(UTC),
        staging,
        tuple(CachedFile(**f) for f in manifest["files"]),
        tuple(
            CachedTable(t["table"], t["file"], t["sha256"], tuple(t["replaces"]))
            for t in manifest["tables"]
        ),
        years,
        sha256_hex(raw),
    )
    return Staged(source, raw, folder_root)


@checked
def discard_source(staged: Staged) -> None:
    """Remove a staged source (the cache stays as it was)."""
    shutil.rmtree(staged.source.folder, ignore_errors=True)


@checked
def commit_source(staged: Staged) -> CachedSource:
    """Put a staged source in use: its folder into the cache, then its manifest in one rename.

    The source's older folders are removed afterwards.

    Raises:
        WriteError: When the cache folder cannot be written (the cache is left as it was).
    """
    name = staged.source.name
    doc = json.loads(staged.manifest)
    folder = staged.root / doc["folder"]
    try:
        os.replace(staged.source.folder, folder)
    except OSError as exc:
        discard_source(staged)
        raise WriteError(
            N_("cannot write in the cache folder: {reason}"),
            reason=os_reason(exc),
            file=_shown(folder),
        ) from None
    try:
        target = write_user_bytes(staged.root / f"{name}.json", staged.manifest, force=True)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    older = re.compile(rf"{re.escape(name)}-[0-9]{{8}}T[0-9]{{6}}Z-[0-9a-f]{{8}}")
    for old in staged.root.glob(f"{name}-*"):
        if old != folder and old.is_dir() and older.fullmatch(old.name):
            with contextlib.suppress(OSError):
                shutil.rmtree(old)
    return _read_manifest(target, staged.root)
