"""Which figures are in use: the shipped tables alone, or with the refreshed ones laid over them.

A *view* is the shipped tables plus the table parts of the sources the per-user
cache holds (:mod:`bosetting.data._cache`). :func:`current_view` is the view every
reader of a table uses (:func:`~bosetting.data.read_rows` and all above it). The
*source of figures* decides it:

* ``"auto"`` (the default): the refreshed figures where the cache holds them,
  the shipped ones otherwise;
* ``"shipped"``: the shipped tables only (the command's ``--offline``); tests,
  notebooks and the build scripts use it so their results do not depend on a
  person's cache;
* ``"refreshed"``: like ``"auto"``, but an error when the cache holds nothing.

Choose it for a block with ``with using("shipped"): ...`` (a context variable,
as :func:`bosetting.i18n.language` does for the language), or for the process
with :func:`set_source`. The cache is read once per process and cache folder;
:func:`forget_cache` makes the next reader look again (``bosetting update``
calls it after storing a source).

"Shipped" means the data package in use: ``datasets/`` as installed, or the
copy ``$BOSETTING_DATASETS`` names (:func:`~bosetting.data.dataset_root`); the
cache's parts lay over whichever it is, read and checked by the same reader
against its schema (:mod:`bosetting.data._overlay` says how a part is laid).

Examples:
    >>> with using("shipped") as view:
    ...     view.refreshed
    False
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import os
from collections.abc import Iterator

import attrs

from bosetting.data._cache import (
    CACHE_ENV_VAR,
    CachedSource,
    CachedTable,
    cache_dir,
    cached_sources,
)
from bosetting.data._userfiles import escape_controls
from bosetting.errors import ArgumentError, NoDataError
from bosetting.i18n import N_
from bosetting.model import checked

__all__ = [
    "SHIPPED",
    "SOURCES",
    "View",
    "current_view",
    "forget_cache",
    "normalise_source",
    "pinned",
    "set_source",
    "using",
]

#: The sources of figures a caller can choose.
SOURCES = ("auto", "shipped", "refreshed")


@checked
@attrs.frozen
class View:
    """The tables in use: the shipped ones and the cached sources laid over them.

    Attributes:
        sources: The cached sources in use (none: the shipped tables alone).
    """

    sources: tuple[CachedSource, ...] = ()

    @property
    def refreshed(self) -> bool:
        """Whether any refreshed figures are in use."""
        return bool(self.sources)

    def source(self, name: str) -> CachedSource | None:
        """The cached source of this name, if it is in use."""
        return next((s for s in self.sources if s.name == name), None)

    def parts(self, table: str) -> tuple[tuple[CachedSource, CachedTable], ...]:
        """The parts laid over one shipped table, in the order they are laid."""
        found = ((s, s.table(table)) for s in self.sources)
        return tuple((s, t) for s, t in found if t is not None)


#: The shipped tables alone.
SHIPPED = View()

_chosen: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "bosetting_source", default=None
)
_pinned: contextvars.ContextVar[View | None] = contextvars.ContextVar(
    "bosetting_view", default=None
)
_process: list[str | None] = [None]
_generation: list[int] = [0]


@checked
def normalise_source(source: str | None) -> str | None:
    """``source`` checked: one of :data:`SOURCES`, or ``None`` (whatever is chosen around).

    Raises:
        ArgumentError: For anything else.
    """
    if source is None or source in SOURCES:
        return source
    raise ArgumentError(
        N_("the source of figures is 'auto', 'shipped' or 'refreshed'"),
        field="source",
        value=source,
    )


@checked
def set_source(source: str | None) -> None:
    """Choose the source of figures for the whole process (``None``: back to ``"auto"``).

    Raises:
        ArgumentError: For a source not in :data:`SOURCES`.
    """
    _process[0] = normalise_source(source)


@checked
@contextlib.contextmanager
def using(source: str | None) -> Iterator[View]:
    """Use ``source`` inside the block (``None`` keeps whatever is chosen around it).

    Yields:
        The view in use inside the block.

    Raises:
        ArgumentError: For a source not in :data:`SOURCES`.
        NoDataError: For ``"refreshed"`` when the cache holds nothing.
    """
    chosen = normalise_source(source)
    if chosen is None:
        yield current_view()
        return
    token = _chosen.set(chosen)
    try:
        yield current_view()
    finally:
        _chosen.reset(token)


@checked
@contextlib.contextmanager
def pinned(view: View) -> Iterator[View]:
    """Read the tables through exactly ``view`` inside the block.

    ``bosetting update`` checks a source it has just fetched this way, through the
    same reader and the same register as every table, before it puts it in use.
    """
    token = _pinned.set(view)
    try:
        yield view
    finally:
        _pinned.reset(token)


def forget_cache() -> None:
    """Make the next reader look at the cache again (after it changed)."""
    _generation[0] += 1


@functools.lru_cache(maxsize=16)
def _cached(folder: str | None, generation: int) -> View:
    return View(cached_sources())


def current_view() -> View:
    """The view in use now (see the module docstring).

    Raises:
        NoDataError: When ``"refreshed"`` is chosen and the cache holds nothing.
        DataError: When the cache is damaged (naming the file).
    """
    fixed = _pinned.get()
    if fixed is not None:
        return fixed
    source = _chosen.get() or _process[0] or "auto"
    if source == "shipped":
        return SHIPPED
    view = _cached(os.environ.get(CACHE_ENV_VAR), _generation[0])
    if source == "refreshed" and not view.refreshed:
        raise NoDataError(
            N_(
                "the cache holds no refreshed figures ({folder}); run 'bosetting update' "
                "first, or use the shipped figures"
            ),
            folder=escape_controls(str(cache_dir())),
        )
    return view
