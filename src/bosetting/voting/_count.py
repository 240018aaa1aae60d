"""Counting the public vote among one edition's nominees.

:func:`tally` resolves each :class:`~bosetting.ballots.Ballot` against the
nominees and returns a :class:`Tally`. Nothing is dropped: a ballot that is not
counted is kept in :attr:`Tally.rejected` with a :class:`RejectReason`.

Resolving a choice:

* a kommunenummer (``"4602"``; a three-digit ``"301"`` as Excel writes it is read as ``"0301"``);
* or a name, case-insensitively with exact æøå, as
  :meth:`~bosetting.model.Municipality.matches` defines it (each part of a
  Norwegian/Sami name and the name without the county in brackets match);
* a blank choice is rejected as ``BLANK``; a choice that matches no nominee as
  ``UNKNOWN_NOMINEE``; one that matches several nominees as ``AMBIGUOUS``.

Duplicate voters (:class:`DuplicatePolicy`): among the *valid* ballots that
carry the same voter id, ``KEEP_FIRST`` counts the first in input order,
``KEEP_LAST`` the last, and ``REJECT_ALL`` none; the others are rejected as
``DUPLICATE_VOTER``. Ballots without a voter id are never duplicates.

A :class:`Tally` is a monoid: :meth:`Tally.empty` is the identity and ``a + b``
merges two batches (associative and commutative). A tally remembers the voter ids
it counted; merging two tallies whose voter ids overlap raises
:class:`TallyMergeError` instead of counting a voter twice, because the policy
cannot be applied to votes that are already counted. Tally such ballots in one
batch.

Examples:
    >>> from bosetting.model import Municipality
    >>> kinn = Municipality("4602", "Kinn", "Vestland", 2020)
    >>> bodo = Municipality("1804", "Bodø", "Nordland", 1977)
    >>> t = tally(["Kinn", "kinn", "1804", "", "Oslo"], [kinn, bodo])
    >>> [(m.name, n) for m, n in t.counts.items()]
    [('Kinn', 2), ('Bodø', 1)]
    >>> t.accepted, len(t.rejected), t.total
    (3, 2, 5)
    >>> t.exact_shares[kinn]
    Fraction(2, 3)
    >>> (t + Tally.empty([kinn, bodo])) == t
    True
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

from bosetting.errors import BosettingError
from bosetting.model import Edition, Municipality, name_parts
from bosetting.voting._ballots import (
    Ballot,
    ballot_columns,
    ballots_from_iterable,
    check_row_lengths,
)

__all__ = [
    "TIE_RULE",
    "DuplicatePolicy",
    "Finalists",
    "RejectReason",
    "RejectedBallot",
    "Resolver",
    "Tally",
    "TallyMergeError",
    "Tie",
    "order_by_score",
    "tally",
    "tally_codes",
    "tally_file",
]

#: How every tie in this library is broken: deterministic, never random.
TIE_RULE = "kommunenummer stigende (lavest nummer først)"


class TallyMergeError(BosettingError):
    """Two tallies cannot be merged (other nominees, another policy, or shared voters)."""


class RejectReason(enum.Enum):
    """Why a ballot was not counted."""

    BLANK = "blank"
    UNKNOWN_NOMINEE = "unknown_nominee"
    AMBIGUOUS = "ambiguous"
    DUPLICATE_VOTER = "duplicate_voter"


class DuplicatePolicy(enum.Enum):
    """What to do with several valid ballots from one voter id (see the module docstring)."""

    KEEP_FIRST = "keep_first"
    KEEP_LAST = "keep_last"
    REJECT_ALL = "reject_all"


@attrs.frozen
class RejectedBallot:
    """A ballot that was not counted, and why."""

    ballot: Ballot
    reason: RejectReason


def _rejected_key(r: RejectedBallot) -> tuple[Any, ...]:
    b = r.ballot
    return (
        b.source or "",
        b.row is None,
        b.row or 0,
        b.choice,
        b.voter or "",
        b.timestamp or "",
        b.label or "",
        r.reason.value,
    )


def _canonical(rejected: Iterable[RejectedBallot]) -> tuple[RejectedBallot, ...]:
    return tuple(sorted(rejected, key=_rejected_key))


@attrs.frozen
class Tie:
    """Nominees with equal scores at a point where the order matters, and how it was broken.

    Attributes:
        stage: Where the tie arose (for example ``"finalister"``, ``"jury"``, ``"samlet"``).
        members: The tied nominees, in the order the tie rule put them.
        score: The shared score, as text.
        broken_by: The rule that ordered them (:data:`TIE_RULE`).
    """

    stage: str
    members: tuple[Municipality, ...]
    score: str
    broken_by: str = TIE_RULE

    def describe_nb(self) -> str:
        """The tie in one bokmål sentence."""
        names = ", ".join(f"{m.name} ({m.code})" for m in self.members)
        return f"Likt ({self.stage}, {self.score}) mellom {names}; brutt etter {self.broken_by}."


def order_by_score(
    scores: Mapping[Municipality, Any], stage: str
) -> tuple[tuple[Municipality, ...], tuple[Tie, ...]]:
    """Order nominees by score, highest first; ties by kommunenummer ascending.

    Every group of two or more equal scores is returned as a :class:`Tie`.

    Examples:
        >>> a = Municipality("0301", "Oslo", "Oslo", 1838)
        >>> b = Municipality("1804", "Bodø", "Nordland", 1977)
        >>> order, ties = order_by_score({b: 2, a: 2}, "stemmer")
        >>> [m.code for m in order], [m.code for m in ties[0].members]
        (['0301', '1804'], ['0301', '1804'])
    """
    order = tuple(sorted(scores, key=lambda m: (-scores[m], m.code, m.name, m.valid_from)))
    ties: list[Tie] = []
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        if j > i:
            ties.append(Tie(stage, order[i : j + 1], _fmt(scores[order[i]])))
        i = j + 1
    return order, tuple(ties)


def _fmt(x: Any) -> str:
    if isinstance(x, Fraction):
        return f"{float(x):.4f}" if x.denominator != 1 else str(x.numerator)
    if isinstance(x, float):
        return f"{x:.4f}"
    return str(x)


@attrs.frozen
class Finalists:
    """The ``k`` nominees with most votes.

    Attributes:
        k: How many were asked for.
        municipalities: The finalists, most votes first (fewer than ``k`` if there are fewer nominees).
        tie: The tie at the boundary (place ``k`` against place ``k + 1``), if any, with
            every nominee on that vote count, ordered by the tie rule.
    """

    k: int
    municipalities: tuple[Municipality, ...]
    tie: Tie | None


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
            keys = {m.code, *name_parts(m.name)}
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
        key = choice.strip()
        if not key:
            result: int | RejectReason = RejectReason.BLANK
        else:
            if key.isdigit() and len(key) == 3:
                key = "0" + key
            found = self._lookup.get(key)
            if found is None:
                found = self._lookup.get(key.casefold(), RejectReason.UNKNOWN_NOMINEE)
            result = found
        if len(self._cache) < 100_000:
            self._cache[choice] = result
        return result


def _nominee_tuple(nominees: Edition | Iterable[Municipality]) -> tuple[Municipality, ...]:
    items = nominees.nominees if isinstance(nominees, Edition) else tuple(nominees)
    for m in items:
        if not isinstance(m, Municipality):
            raise BosettingError("nominees must be Municipality objects", field="nominees", value=m)
    return tuple(dict.fromkeys(items))


@attrs.frozen(eq=True)
class Tally:
    """Counts of the public vote for one set of nominees.

    Build with :func:`tally`, :func:`tally_codes`, :func:`tally_file` or
    :meth:`empty`; merge batches with ``+``.

    Attributes:
        nominees: The nominees, in the edition's order.
        votes: The count per nominee, aligned with ``nominees``.
        rejected: Every ballot not counted, with its reason (in a canonical order).
        voters: The voter ids whose ballot was counted or rejected as a duplicate.
        duplicates: The duplicate-voter policy the tally was made with.
        labels: The labels the ballots carried (``"ØVINGSDATA"`` marks practice data).
    """

    nominees: tuple[Municipality, ...]
    votes: tuple[int, ...]
    rejected: tuple[RejectedBallot, ...] = attrs.field(default=(), converter=_canonical)
    voters: frozenset[str] = frozenset()
    duplicates: DuplicatePolicy = DuplicatePolicy.KEEP_FIRST
    labels: frozenset[str] = frozenset()

    def __attrs_post_init__(self) -> None:
        if len(self.votes) != len(self.nominees):
            raise BosettingError(
                f"{len(self.votes)} counts for {len(self.nominees)} nominees", field="votes"
            )

    @classmethod
    def empty(
        cls,
        nominees: Edition | Iterable[Municipality],
        duplicates: DuplicatePolicy = DuplicatePolicy.KEEP_FIRST,
    ) -> Tally:
        """The tally of no ballots: the identity of ``+``."""
        noms = _nominee_tuple(nominees)
        return cls(noms, (0,) * len(noms), (), frozenset(), duplicates)

    def __add__(self, other: object) -> Tally:
        if not isinstance(other, Tally):
            return NotImplemented
        if set(self.nominees) != set(other.nominees):
            raise TallyMergeError(
                "tallies for different nominees cannot be merged",
                field="nominees",
                value=sorted(m.code for m in set(self.nominees) ^ set(other.nominees)),
            )
        if self.duplicates is not other.duplicates:
            raise TallyMergeError(
                "tallies made with different duplicate policies cannot be merged",
                field="duplicates",
                value=(self.duplicates.value, other.duplicates.value),
            )
        shared = self.voters & other.voters
        if shared:
            raise TallyMergeError(
                f"{len(shared)} voter id(s) occur in both batches; tally those ballots "
                "together so the duplicate policy can be applied",
                field="voter",
                value=sorted(shared)[:5],
            )
        theirs = other.counts
        return Tally(
            self.nominees,
            tuple(n + theirs[m] for m, n in zip(self.nominees, self.votes, strict=True)),
            self.rejected + other.rejected,
            self.voters | other.voters,
            self.duplicates,
            self.labels | other.labels,
        )

    @property
    def counts(self) -> dict[Municipality, int]:
        """Votes per nominee (every nominee, zero included), in the nominees' order."""
        return dict(zip(self.nominees, self.votes, strict=True))

    @property
    def accepted(self) -> int:
        """How many ballots were counted."""
        return sum(self.votes)

    @property
    def total(self) -> int:
        """How many ballots were read: counted plus rejected."""
        return self.accepted + len(self.rejected)

    @property
    def rejected_by_reason(self) -> dict[RejectReason, int]:
        """How many ballots were rejected for each reason (every reason, zero included)."""
        found = Counter(r.reason for r in self.rejected)
        return {reason: found[reason] for reason in RejectReason}

    @property
    def exact_shares(self) -> dict[Municipality, Fraction]:
        """Each nominee's share of the counted ballots, exactly (all zero if none were counted)."""
        n = self.accepted
        return {m: Fraction(c, n) if n else Fraction(0) for m, c in self.counts.items()}

    @property
    def shares(self) -> dict[Municipality, float]:
        """Each nominee's share of the counted ballots (all ``0.0`` if none were counted)."""
        return {m: float(s) for m, s in self.exact_shares.items()}

    def ranking(self) -> tuple[Municipality, ...]:
        """Nominees by votes, most first; equal counts by kommunenummer ascending."""
        return order_by_score(self.counts, "stemmer")[0]

    def rank(self, municipality: Municipality) -> int:
        """A nominee's 1-based place in :meth:`ranking`."""
        return self.ranking().index(municipality) + 1

    def finalists(self, k: int = 3) -> Finalists:
        """The ``k`` nominees with most votes, ties at the boundary broken by kommunenummer.

        Examples:
            >>> ms = [Municipality(c, n, "X", 2020) for c, n in [("0301", "A"), ("1804", "B"), ("4602", "C")]]
            >>> f = tally(["C", "C", "B", "A"], ms).finalists(2)
            >>> [m.name for m in f.municipalities], [m.name for m in f.tie.members]
            (['C', 'A'], ['A', 'B'])
        """
        if isinstance(k, bool) or not isinstance(k, int) or k < 1:
            raise BosettingError("k is a whole number of at least 1", field="k", value=k)
        counts = self.counts
        order, ties = order_by_score(counts, "finalister")
        chosen = order[:k]
        tie = None
        if len(order) > k:
            boundary = counts[order[k - 1]]
            if counts[order[k]] == boundary:
                tie = next(t for t in ties if order[k - 1] in t.members)
        return Finalists(k, chosen, tie)


