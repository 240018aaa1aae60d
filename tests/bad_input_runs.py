"""How a case of the bad-input catalogue (``tests/bad_inputs.py``) is run, for the tests and the docs.

:func:`staged` lays a case out in a scratch folder (the file, the path of the given
kind, the output folder, the failing disk) and gives the API call and the command
line that read it; :func:`one_line` runs it and returns what a person sees, in a
language. ``tests/test_errors_bad_inputs.py`` checks every case both ways; the docs
error page shows every case's line in bokmål and English (``docs/gen/analyst_pages.py``).
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import bosetting as bs
from bosetting import practice
from bosetting.cli import main
from bosetting.data import MAX_USER_FILE_BYTES
from bosetting.errors import BosettingError
from bosetting.i18n import language
from bosetting.jury import read_jury_sheet
from bosetting.ssb import read_ssb_10824
from bosetting.voting import MAX_BALLOT_BYTES, read_ballots

from .bad_inputs import BadInput

__all__ = ["COMMANDS", "READERS", "disk_full_on_placing", "one_line", "staged"]

#: The readers a file case goes to, and the command that reads the same file.
READERS: dict[str, Callable[[Any], object]] = {
    "ballots": read_ballots,
    "jury": lambda p: read_jury_sheet(p, bs.edition(2016)),
    "ssb": read_ssb_10824,
}
COMMANDS: dict[str, Callable[[str], list[str]]] = {
    "ballots": lambda p: ["tally", p, "--edition", "2022"],
    "jury": lambda p: ["decide", "--edition", "2016", "--jury", p],
}

#: What the ``lookup`` expressions may name.
NAMES = {"bs": bs, "practice": practice}


def _refuse_open(stack: contextlib.ExitStack, target: Path) -> None:
    """Make ``target`` unreadable (as root, permissions alone do not stop a read)."""
    target.chmod(0)
    real = os.open

    def fake(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.fspath(path) == str(target):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, flags, *args, **kwargs)

    stack.enter_context(mock.patch.object(os, "open", fake))


def _growing(stack: contextlib.ExitStack, target: Path) -> None:
    """Another program appends to ``target`` while it is read (a file still being written)."""
    real = os.read

    def fake(fd: int, n: int) -> bytes:
        chunk = real(fd, n)
        with target.open("ab") as f:
            f.write(b"Kinn;x;ny rad\n")
        return chunk

    stack.enter_context(mock.patch.object(os, "read", fake))

    import polars as pl  # the ballot reader's bytes are read by polars, not os.read

    real_scan = pl.scan_csv

    def scan(*args: Any, **kwargs: Any) -> Any:
        with target.open("ab") as f:
            f.write(b"Kinn;x;ny rad\n")
        return real_scan(*args, **kwargs)

    stack.enter_context(mock.patch.object(pl, "scan_csv", scan))


@contextlib.contextmanager
def disk_full_on_placing(nth: int = 2) -> Iterator[None]:
    """The disk fills up as the ``nth`` written file is moved into place (a link or a rename)."""
    real_link, real_replace = os.link, os.replace
    calls = {"n": 0}

    def placing(real: Callable[..., None]) -> Callable[..., None]:
        def fake(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
            if str(src).endswith(".tmp"):
                calls["n"] += 1
                if calls["n"] == nth:
                    raise OSError(errno.ENOSPC, "No space left on device")
            real(src, dst, *args, **kwargs)

        return fake

    with (
        mock.patch.object(os, "link", placing(real_link)),
        mock.patch.object(os, "replace", placing(real_replace)),
    ):
        yield


def _path(kind: str, reader: str, tmp: Path, stack: contextlib.ExitStack) -> Any:
    suffix = ".json" if reader == "ssb" else ".csv"
    good = tmp / f"good{suffix}"
    good.write_text("valg\nKinn\n", encoding="utf-8")
    if kind == "missing":
        return str(tmp / f"nope{suffix}")
    if kind == "folder":
        return str(tmp)
    if kind == "fifo":
        fifo = tmp / f"pipe{suffix}"
        os.mkfifo(fifo)
        return str(fifo)
    if kind == "dev-null":
        return "/dev/null"
    if kind == "dev-zero":
        return "/dev/zero"
    if kind == "nul":
        return str(tmp / f"a\x00b{suffix}")
    if kind in ("newline", "escape"):
        name = tmp / (f"a\nb{suffix}" if kind == "newline" else f"\x1b[31mred{suffix}")
        name.write_text("valg\nKinn\n", encoding="utf-8")
        return str(name)
    if kind == "none":
        return None
    if kind == "empty":
        return ""
    if kind == "bytes":
        return os.fsencode(good)
    if kind == "huge":
        huge = tmp / f"huge{suffix}"
        with huge.open("wb") as f:
            cap = MAX_BALLOT_BYTES if reader == "ballots" else MAX_USER_FILE_BYTES
            f.truncate(cap + 1)  # sparse: no disk, no time
        return str(huge)
    if kind == "unreadable":
        _refuse_open(stack, good)
        return str(good)
    if kind == "growing":
        _growing(stack, good)
        return str(good)
    if kind == "dangling-link":
        link = tmp / f"link{suffix}"
        link.symlink_to(tmp / "gone.csv")
        return str(link)
    if kind == "under-a-file":
        return str(good / f"x{suffix}")
    if kind == "dash":
        return "-"
    raise AssertionError(kind)


def _out(kind: str, tmp: Path, stack: contextlib.ExitStack) -> Any:
    out = tmp / "ut"
    if kind in ("exists", "target-is-folder", "target-is-link", "target-is-fifo"):
        out.mkdir()
        target = out / "ovingsdata-jury.csv"
        if kind == "exists":
            target.write_text("mine", encoding="utf-8")
        elif kind == "target-is-folder":
            target.mkdir()
        elif kind == "target-is-link":
            target.symlink_to(tmp / "elsewhere.csv")
        else:
            os.mkfifo(target)
        return str(out)
    if kind == "out-is-file":
        out.write_text("x", encoding="utf-8")
        return str(out)
    if kind == "under-a-file":
        out.write_text("x", encoding="utf-8")
        return str(out / "inner")
    if kind == "read-only":
        out.mkdir()
        out.chmod(0o555)
        real = tempfile.mkstemp

        def refuse(*args: Any, **kwargs: Any) -> Any:
            if Path(str(kwargs.get("dir"))) == out:
                raise PermissionError(13, "Permission denied")
            return real(*args, **kwargs)

        stack.enter_context(mock.patch.object(tempfile, "mkstemp", refuse))
        return str(out)
    if kind == "disk-full-second":
        stack.enter_context(disk_full_on_placing(2))
        return str(out)
    if kind == "newline-name":
        return str(tmp / "ut\nbosetting: ok")
    if kind == "nul-name":
        return str(tmp / "ut\x00")
    if kind == "none":
        return None
    raise AssertionError(kind)


@contextlib.contextmanager
def staged(
    case: BadInput, tmp: Path
) -> Iterator[tuple[Callable[[], object] | None, list[str] | None]]:
    """The case laid out in ``tmp``: the API call and the command line (``None`` where there is none)."""
    with contextlib.ExitStack() as stack:
        api: Callable[[], object] | None = None
        argv: list[str] | None = None
        if case.target in READERS:
            path = tmp / f"input{case.suffix}"
            path.write_bytes(case.input)
            api = lambda: READERS[case.target](path)  # noqa: E731
            if case.target in COMMANDS:
                argv = COMMANDS[case.target](str(path))
        elif case.target == "path":
            reader, kind = case.input
            p = _path(kind, reader, tmp, stack)
            api = lambda: READERS[reader](p)  # noqa: E731
            if reader in COMMANDS and isinstance(p, str):
                argv = COMMANDS[reader](p)
        elif case.target == "write":
            out = _out(case.input, tmp, stack)
            api = lambda: practice.write_practice(bs.edition(2022), out, seed=1, n=10)  # noqa: E731
            if isinstance(out, str):
                argv = ["practice", "--edition", "2022", "--out", out, "--seed", "1"]
                argv += ["--ballots", "10"]
        elif case.target == "lookup":
            api = lambda: eval(case.input, dict(NAMES))  # noqa: E731
        if case.argv is not None:
            argv = [a.replace("{tmp}", str(tmp / "ut")) for a in case.argv]
        if "no-latex" in case.tags:  # the case is about LaTeX missing, even where it is installed
            stack.enter_context(mock.patch.dict(os.environ, {"PATH": str(tmp)}))
        if "no-command" in case.tags:
            argv = None
        yield api, argv


def one_line(case: BadInput, lang: str) -> str:
    """What a person sees for ``case`` in ``lang``: the error's line (the command's, for a command line only).

    The scratch folder's name is left out, so the line reads the same on every run.
    """
    with tempfile.TemporaryDirectory(prefix="bosetting-bad-") as folder:
        tmp = Path(folder)
        with staged(case, tmp) as (api, argv):
            if api is not None:
                try:
                    api()
                except BosettingError as exc:
                    with language(lang):
                        line = str(exc)
                else:
                    raise AssertionError(f"{case.id}: no error")
            else:
                assert argv is not None, case.id
                err = io.StringIO()
                with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                    main([*argv, "--lang", lang])
                line = err.getvalue().strip()
        return line.replace(str(tmp) + os.sep, "").replace(str(tmp), ".")
