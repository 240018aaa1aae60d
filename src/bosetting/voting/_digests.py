"""The voter index of a streamed file: 64-bit digests, with an exact check on every match."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bosetting.voting._voters import LONG_SEED

if TYPE_CHECKING:
    import numpy.typing as npt

    Arr = npt.NDArray[Any]


__all__ = ["Index", "digests_of", "same_ids", "word_matrix"]

# --- digests (the numpy twin of _voters.voter_digest) -----------------------------------------

_C1, _C2 = 0xBF58476D1CE4E5B9, 0x94D049BB133111EB


def _mix(x: Arr) -> Arr:
    import numpy as np

    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(_C1)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(_C2)
    out: Arr = x ^ (x >> np.uint64(31))
    return out


def _masks() -> Arr:
    import numpy as np

    return np.array([(1 << (8 * i)) - 1 for i in range(8)] + [(1 << 64) - 1], dtype=np.uint64)


class _Bytes:
    """A chunk's bytes, padded, with an unaligned 64-bit view for reading fields as words."""

    def __init__(self, data: bytes) -> None:
        import numpy as np

        self.data = data
        self.n = len(data)
        padded = data + b"\x00" * 8
        self.u8 = np.frombuffer(padded, dtype=np.uint8)
        self.u64 = np.ndarray((self.n + 1,), dtype="<u8", buffer=padded, offset=0, strides=(1,))
        self.masks = _masks()

    def word(self, starts: Arr, lens: Arr, k: int) -> Arr:
        """The ``k``-th 8-byte word of each field (zero beyond the field's end)."""
        import numpy as np

        at = np.minimum(starts + 8 * k, self.n)
        if len(lens) and int(lens.min()) >= 8 * (k + 1):
            whole: Arr = self.u64[at]  # every field has the whole word
            return whole
        rem = np.clip(lens - 8 * k, 0, 8)
        out: Arr = self.u64[at] & self.masks[rem]
        return out

    def digests(self, starts: Arr, lens: Arr) -> tuple[Arr, Arr, Arr]:
        """Each field's digest, whether it is long, and the long fields' words (one row each).

        See :mod:`bosetting.voting._voters` for the digest.
        """
        import numpy as np

        h = _mix(self.word(starts, lens, 0))
        long = lens > 8
        words = np.zeros((0, 0), dtype=np.uint64)
        if long.any():
            li = np.flatnonzero(long)
            ls, ll = starts[li], lens[li]
            hl = _mix(ll.astype(np.uint64) ^ np.uint64(LONG_SEED))
            words = np.zeros((len(li), int((ll.max() + 7) // 8)), dtype=np.uint64)
            for k in range(words.shape[1]):
                words[:, k] = self.word(ls, ll, k)
                step = _mix(hl ^ words[:, k])
                hl = np.where(ll > 8 * k, step, hl)
            h[li] = hl
        return h, long, words

    def text(self, start: int, end: int, encoding: str) -> str:
        return self.data[start:end].decode(encoding)


def digests_of(voters: list[str]) -> Arr:
    """Digests of voter ids with numpy (the twin of :func:`~bosetting.voting._voters.voter_digest`).

    Used by the tests to check that both give the same numbers.
    """
    import numpy as np

    blobs = [v.encode("utf-8") for v in voters]
    data = b"".join(blobs)
    lens = np.array([len(b) for b in blobs], dtype=np.int64)
    starts = np.zeros(len(blobs), dtype=np.int64)
    if len(blobs) > 1:
        starts[1:] = np.cumsum(lens)[:-1]
    return _Bytes(data).digests(starts, lens)[0]


# --- files: layout and chunks -----------------------------------------------------------------


def word_matrix(blobs: list[bytes]) -> Arr:
    """Ids' bytes as rows of little-endian 64-bit words, zero-padded to the longest."""
    import numpy as np

    width = max(((len(x) + 7) // 8 for x in blobs), default=0)
    joined = b"".join(x.ljust(8 * width, b"\x00") for x in blobs)
    return np.frombuffer(joined, dtype="<u8").reshape(len(blobs), width).astype(np.uint64)


def _pad(words: Arr, width: int) -> Arr:
    import numpy as np

    if words.shape[1] == width:
        return words
    out = np.zeros((words.shape[0], width), dtype=np.uint64)
    out[:, : words.shape[1]] = words
    return out


def same_ids(wa: Arr, ra: Arr, la: Arr, wb: Arr, rb: Arr, lb: Arr) -> bool:
    """Whether ids (rows ``ra`` of word matrix ``wa`` with byte lengths ``la``, and so on) agree."""
    width = max(wa.shape[1], wb.shape[1])
    return bool((la == lb).all() and (_pad(wa, width)[ra] == _pad(wb, width)[rb]).all())


class Index:
    """Distinct 64-bit digests in 256 sorted buckets (by their top byte), with payload columns.

    A bucket of a few ten thousand digests stays in the processor's cache, so
    looking up a chunk's digests costs little more than reading them.
    """

    def __init__(self, **columns: Any) -> None:
        import numpy as np

        self.keys: list[Arr] = [np.zeros(0, dtype=np.uint64)] * 256
        self.cols: dict[str, list[Arr]] = {
            name: [np.zeros(0, dtype=dtype)] * 256 for name, dtype in columns.items()
        }

    @staticmethod
    def _slices(keys: Arr) -> list[tuple[int, int, int]]:
        import numpy as np

        top = (keys >> np.uint64(56)).astype(np.intp)
        bounds = np.searchsorted(top, np.arange(257)).tolist()
        return [(k, bounds[k], bounds[k + 1]) for k in range(256) if bounds[k] < bounds[k + 1]]

    def find(self, keys: Arr) -> tuple[Arr, Arr, Arr]:
        """For sorted distinct ``keys``: which are present, and their bucket and place."""
        import numpy as np

        found = np.zeros(len(keys), dtype=bool)
        bucket = np.zeros(len(keys), dtype=np.intp)
        pos = np.zeros(len(keys), dtype=np.int64)
        for k, lo, hi in self._slices(keys):
            have = self.keys[k]
            if not len(have):
                continue
            q = keys[lo:hi]
            at = np.minimum(np.searchsorted(have, q), len(have) - 1)
            found[lo:hi] = have[at] == q
            bucket[lo:hi] = k
            pos[lo:hi] = at
        return found, bucket, pos

    def get(self, name: str, bucket: Arr, pos: Arr) -> Arr:
        """A payload column at places from :meth:`find`."""
        import numpy as np

        out = np.zeros(len(pos), dtype=self.cols[name][0].dtype)
        for k in np.unique(bucket).tolist():
            m = bucket == k
            out[m] = self.cols[name][k][pos[m]]
        return out

    def add(self, keys: Arr, **values: Arr) -> None:
        """Add sorted distinct ``keys`` that are not present yet, with their payload."""
        import numpy as np

        for k, lo, hi in self._slices(keys):
            merged = np.concatenate((self.keys[k], keys[lo:hi]))
            if not self.cols:
                self.keys[k] = np.sort(merged, kind="stable")
                continue
            order = np.argsort(merged, kind="stable")
            self.keys[k] = merged[order]
            for name, col in self.cols.items():
                col[k] = np.concatenate((col[k], values[name][lo:hi]))[order]

    def all_keys(self) -> Arr:
        import numpy as np

        return np.concatenate(self.keys)

    def all(self, name: str) -> Arr:
        import numpy as np

        return np.concatenate(self.cols[name])
