"""The numpy and pandas paths of the vote: arrays, Series and ballot files of any size.

This is the one module of the vote that imports pandas and numpy, and it does so
inside its functions, so ``import bosetting`` stays light.

**Arrays and Series** (:func:`tally_array`): the distinct values are counted in
C (``bincount`` on a categorical's codes, ``value_counts`` otherwise), each
distinct value is resolved once, and the rejected ballots are built only when
someone looks at them (:class:`~bosetting.voting.LazyRejected`).

**Files** (:func:`count_file`) stream in chunks of :data:`CHUNK_BYTES`, so the
memory a file needs is one chunk plus the voter index (a 64-bit digest, a row
number and a nominee per voter where the policy needs them, and the words of
long ids; see :mod:`bosetting.voting._voters`):

1. one pass over the bytes decides the encoding by the careful reader's rule
   (BOM, strict UTF-8, Windows-1252, Latin-1) and whether the file has quotes
   or NUL bytes; the header line goes through
   :func:`~bosetting.data.decode_csv_bytes` and columns are found by name
   (:func:`~bosetting.voting.ballot_columns`);
2. a file without quotes is cut at line ends; a chunk where every line is
   non-empty, shorter than the csv module's field limit and has exactly the
   header's number of delimiters is split by numpy (the same fields as the csv
   module, since there is nothing to unquote); any other chunk, and every chunk
   of a file with quotes, is read by the csv module with the careful reader's
   settings;
3. each chunk is counted by distinct choice; duplicate voters are found by
   digest within the chunk and against the index of earlier chunks, under
   every policy. A digest of a short id (at most 8 bytes) is the id itself,
   mixed; long ids are also kept as words, and every match that involves one
   is compared with the ids themselves. A later chunk can reject a ballot of an
   earlier one (``keep_last``, ``reject_all``): those ballots are built in a
   second read of only the chunks concerned.

Anything the careful reader would reject (a missing column, a short row, a
csv error, NUL bytes, a bad BOM file), and the astronomically rare digest
collision between two different ids, raises :class:`Fallback`: :func:`~bosetting.voting.tally_file` then
reads the file with the careful reader, which raises its own error, or counts.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from bosetting.model import RejectReason
from bosetting.register import Resolver
from bosetting.voting._distinct import REASONS, resolve_code
from bosetting.voting._tally import DuplicatePolicy, RejectedBallot, Tally
from bosetting.voting._voters import VoterIds

if TYPE_CHECKING:
    import numpy.typing as npt

    Arr = npt.NDArray[Any]

from bosetting.voting._chunks import (
    Chunk,
    Fallback,
    chunk,
    layout,
    pieces,
)
from bosetting.voting._digests import Index, same_ids

__all__ = ["count_file"]

#: Bytes per chunk of a ballot file without quotes (tests lower it to cut files into many chunks).


class _Count:
    """Counts chunk after chunk under one duplicate policy.

    The voter index holds each voter's digest and, where the policy needs it, the
    row and nominee of the ballot counted for now (``-1``: all rejected). Long ids
    (whose digests can collide) are also kept as words, so that every digest that
    matches is checked against the ids themselves, within a chunk and across chunks.
    """

    def __init__(self, resolver: Resolver, policy: DuplicatePolicy) -> None:
        import numpy as np

        self.resolver = resolver
        self.policy = policy
        self.votes = np.zeros(len(resolver.nominees), dtype=np.int64)
        self.rejected: list[RejectedBallot] = []
        self.labels: set[str] = set()
        # ref: where a long id's words are (part << 32 | row), -1 for a short id
        if policy is DuplicatePolicy.KEEP_FIRST:
            self.index = Index(ref=np.int64)
        else:
            self.index = Index(ref=np.int64, rows=np.int64, noms=np.int32)
        self.parts: list[tuple[Arr, Arr]] = []  # each chunk's long ids: words, lengths
        self.deferred: list[Arr] = []  # rows of earlier chunks rejected as duplicates

    def feed(self, ch: Chunk) -> None:
        import numpy as np

        n_noms = len(self.resolver.nominees)
        self.labels |= ch.labels
        per_value = np.array([resolve_code(self.resolver, v) for v in ch.values], dtype=np.int64)
        res = per_value[ch.codes] if len(ch.codes) else np.zeros(0, dtype=np.int64)
        for i in np.flatnonzero(res < 0).tolist():
            self.rejected.append(RejectedBallot(ch.ballot(i), REASONS[-1 - int(res[i])]))
        valid = res >= 0
        anon = valid & ~ch.has_voter
        self.votes += np.bincount(res[anon], minlength=n_noms)
        wv = np.flatnonzero(valid & ch.has_voter)
        if len(wv):
            self._voters(ch, res, wv)

    def _voters(self, ch: Chunk, res: Arr, wv: Arr) -> None:
        import numpy as np

        dg = ch.digest[wv]
        order = np.argsort(dg)
        sd = dg[order]
        starts = np.flatnonzero(np.concatenate(([True], sd[1:] != sd[:-1])))
        keys = sd[starts]
        if len(starts) == len(sd):  # every voter once in this chunk (the usual case)
            first = last = order
            sizes = np.ones(len(keys), dtype=np.int64)
        else:
            sizes = np.diff(np.append(starts, len(sd)))
            first = np.minimum.reduceat(order, starts)
            last = np.maximum.reduceat(order, starts)
            # one digest, one id: every ballot of a group against the group's first
            mem = wv[order]
            fst = wv[np.repeat(first, sizes)]
            if (ch.long[mem] != ch.long[fst]).any():
                raise Fallback("a short and a long voter id share a digest")
            both = ch.long[mem] & (mem != fst)
            lw, lr, ln = ch.lw, ch.lrow, ch.vlen
            if both.any() and not same_ids(
                lw, lr[mem[both]], ln[mem[both]], lw, lr[fst[both]], ln[fst[both]]
            ):
                raise Fallback("two voter ids share a digest")
        found, bucket, pos = self.index.find(keys)
        here = wv[first]
        if found.any():
            self._check_earlier(ch, self.index.get("ref", bucket[found], pos[found]), here[found])
        ref = np.full(len(keys), -1, dtype=np.int64)
        long_new = ch.long[here] & ~found
        if long_new.any():
            lens = np.zeros(len(ch.lw), dtype=np.int32)  # each long id's length, by its row
            lens[ch.lrow[ch.lrow >= 0]] = ch.vlen[ch.lrow >= 0]
            self.parts.append((ch.lw, lens))
            ref[long_new] = ((len(self.parts) - 1) << 32) | ch.lrow[here[long_new]]
        rejected = np.ones(len(wv), dtype=bool)  # True: rejected now
        policy = self.policy
        if found.any() and policy is not DuplicatePolicy.KEEP_FIRST:
            g_found = np.flatnonzero(found)
            for k in np.unique(bucket[g_found]).tolist():
                g = g_found[bucket[g_found] == k]
                p = pos[g]
                rows, noms = self.index.cols["rows"][k], self.index.cols["noms"][k]
                if policy is DuplicatePolicy.KEEP_LAST:
                    self.deferred.append(rows[p].copy())
                    keep = wv[last[g]]
                    rows[p], noms[p] = ch.rows[keep], res[keep]
                    rejected[last[g]] = False
                else:
                    self.deferred.append(rows[p[noms[p] >= 0]].copy())
                    noms[p] = -1
        new = ~found
        if policy is DuplicatePolicy.KEEP_FIRST:
            keep = first[new]
            self.votes += np.bincount(res[wv[keep]], minlength=len(self.votes))
            rejected[keep] = False
            self.index.add(keys[new], ref=ref[new])
        else:
            if policy is DuplicatePolicy.KEEP_LAST:
                keep = last[new]
                rejected[keep] = False
                noms_new = res[wv[keep]]
            else:
                alone = sizes[new] == 1
                keep = first[new]
                rejected[keep[alone]] = False
                noms_new = np.where(alone, res[wv[keep]], -1)
            self.index.add(
                keys[new], ref=ref[new], rows=ch.rows[wv[keep]], noms=noms_new.astype(np.int32)
            )
        for i in wv[rejected].tolist():
            self.rejected.append(RejectedBallot(ch.ballot(i), RejectReason.DUPLICATE_VOTER))

    def _check_earlier(self, ch: Chunk, ref: Arr, here: Arr) -> None:
        """Digests met in earlier chunks: the ids must be the same (exact, for long ids)."""
        import numpy as np

        was_long = ref >= 0
        if (was_long != ch.long[here]).any():
            raise Fallback("a short and a long voter id share a digest")
        if not was_long.any():
            return
        part = ref[was_long] >> 32
        prow = ref[was_long] & 0xFFFFFFFF
        now = here[was_long]
        for k in np.unique(part).tolist():
            m = part == k
            words, lens = self.parts[k]
            r = prow[m]
            i = now[m]
            if not same_ids(words, r, lens[r], ch.lw, ch.lrow[i], ch.vlen[i]):
                raise Fallback("two voter ids share a digest")

    def finish(self) -> tuple[list[int], set[int], bytes]:
        import numpy as np

        votes = self.votes.copy()
        if self.policy is not DuplicatePolicy.KEEP_FIRST:
            noms = self.index.all("noms")
            votes += np.bincount(noms[noms >= 0], minlength=len(votes))
        keys = self.index.all_keys()  # buckets in order, each sorted: sorted
        self.index = Index()  # free the index and the long ids' words before the result
        self.parts.clear()
        deferred = set(np.concatenate(self.deferred).tolist()) if self.deferred else set()
        packed = keys.tobytes() if keys.dtype.str == "<u8" else keys.astype("<u8").tobytes()
        del keys
        return votes.tolist(), deferred, packed


def count_file(
    path: str | os.PathLike[str],
    resolver: Resolver,
    policy: DuplicatePolicy,
    *,
    choice: str | None = None,
    voter: str | None = None,
    timestamp: str | None = None,
) -> Tally:
    """Count a ballot file in chunks (see the module docstring).

    Raises:
        Fallback: where the careful reader must read the file instead.
    """
    import numpy as np

    lay = layout(str(path), choice, voter, timestamp)
    count = _Count(resolver, policy)
    firsts: list[int] = []
    row = 1
    for piece in pieces(lay):
        firsts.append(row)
        ch = chunk(piece, lay, row)
        row += ch.records
        count.feed(ch)
        del ch
    votes, deferred, digests = count.finish()
    rejected = count.rejected
    if deferred:  # a second read, of only the chunks with ballots rejected by later ones
        needed = {int(np.searchsorted(firsts, row, side="right")) - 1 for row in deferred}
        for k, piece in enumerate(pieces(lay)):
            if k not in needed:
                continue
            ch = chunk(piece, lay, firsts[k])
            lo, hi = int(ch.rows[0]), int(ch.rows[-1])
            for row in sorted(r for r in deferred if lo <= r <= hi):
                i = int(np.searchsorted(ch.rows, row))
                rejected.append(RejectedBallot(ch.ballot(i), RejectReason.DUPLICATE_VOTER))
    return Tally(
        resolver.nominees,
        tuple(votes),
        rejected,
        VoterIds(digests=digests),
        policy,
        frozenset(count.labels),
    )