def _apply(
    resolver: Resolver,
    rows: Iterable[tuple[str, str | None, Any]],
    duplicates: DuplicatePolicy,
    make_ballot: Any,
) -> tuple[list[int], list[RejectedBallot], set[str]]:
    """Count resolved rows; ``make_ballot(item)`` builds a Ballot only for rejected ones."""
    votes = [0] * len(resolver.nominees)
    rejected: list[RejectedBallot] = []
    by_voter: dict[str, list[tuple[Any, int]]] = {}
    resolve = resolver.resolve
    for choice, voter, item in rows:
        hit = resolve(choice)
        if isinstance(hit, RejectReason):
            rejected.append(RejectedBallot(make_ballot(item), hit))
        elif voter is None:
            votes[hit] += 1
        else:
            by_voter.setdefault(voter, []).append((item, hit))
    dup = RejectReason.DUPLICATE_VOTER
    for group in by_voter.values():
        if len(group) == 1:
            votes[group[0][1]] += 1
            continue
        if duplicates is DuplicatePolicy.REJECT_ALL:
            keep = None
        else:
            keep = 0 if duplicates is DuplicatePolicy.KEEP_FIRST else len(group) - 1
        for i, (item, hit) in enumerate(group):
            if i == keep:
                votes[hit] += 1
            else:
                rejected.append(RejectedBallot(make_ballot(item), dup))
    return votes, rejected, set(by_voter)


