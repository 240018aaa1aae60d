r"""The files a user names: the one gate for reading them.

**Reading a path** (:func:`read_user_bytes`, used by every reader of a user's
file): the path must be text naming a regular file; ``None``, a missing file, a
folder, a named pipe, a device or a socket, a name holding NUL or another
control character, and a file over :data:`MAX_USER_FILE_BYTES` are refused,
each with its own message. ``-`` means standard input only where a reader says
it supports it. A pipe is never opened in a way that could hang.

Writing is :mod:`bosetting.data._writes`.

Examples:
    >>> escape_controls("a\nb\x1b[31m")
    'a\\nb\\x1b[31m'
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import unicodedata
from collections.abc import Callable
from typing import IO, Literal, NamedTuple

from bosetting.errors import BosettingError, DataError, LimitError
from bosetting.i18n import N_, LazyText, lazy_gettext
from bosetting.model import checked

__all__ = [
    "FORMULA_PREFIXES",
    "MAX_USER_FILE_BYTES",
    "changed_error",
    "check_user_file",
    "escape_controls",
    "os_reason",
    "read_user_bytes",
    "read_user_stream",
    "user_path",
]

#: The largest user file bosetting reads (64 MiB): a public vote of several
#: million ballots fits; ``/dev/zero`` or a damaged export does not exhaust memory.
MAX_USER_FILE_BYTES = 64 * 1024 * 1024

#: A cell beginning with one of these is prefixed with ``'`` when bosetting writes
#: CSV, so a spreadsheet shows it as text instead of running it (OWASP's "CSV
#: injection" list, and the full-width forms some spreadsheets also accept).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_CHUNK = 1 << 20

ErrorClass = Callable[..., BosettingError]


@checked
def escape_controls(text: str) -> str:
    r"""``text`` with control, format and line-separator characters written as escapes.

    Whatever a file name or a cell holds, a message built from it stays on one
    line and cannot move the terminal's cursor or colours.

    Examples:
        >>> escape_controls("votes\r\n.csv"), escape_controls("Tromsø\u2028x")
        ('votes\\r\\n.csv', 'Tromsø\\u2028x')
    """
    if text.isprintable():
        return text
    out: list[str] = []
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn") and ch != " ":
            code = ord(ch)
            if ch in _ESCAPES:
                out.append(_ESCAPES[ch])
            elif code < 0x100:
                out.append(f"\\x{code:02x}")
            elif code < 0x10000:
                out.append(f"\\u{code:04x}")
            else:
                out.append(f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)


def _has_control(name: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" for ch in name)


class _PathProblems(NamedTuple):
    """What is wrong with a path a user gave, one whole sentence per problem (for the catalogue)."""

    none: str
    of_bytes: str
    other_type: str
    empty: str
    nul: str
    control: str


#: The sentences for a file and for a folder (whole sentences: "fil" and "mappe" differ in bokmål).
_PATH_PROBLEMS: dict[str, _PathProblems] = {
    "file": _PathProblems(
        none=N_("no file given (the path is None)"),
        of_bytes=N_("a file path is text, not bytes"),
        other_type=N_("a file path is text or a path, not {type}"),
        empty=N_("no file given (the path is empty)"),
        nul=N_("the file name holds a NUL character"),
        control=N_(
            "the file name holds a control character (a line break, tab or escape); rename the file"
        ),
    ),
    "folder": _PathProblems(
        none=N_("no folder given (the path is None)"),
        of_bytes=N_("a folder path is text, not bytes"),
        other_type=N_("a folder path is text or a path, not {type}"),
        empty=N_("no folder given (the path is empty)"),
        nul=N_("the folder name holds a NUL character"),
        control=N_(
            "the folder name holds a control character (a line break, tab or escape); "
            "rename the folder"
        ),
    ),
}


@checked(own=("path",))
def user_path(
    path: object, error: ErrorClass = DataError, *, what: Literal["file", "folder"] = "file"
) -> str:
    r"""A path a user gave, as text; ``error`` for None, bytes, other types, NUL or control characters.

    Examples:
        >>> user_path("votes\n.csv")
        Traceback (most recent call last):
        ...
        bosetting.errors.DataError: votes\n.csv, value 'votes\n.csv': the file name holds a control character (a line break, tab or escape); rename the file
    """
    problem = _PATH_PROBLEMS[what]
    if path is None:
        raise error(problem.none, field="path", value=None)
    if isinstance(path, bytes | bytearray):
        raise error(problem.of_bytes, field="path", value=path)
    if not isinstance(path, str | os.PathLike):
        raise error(problem.other_type, type=type(path).__name__, field="path", value=path)
    name = os.fspath(path)
    if not isinstance(name, str):
        raise error(problem.of_bytes, field="path", value=name)
    if not name:
        raise error(problem.empty, field="path", value=name)
    if "\x00" in name:
        raise error(problem.nul, file=escape_controls(name), value=name)
    if _has_control(name):
        raise error(problem.control, file=escape_controls(name), value=name)
    return name


_KINDS = (
    (stat.S_ISFIFO, N_("a named pipe")),
    (stat.S_ISCHR, N_("a character device")),
    (stat.S_ISBLK, N_("a block device")),
    (stat.S_ISSOCK, N_("a socket")),
)


def _kind(mode: int) -> LazyText:
    """What a file that is not a regular file is, in words of the language it is shown in."""
    for test, kind in _KINDS:
        if test(mode):
            return lazy_gettext(kind)
    return lazy_gettext("something else")


_A_FOLDER = N_("cannot read the file: it is a folder, not a file")


#: The operating system's failures a user meets, in words of the catalogue (by errno).
_OS_REASONS = {
    errno.ENOENT: N_("there is no such file or folder"),
    errno.EACCES: N_("no permission"),
    errno.EPERM: N_("the operation is not permitted"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EROFS: N_("the file system is read-only"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a part of the path is a file, not a folder"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.ELOOP: N_("too many symbolic links"),
    errno.EMFILE: N_("too many files are open"),
    errno.EIO: N_("the device could not be read or written"),
    errno.EBUSY: N_("the file or device is busy"),
    errno.EEXIST: N_("it exists already"),
}


@checked
def os_reason(exc: BaseException) -> str | LazyText:
    """Why the operating system refused, in the active language where the catalogue knows it.

    Common failures (no such file, no permission, disk full ...) are words of the
    catalogue, shown in the language active when the message is shown; any other
    is the system's own text (``strerror``), else the exception's text.

    Examples:
        >>> import errno
        >>> from bosetting.i18n import language
        >>> reason = os_reason(OSError(errno.ENOSPC, "No space left on device"))
        >>> with language("nb"):
        ...     str(reason)
        'disken er full'
        >>> os_reason(OSError(errno.EXDEV, "Invalid cross-device link"))
        'Invalid cross-device link'
    """
    if isinstance(exc, OSError) and exc.errno in _OS_REASONS:
        return lazy_gettext(_OS_REASONS[exc.errno])
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


def _too_large(size: int, limit: int, shown: str) -> LimitError:
    return LimitError(
        N_(
            "the file is larger than bosetting reads ({limit} bytes, MAX_USER_FILE_BYTES); "
            "split it or pass a larger limit"
        ),
        limit=limit,
        file=shown,
        field="size",
        value=size,
    )


@checked
def changed_error(error: ErrorClass, before: int, after: int, shown: str) -> BosettingError:
    """The error for a file that changed size (or was written to) while it was read."""
    return error(
        N_(
            "the file changed while it was read ({before} bytes when opened, "
            "{after} when read); read it again once nothing writes to it"
        ),
        before=before,
        after=after,
        file=shown,
        field="size",
        value=after,
    )


@checked(own=("stream",))
def read_user_stream(
    stream: IO[bytes] | IO[str],
    name: str,
    error: ErrorClass = DataError,
    *,
    limit: int = MAX_USER_FILE_BYTES,
) -> bytes:
    """Read an open file (binary or text, text is encoded as UTF-8), at most ``limit`` bytes.

    Raises:
        LimitError: When the stream holds more than ``limit`` bytes.
        DataError: (or ``error``) when reading fails or gives neither bytes nor text.
    """
    shown = escape_controls(name)
    if not callable(getattr(stream, "read", None)):
        raise error(
            N_("an open file has a read method; {kind} has none"),
            kind=type(stream).__name__,
            file=shown,
            field="stream",
        )
    try:
        data = stream.read(limit + 1)
    except (OSError, ValueError) as exc:
        raise error(
            N_("cannot read the file: {reason}"), reason=os_reason(exc), file=shown
        ) from None
    if isinstance(data, str):
        data = data.encode("utf-8", errors="surrogateescape")
    if not isinstance(data, bytes | bytearray):
        raise error(
            N_("reading the file gave {type}, not bytes or text"),
            type=type(data).__name__,
            file=shown,
        )
    if len(data) > limit:
        raise _too_large(len(data), limit, shown)
    return bytes(data)


def _open_regular(name: str, error: ErrorClass, limit: int | None) -> tuple[int, str, int]:
    """Open a regular file for reading without blocking; refuse folders, pipes, devices, sockets."""
    shown = escape_controls(name)
    flags = (
        os.O_RDONLY
        | getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once instead of waiting for a writer
        | getattr(os, "O_NOCTTY", 0)
        | getattr(os, "O_BINARY", 0)
    )
    try:
        fd = os.open(name, flags)
    except FileNotFoundError:
        if name == "-":
            raise error(
                N_(
                    "cannot read the file: no such file ('-' for standard input is not "
                    "supported here)"
                ),
                file=shown,
            ) from None
        raise error(N_("cannot read the file: no such file"), file=shown) from None
    except NotADirectoryError:
        raise error(
            N_("cannot read the file: no such file (a part of the path is a file, not a folder)"),
            file=shown,
        ) from None
    except IsADirectoryError:
        raise error(_A_FOLDER, file=shown) from None
    except PermissionError:
        if os.path.isdir(name):
            raise error(_A_FOLDER, file=shown) from None
        raise error(N_("cannot read the file: no permission to read it"), file=shown) from None
    except (OSError, ValueError) as exc:
        raise error(
            N_("cannot open the file: {reason}"), reason=os_reason(exc), file=shown
        ) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error(_A_FOLDER, file=shown)
        if not stat.S_ISREG(info.st_mode):
            raise error(
                N_(
                    "cannot read the file: it is {kind}, not a regular file; "
                    "save the data to a file first"
                ),
                kind=_kind(info.st_mode),
                file=shown,
            )
        if limit is not None and info.st_size > limit:
            raise _too_large(info.st_size, limit, shown)
    except BaseException:
        os.close(fd)
        raise
    return fd, shown, info.st_size


@checked(own=("path",))
def check_user_file(path: str | os.PathLike[str], error: ErrorClass = DataError) -> str:
    """The name of a file a user named, after the same checks as :func:`read_user_bytes` (no size cap).

    For readers that stream a file of any size themselves (a ballot file of
    millions of votes): the file is opened, checked to be a regular file, and closed.

    Raises:
        DataError: (or ``error``) as :func:`read_user_bytes`.
    """
    name = user_path(path, error)
    fd, _, _ = _open_regular(name, error, None)
    os.close(fd)
    return name


@checked(own=("path",))
def read_user_bytes(
    path: str | os.PathLike[str],
    error: ErrorClass = DataError,
    *,
    limit: int = MAX_USER_FILE_BYTES,
    stdin: bool = False,
) -> bytes:
    """The bytes of a file a user named, after the checks in the module docstring.

    Args:
        path: The file. ``"-"`` is standard input where ``stdin`` is true.
        error: The :class:`~bosetting.errors.DataError` subclass to raise.
        limit: The most bytes read (default :data:`MAX_USER_FILE_BYTES`).
        stdin: Whether ``"-"`` means standard input.

    Returns:
        The file's bytes.

    The file is read up to the size it had when it was opened: a file that grows
    or shrinks meanwhile (one still being written) is an error, never half a file.

    Raises:
        DataError: (or ``error``) naming the file, for ``None``, a name with NUL or
            control characters, a missing file, a folder, a named pipe, a device,
            a socket, a file that cannot be read, or one that changed while it was read.
        LimitError: When the file is larger than ``limit``.

    Examples:
        >>> read_user_bytes("no/such/votes.csv")
        Traceback (most recent call last):
        ...
        bosetting.errors.DataError: no/such/votes.csv: cannot read the file: no such file
        >>> read_user_bytes("/")
        Traceback (most recent call last):
        ...
        bosetting.errors.DataError: /: cannot read the file: it is a folder, not a file
    """
    name = user_path(path, error)
    if stdin and name == "-":
        return read_user_stream(sys.stdin.buffer, "<stdin>", error, limit=limit)
    fd, shown, expected = _open_regular(name, error, limit)
    try:
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size, expected + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # the file grew while it was read
                raise _too_large(size, limit, shown)
            if size > expected:
                break  # more than the file held when it was opened: it is being written to
        now = os.fstat(fd).st_size
        if size != expected or now != expected:
            raise changed_error(error, expected, max(size, now), shown)
    except OSError as exc:
        raise error(
            N_("cannot read the file: {reason}"), reason=os_reason(exc), file=shown
        ) from None
    finally:
        os.close(fd)
    return b"".join(chunks)
