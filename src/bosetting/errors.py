"""Errors a user can cause, all subclasses of :class:`BosettingError`.

The hierarchy (every class lives here; code raises a specific subclass, never the base)::

    BosettingError
    ├── ValidationError (ValueError)       a value is invalid for a field of a domain object
    ├── ArgumentError (ValueError)         a function was called with an unusable argument
    │   └── UsageError                     the command line is wrong
    ├── DataError (ValueError)             a table or file has the wrong layout or content
    │   ├── BallotFileError                a ballot (vote) file
    │   ├── JurySheetError                 a jury scoring sheet
    │   ├── SSBFormatError                 a Statistics Norway export
    │   ├── ChecksumError                  a shipped table does not match its hash in datapackage.json
    │   └── NoDataError                    no figures on record for what was asked (a plot, an export)
    ├── LimitError (ValueError)            an input is over a documented cap (bytes, rows, cells, steps)
    ├── MunicipalityNotFound (LookupError) no municipality has that name or code that year
    ├── AmbiguousMunicipality (LookupError) a name fits several municipalities that year
    ├── AmbiguousSuccession                a split: no single successor
    ├── EditionNotFound (LookupError)      no edition has that label or year
    ├── TallyMergeError                    two tallies cannot be merged
    ├── DecisionError                      a decision rule cannot be applied to what was given
    ├── SSBFetchError                      SSB's API could not be reached or answered badly
    └── WriteError                         a file or folder cannot be written

Every error carries the place it happened (file, row, field) and the offending
value where these are known, and its message names them, so that one line is
enough to find and fix the problem.

The message is kept as its English template and parameters and is written out
each time the error is shown (``str(err)``), in the active language:
:mod:`bosetting.i18n` installs the renderer with :func:`set_renderer` (this
module cannot import it: it is the floor below). Until then, English.

Examples:
    >>> from bosetting.errors import DataError
    >>> err = DataError("not a whole number: {text}", text="x", file="votes.csv", row=7, field="count", value="x")
    >>> print(err)
    votes.csv, row 7, field 'count', value 'x': not a whole number: x
    >>> err.message_id
    'not a whole number: {text}'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

__all__ = [
    "AmbiguousMunicipality",
    "AmbiguousSuccession",
    "ArgumentError",
    "BallotFileError",
    "BosettingError",
    "ChecksumError",
    "DataError",
    "DecisionError",
    "EditionNotFound",
    "JurySheetError",
    "LimitError",
    "MunicipalityNotFound",
    "NoDataError",
    "SSBFetchError",
    "SSBFormatError",
    "TallyMergeError",
    "UsageError",
    "ValidationError",
    "WriteError",
]

_UNSET: Any = object()

#: A value longer than this (as ``repr``) is shortened in the message; ``.value`` keeps it whole.
_MAX_VALUE_REPR = 200


def _english(message: str, params: Mapping[str, Any]) -> str:
    return message.format(**params) if params else message


#: Writes a message template with its parameters in the active language (see set_renderer).
_renderer: Callable[[str, Mapping[str, Any]], str] = _english


def set_renderer(renderer: Callable[[str, Mapping[str, Any]], str]) -> None:
    """Install the function that translates a template and fills in its parameters.

    :mod:`bosetting.i18n` calls this once, when it is imported.
    """
    global _renderer
    _renderer = renderer


def _(message: str, **params: Any) -> str:
    return _renderer(message, params)


def _one_line(text: str) -> str:
    """``text`` with its control characters (line breaks, escapes) written as escapes."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _quoted(value: object) -> str:
    """A value as the message shows it: text in quotes (control characters escaped)."""
    if isinstance(value, str):
        text = _one_line(value)
        # TRANSLATORS: how a text value is quoted in a message ('x' in English, «x» in bokmål).
        return _("'{text}'", text=text)
    if isinstance(value, list | tuple):
        return ", ".join(_quoted(v) for v in value)
    return repr(value)