def _check_policy(duplicates: object) -> DuplicatePolicy:
    if isinstance(duplicates, DuplicatePolicy):
        return duplicates
    try:
        return DuplicatePolicy(duplicates)
    except ValueError:
        raise BosettingError(
            "the duplicate policy is keep_first, keep_last or reject_all",
            field="duplicates",
            value=duplicates,
        ) from None


def tally(
    ballots: Iterable[Ballot | str | None],
    edition: Edition | Iterable[Municipality],
    *,
    duplicates: DuplicatePolicy | str = DuplicatePolicy.KEEP_FIRST,
) -> Tally:
    """Count ballots among an edition's nominees (see the module docstring for the rules).

    Args:
        ballots: Ballots, or choices as strings (``None`` is blank).
        edition: The edition (its :attr:`~bosetting.model.Edition.nominees`) or the nominees.
        duplicates: The duplicate-voter policy.

    Returns:
        The tally; ``accepted + len(rejected)`` equals the number of ballots.

    Examples:
        >>> from bosetting.voting._ballots import Ballot
        >>> kinn = Municipality("4602", "Kinn", "Vestland", 2020)
        >>> bs = [Ballot("Kinn", voter="a"), Ballot("4602", voter="a")]
        >>> tally(bs, [kinn], duplicates="reject_all").rejected_by_reason[RejectReason.DUPLICATE_VOTER]
        2
    """
    policy = _check_policy(duplicates)
    resolver = Resolver(_nominee_tuple(edition))
    items = ballots_from_iterable(ballots)
    votes, rejected, voters = _apply(
        resolver, ((b.choice, b.voter, b) for b in items), policy, lambda b: b
    )
    labels = frozenset(b.label for b in items if b.label)
    return Tally(resolver.nominees, tuple(votes), rejected, frozenset(voters), policy, labels)


