"""The one nominee resolver: a choice (a code or a name) to one of an edition's nominees.

The ballot counter and the jury sheet reader both use it, so a name means the
same nominee in a vote and on a jury sheet.

Resolving a choice:

* a kommunenummer (``"4602"``; a three-digit ``"301"`` as Excel writes it is read as ``"0301"``);
* or a name, case-insensitively with exact æøå, as
  :meth:`~bosetting.model.Municipality.matches` defines it (each part of a
  Norwegian/Sami name and the name without the county in brackets match);
* names and choices are compared as :func:`fold` writes them: in Unicode NFC (a
  decomposed ``"Hárstták"`` is the composed one) and without format characters
  (a zero-width space, a soft hyphen or a byte-order mark inside a name is dropped);
* a blank choice is ``BLANK``; a choice that matches no nominee
  ``UNKNOWN_NOMINEE``; one that matches several nominees ``AMBIGUOUS``;
* :meth:`Resolver.close_matches` names the nominees a choice that matched none
  comes close to (a misspelling), for a message that suggests them.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Sequence

from bosetting.errors import ArgumentError
from bosetting.i18n import N_
from bosetting.model import Edition, Municipality, RejectReason, checked, name_parts

__all__ = ["Resolver", "fold", "nominees_of"]


def fold(text: str) -> str:
    """A name or a choice as it is compared: NFC, without format characters (category Cf).

    Examples:
        >>> fold("Ha\u0301rstta\u0301k") == "Hárstták", fold("Ki\u200bnn")
        (True, 'Kinn')
    """
    if text.isascii():
        return text
    kept = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return unicodedata.normalize("NFC", kept)


@checked
def nominees_of(nominees: Edition | Iterable[Municipality]) -> tuple[Municipality, ...]:
    """The distinct nominees of an edition (or of an iterable of municipalities), in order.

    Raises:
        ArgumentError: if an item is not a :class:`~bosetting.model.Municipality`.
    """
    items = nominees.nominees if isinstance(nominees, Edition) else tuple(nominees)
    for m in items:
        if not isinstance(m, Municipality):
            raise ArgumentError(
                N_("nominees must be Municipality objects"), field="nominees", value=m
            )
    return tuple(dict.fromkeys(items))


@checked
class Resolver:
    """Maps a choice (code or name) to a nominee's index; built once per nominee set.

    Examples:
        >>> r = Resolver([Municipality("5037", "Levanger - Levangke", "Trøndelag", 2024)])
        >>> r.resolve("levangke"), r.resolve("5037"), r.resolve("Oslo"), r.resolve(" ")
        (0, 0, <RejectReason.UNKNOWN_NOMINEE: 'unknown_nominee'>, <RejectReason.BLANK: 'blank'>)
    """

    def __init__(self, nominees: Sequence[Municipality]) -> None:
        self.nominees = tuple(nominees)
        lookup: dict[str, int | RejectReason] = {}
        for i, m in enumerate(self.nominees):
            keys = {m.code, *(fold(p) for p in name_parts(fold(m.name)))}
            for key in keys:
                old = lookup.get(key)
                lookup[key] = i if old is None or old == i else RejectReason.AMBIGUOUS
        self._lookup = lookup
        self._cache: dict[str, int | RejectReason] = {}

    def resolve(self, choice: str) -> int | RejectReason:
        """The nominee's index, or why the choice cannot be counted."""
        hit = self._cache.get(choice)
        if hit is not None:
            return hit
        key = fold(choice).strip()
        if not key:
            result: int | RejectReason = RejectReason.BLANK
        else:
            if key.isdigit() and len(key) == 3:
                key = "0" + key
            found = self._lookup.get(key)
            if found is None:
                found = self._lookup.get(fold(key.casefold()), RejectReason.UNKNOWN_NOMINEE)
            result = found
        if len(self._cache) < 100_000:
            self._cache[choice] = result
        return result

    def close_matches(self, choice: str, n: int = 3) -> tuple[Municipality, ...]:
        """The nominees whose code or name (or a part of it) is close to ``choice``, closest first.

        Examples:
            >>> r = Resolver([Municipality("5402", "Harstad - Hárstták", "Troms", 2024),
            ...               Municipality("1506", "Molde", "Møre og Romsdal", 2020)])
            >>> [m.name for m in r.close_matches("Harstadd")], r.close_matches("Oslo")
            (['Harstad - Hárstták'], ())
        """
        key = choice.strip().casefold()
        found = difflib.get_close_matches(key, list(self._lookup), n=n * 3, cutoff=0.6)
        hits = [self._lookup[k] for k in found]
        return tuple(dict.fromkeys(self.nominees[i] for i in hits if isinstance(i, int)))[:n]