class BosettingError(Exception):
    """Base class of every error a user of bosetting can cause.

    Args:
        message: What is wrong, in plain words: an English template whose
            ``{placeholders}`` are filled from ``params`` (the catalogue's message id).
        file: The file (or table) the value came from, if any.
        row: The 1-based data row (header not counted), if any.
        field: The field or column name, if any.
        value: The offending value, if any (``None`` is a value too).
        params: The template's parameters.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        field: str | None = None,
        value: Any = _UNSET,
        **params: Any,
    ) -> None:
        self.message_id = message
        self.params = params
        self.file = file
        self.row = row
        self.field = field
        self.value = None if value is _UNSET else value
        self.has_value = value is not _UNSET
        super().__init__(message)

    @property
    def message(self) -> str:
        """What is wrong, in the active language (without the place), on one line."""
        return _one_line(_renderer(self.message_id, self.params))

    @message.setter
    def message(self, text: str) -> None:
        self.message_id, self.params = text, {}

    def __str__(self) -> str:
        return self._render()

    def _render(self) -> str:
        where: list[str] = []
        if self.file is not None:
            where.append(_one_line(str(self.file)))
        if self.row is not None:
            where.append(_("row {row}", row=self.row))
        if self.field is not None:
            where.append(_("field {field}", field=_quoted(self.field)))
        if self.has_value:
            shown = _quoted(self.value)
            if len(shown) > _MAX_VALUE_REPR:
                shown = _(
                    "{start}… ({length} characters)",
                    start=shown[:_MAX_VALUE_REPR],
                    length=len(shown),
                )
            where.append(_("value {value}", value=shown))
        return f"{', '.join(where)}: {self.message}" if where else self.message

    def located(self, *, file: str | None = None, row: int | None = None) -> BosettingError:
        """Return a copy of this error with the file and row filled in where missing.

        Args:
            file: The file to name if the error does not name one yet.
            row: The row to name if the error does not name one yet.

        Returns:
            A new error of the same class.
        """
        clone = self.__class__.__new__(self.__class__)
        clone.__dict__.update(self.__dict__)
        clone.file = self.file if self.file is not None else file
        clone.row = self.row if self.row is not None else row
        Exception.__init__(clone, *self.args)
        return clone


class ValidationError(BosettingError, ValueError):
    """A value is invalid for a field of a domain object."""


class ArgumentError(BosettingError, ValueError):
    """A function was called with an argument it cannot use (wrong type or out of range)."""


class UsageError(ArgumentError):
    """The command line itself is wrong (unknown option, missing argument ...)."""


class DataError(BosettingError, ValueError):
    """A table or file does not have the expected layout or content."""


class BallotFileError(DataError):
    """A ballot (vote) file cannot be read."""


class JurySheetError(DataError):
    """A jury scoring sheet cannot be read or does not fit the edition."""


class SSBFormatError(DataError):
    """A Statistics Norway (SSB) export is not the expected table or format."""


class ChecksumError(DataError):
    """A shipped table's bytes do not match the SHA-256 ``hash`` that ``datapackage.json`` declares."""


class LimitError(BosettingError, ValueError):
    """An input is larger than a documented cap (file bytes, CSV rows, SSB cells, steps).

    The caps keep a damaged or hostile file from exhausting memory; each is a
    named constant (for example :data:`bosetting.data.MAX_USER_FILE_BYTES`), and
    the message names it, the cap and the offending size.
    """


class NoDataError(DataError):
    """There are no figures on record for what was asked (an area with no outcome rows ...)."""


class MunicipalityNotFound(BosettingError, LookupError):
    """No municipality matches a name or code in the requested year."""


class AmbiguousMunicipality(BosettingError, LookupError):
    """A name matches several municipalities in the requested year."""


class AmbiguousSuccession(BosettingError):
    """A municipality has more than one successor (a split), so no single current one."""


class EditionNotFound(BosettingError, LookupError):
    """No edition of the prize has the requested label or year."""


class TallyMergeError(BosettingError):
    """Two tallies cannot be merged (other nominees, another policy, or shared voters)."""


class DecisionError(BosettingError):
    """A decision rule cannot be applied: no weight for a blend, no tally, no nominees."""


class SSBFetchError(BosettingError):
    """Statistics Norway's API could not be reached or did not answer with the table."""


class WriteError(BosettingError):
    """A file or folder cannot be written (no permission, a folder in the way, exists already)."""