def tally_codes(codes: Any, edition: Edition | Iterable[Municipality]) -> Tally:
    """Count ballots given as integer kommunenummer (``4602``, ``301`` for ``"0301"``).

    The fast path for large exports: ``codes`` is any array-like of whole numbers
    (a numpy array is used as is). Counting is one :func:`numpy.bincount`. Ballots
    without voter ids cannot be duplicates, so the policy does not apply. A code
    that is no nominee's is rejected as ``UNKNOWN_NOMINEE`` and kept, its row the
    1-based position.

    Examples:
        >>> kinn = Municipality("4602", "Kinn", "Vestland", 2020)
        >>> t = tally_codes([4602, 4602, 301], [kinn])
        >>> t.votes, t.rejected[0].ballot.choice, t.rejected[0].ballot.row
        ((2,), '0301', 3)
    """
    import numpy as np

    noms = _nominee_tuple(edition)
    arr = np.asarray(codes)
    if arr.ndim != 1 or (arr.size and arr.dtype.kind not in "iu"):
        raise BosettingError(
            "codes must be a one-dimensional array of whole numbers",
            field="codes",
            value=str(arr.dtype),
        )
    wanted = np.array([int(m.code) for m in noms], dtype=np.intp)
    if arr.size == 0:
        return Tally(noms, (0,) * len(noms))
    counts = None
    if int(arr.max()) < 10_000:
        try:  # one pass; bincount itself refuses negative values
            counts = np.bincount(arr, minlength=10_000)
        except ValueError:
            counts = None
    if counts is not None:
        votes = tuple(int(x) for x in counts[wanted]) if len(noms) else ()
        bad = int(arr.size) - sum(votes)
    else:
        votes = tuple(int(np.count_nonzero(arr == c)) for c in wanted)
        bad = int(arr.size) - sum(votes)
    rejected: list[RejectedBallot] = []
    if bad:
        is_nominee = np.isin(arr, wanted)
        for pos in np.flatnonzero(~is_nominee).tolist():
            value = int(arr[pos])
            text = f"{value:04d}" if 0 <= value < 10_000 else str(value)
            rejected.append(RejectedBallot(Ballot(text, row=pos + 1), RejectReason.UNKNOWN_NOMINEE))
    return Tally(noms, votes, rejected)


