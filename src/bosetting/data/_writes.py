"""Files bosetting writes: atomically, never over an existing file unless asked.

:func:`write_user_bytes` and :func:`write_csv` write to a temporary file in the
target's folder and then rename it, never over an existing file unless
``force=True``, and never over anything that is not a regular file.
:func:`write_csv` writes the one CSV form (:mod:`bosetting.data._csvout`:
every cell quoted, formula-like text neutralised, numbers as they are).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bosetting.data._csvout import csv_bytes
from bosetting.data._userfiles import escape_controls, os_reason, user_path
from bosetting.errors import WriteError
from bosetting.i18n import N_

__all__ = ["check_writable", "write_csv", "write_user_bytes"]


def _target(path: object) -> Path:
    return Path(user_path(path, WriteError))


_A_FOLDER = N_("is a folder; give a file name")
_EXISTS = N_("the file exists already; pass force=True (the command's --force) to replace it")
_CANNOT_WRITE = N_("cannot write the file: {reason}")


#: The mode of a new file before the umask (what ``open(path, "w")`` gives).
_NEW_FILE_MODE = 0o666


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _check_target(target: Path, *, force: bool) -> None:
    shown = escape_controls(str(target))
    try:
        info = target.lstat()
    except FileNotFoundError:
        return
    except NotADirectoryError:
        raise WriteError(
            N_("cannot write there: a part of the path is a file, not a folder"), file=shown
        ) from None
    except OSError as exc:
        raise WriteError(_CANNOT_WRITE, reason=os_reason(exc), file=shown) from None
    if stat.S_ISDIR(info.st_mode):
        raise WriteError(_A_FOLDER, file=shown)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISREG(info.st_mode):
        raise WriteError(
            N_(
                "exists and is not a regular file (a link, pipe or device); bosetting will not "
                "write over it"
            ),
            file=shown,
        )
    if not force:
        raise WriteError(_EXISTS, file=shown)


def check_writable(paths: Iterable[str | os.PathLike[str]], *, force: bool = False) -> None:
    """Check, before writing anything, that each file may be written (see :func:`write_user_bytes`).

    Raises:
        WriteError: For the first path that exists (without ``force``), is a
            folder, is not a regular file, or lies under a file.
    """
    for path in paths:
        _check_target(_target(path), force=force)


def _os_error(exc: OSError, shown: str, folder: Path) -> WriteError:
    if isinstance(exc, PermissionError):
        return WriteError(
            N_("no permission to write in the folder {folder}"),
            folder=escape_controls(str(folder)),
            file=shown,
        )
    if isinstance(exc, IsADirectoryError):
        return WriteError(_A_FOLDER, file=shown)
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return WriteError(
            N_("the folder does not exist (or a part of the path is a file)"), file=shown
        )
    if isinstance(exc, FileExistsError):
        return WriteError(_EXISTS, file=shown)
    return WriteError(_CANNOT_WRITE, reason=os_reason(exc), file=shown)


def write_user_bytes(path: str | os.PathLike[str], data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to a file atomically: a temporary file in the same folder, then a rename.

    A reader never sees half a file, and a failed write leaves no temporary file.

    Args:
        path: The file to write.
        data: Its content.
        force: Replace an existing regular file (otherwise refused).

    Returns:
        The path written.

    Raises:
        WriteError: Naming the file: it exists (without ``force``), it is a folder
            or not a regular file, the folder is missing or read-only, the disk is
            full, or the name holds NUL or control characters.
    """
    target = _target(path)
    shown = escape_controls(str(target))
    _check_target(target, force=force)
    folder = target.parent
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise _os_error(exc, shown, folder) from None
    try:
        os.fchmod(fd, _NEW_FILE_MODE & ~_umask())  # as an ordinary new file, not mkstemp's 0600
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if force:
            os.replace(tmp, target)
        else:
            try:
                os.link(tmp, target)  # fails if the target appeared meanwhile: no overwrite
            except FileExistsError:
                raise
            except OSError:  # no hard links here (some network or FAT drives)
                _check_target(target, force=False)
                os.replace(tmp, target)
            else:
                os.unlink(tmp)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise _os_error(exc, shown, folder) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return target


def write_csv(
    path: str | os.PathLike[str],
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    force: bool = False,
    excel: bool = False,
) -> Path:
    """Write a CSV file the one way bosetting writes CSV (:func:`~bosetting.data.csv_bytes`).

    Args:
        path: The file to write.
        header: The column names.
        rows: The rows, each a sequence of plain values (text, numbers, flags, ``None``).
        force: Replace an existing regular file (otherwise refused).
        excel: For a spreadsheet set up for the active language: a byte-order
            mark, and ``;`` with decimal commas where its decimal sign is a comma.

    Returns:
        The path written.

    Raises:
        WriteError: As :func:`write_user_bytes`, or for a cell UTF-8 cannot store.
    """
    target = _target(path)
    _check_target(target, force=force)
    return write_user_bytes(target, csv_bytes(header, rows, excel=excel), force=force)