def tally_file(
    path: Any,
    edition: Edition | Iterable[Municipality],
    *,
    duplicates: DuplicatePolicy | str = DuplicatePolicy.KEEP_FIRST,
    choice: str | None = None,
    voter: str | None = None,
) -> Tally:
    """Read and count a ballot CSV file in one pass (same result as ``tally(read_ballots(path), ...)``).

    Only rejected ballots become :class:`~bosetting.ballots.Ballot` objects, so
    large files are counted quickly. The file rules are those of
    :func:`bosetting.ballots.read_ballots`.

    Raises:
        BallotFileError: naming file, row and field, as :func:`~bosetting.ballots.read_ballots`.
    """
    from bosetting.data import read_csv_text
    from bosetting.errors import BallotFileError

    policy = _check_policy(duplicates)
    resolver = Resolver(_nominee_tuple(edition))
    fast = _tally_file_fast(path, resolver, policy, choice=choice, voter=voter)
    if fast is not None:
        return fast
    text = read_csv_text(path, BallotFileError)
    cols = ballot_columns(text, choice=choice, voter=voter)
    check_row_lengths(text, cols)
    c, v, t, lab = cols.choice, cols.voter, cols.timestamp, cols.label
    single = len(text.header) == 1
    rows = text.rows
    labels = frozenset(
        row[lab] for row in rows if lab is not None and len(row) > lab and row[lab].strip()
    )

    def make(i: int) -> Ballot:
        row = rows[i]
        if not row:
            return Ballot("", row=i + 1, source=text.file)
        return Ballot(
            row[c],
            voter=None if v is None else row[v],
            timestamp=None if t is None else row[t],
            row=i + 1,
            source=text.file,
            label=None if lab is None else row[lab],
        )

    if v is None and not single and all(rows):
        # Fast path: count distinct choices in C, resolve each distinct choice once.
        found = Counter(row[c] for row in rows)
        votes = [0] * len(resolver.nominees)
        rejected: list[RejectedBallot] = []
        bad: set[str] = set()
        for ch, n in found.items():
            hit = resolver.resolve(ch)
            if isinstance(hit, RejectReason):
                bad.add(ch)
            else:
                votes[hit] += n
        if bad:
            for i, row in enumerate(rows):
                if row[c] in bad:
                    reason = resolver.resolve(row[c])
                    assert isinstance(reason, RejectReason)
                    rejected.append(RejectedBallot(make(i), reason))
        return Tally(resolver.nominees, tuple(votes), rejected, frozenset(), policy, labels)

    def items() -> Iterable[tuple[str, str | None, int]]:
        for i, row in enumerate(rows):
            if not row:
                if single:
                    yield "", None, i
                continue
            voter_id = None if v is None else (row[v].strip() or None)
            yield row[c], voter_id, i

    votes2, rejected2, voters = _apply(resolver, items(), policy, make)
    return Tally(resolver.nominees, tuple(votes2), rejected2, frozenset(voters), policy, labels)


#: Files at least this large are first tried with pandas' C reader (see ``_tally_file_fast``).
_FAST_MIN_BYTES = 1_000_000


def _tally_file_fast(
    path: Any,
    resolver: Resolver,
    policy: DuplicatePolicy,
    *,
    choice: str | None,
    voter: str | None,
) -> Tally | None:
    """Count a large, plain ballot file with pandas' C reader; ``None`` means "use the csv path".

    Taken only when the result is the same as the csv path's: no quotes, no empty
    lines, every row with exactly the header's fields, and no voter id that is
    blank or repeated. Anything else returns ``None`` and the careful path reads
    the file (and raises errors naming row and field).
    """
    import io
    from pathlib import Path

    from bosetting.data import decode_csv_bytes

    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    if len(data) < _FAST_MIN_BYTES or b'"' in data or b"\x00" in data:
        return None
    newline = b"\r\n" if b"\r\n" in data[:4096] else b"\n"
    if b"\r" in data and newline == b"\n":
        return None
    body = data[: -len(newline)] if data.endswith(newline) else data
    header_end = body.find(newline)
    if header_end < 0:
        header_end = len(body)
    try:
        head = decode_csv_bytes(body[:header_end], str(path))
        cols = ballot_columns(head, choice=choice, voter=voter)
    except BosettingError:
        return None
    if len(head.header) > 1 and newline + newline in body:
        return None  # empty lines are skipped in a file of several columns; let csv do it
    encoding = "utf-8" if head.encoding == "utf-8-sig" else head.encoding
    n_rows = body.count(newline)
    import pandas as pd

    use = [i for i in (cols.choice, cols.voter, cols.timestamp, cols.label) if i is not None]
    names = [head.header[i] for i in use]
    if len(set(head.header)) != len(head.header):
        return None  # repeated column names: let the careful path read them
    dtypes = {
        name: ("category" if i == cols.choice else str) for i, name in zip(use, names, strict=True)
    }
    try:
        frame = pd.read_csv(
            io.BytesIO(data[3:] if head.encoding == "utf-8-sig" else data),
            sep=head.delimiter,
            # The choice column is parsed straight into a categorical, so counting and
            # finding rejected rows work on integer codes (see ``make bench``).
            dtype=dtypes,
            keep_default_na=False,
            na_filter=False,
            usecols=use,
            encoding=encoding,
            skip_blank_lines=False,
        )
    except Exception:  # any parser complaint: let the careful path name the row
        return None
    if len(frame) != n_rows or body.count(head.delimiter.encode()) != (len(head.header) - 1) * (
        n_rows + 1
    ):
        return None

    def column(i: int | None) -> Any:
        return None if i is None else frame.iloc[:, use.index(i)]

    stamps, labels = column(cols.timestamp), column(cols.label)
    choices = frame.iloc[:, use.index(cols.choice)]
    voter_ids = None
    if cols.voter is not None:
        voter_ids = frame.iloc[:, use.index(cols.voter)].str.strip()
        if bool((voter_ids == "").any()) or bool(voter_ids.duplicated().any()):
            return None
    import numpy as np

    categories = [str(c) for c in choices.cat.categories]
    codes = choices.cat.codes.to_numpy()
    per_category = np.bincount(codes, minlength=len(categories))
    votes = [0] * len(resolver.nominees)
    bad: list[int] = []
    for k, ch in enumerate(categories):
        hit = resolver.resolve(ch)
        if isinstance(hit, RejectReason):
            bad.append(k)
        else:
            votes[hit] += int(per_category[k])
    rejected: list[RejectedBallot] = []
    dropped: set[str] = set()
    if bad:
        where = np.isin(codes, bad).nonzero()[0]

        def pick(col: Any) -> list[Any]:
            return [None] * len(where) if col is None else col.iloc[where].tolist()

        for pos, ch, vid, stamp, lab in zip(
            where.tolist(), pick(choices), pick(voter_ids), pick(stamps), pick(labels), strict=True
        ):
            ballot = Ballot(
                ch, voter=vid, timestamp=stamp, row=pos + 1, source=str(path), label=lab
            )
            reason = resolver.resolve(ballot.choice)
            assert isinstance(reason, RejectReason)
            rejected.append(RejectedBallot(ballot, reason))
            if vid is not None:
                dropped.add(vid)
    seen: frozenset[str] = (
        frozenset() if voter_ids is None else frozenset(voter_ids.tolist()) - dropped
    )
    found_labels = frozenset() if labels is None else frozenset(labels.unique()) - {""}
    return Tally(resolver.nominees, tuple(votes), rejected, seen, policy, found_labels)
