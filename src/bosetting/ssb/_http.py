"""One GET from SSB's APIs at a time, within SSB's query limit, every failure one clear error.

SSB allows 30 queries a minute from one address (the limit is per IP address,
so colleagues behind the same address count too) and answers ``429 Too Many
Requests`` above it (SSB's API guide for PxWebApi 2,
https://www.ssb.no/api/api-mot-statistikkbanken--brukerveiledning, and the
PxWebApi 2 user guide's list of response codes, github PxTools/pxtools.github.io,
``docs/PxWebApi/documentation/user-guide.md``). :class:`RateLimit` keeps a
process's queries under the limit by waiting; a ``429`` that comes anyway is
waited out once when SSB says how long (``Retry-After``, at most a minute), and
is otherwise an error.

Only :func:`get` touches the network, and only when called; the tests point the
base addresses at a loopback server (``BOSETTING_SSB_API``, ``BOSETTING_KLASS_API``).
"""

from __future__ import annotations

import collections
import http.client
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

from bosetting.data import MAX_USER_FILE_BYTES, os_reason
from bosetting.errors import LimitError, SSBFetchError, SSBFormatError
from bosetting.i18n import N_
from bosetting.model import checked

__all__ = ["MAX_QUERIES_PER_MINUTE", "RateLimit", "get", "json_answer"]

#: SSB's limit on queries from one address in a minute.
MAX_QUERIES_PER_MINUTE = 30
#: The longest ``Retry-After`` bosetting waits out (seconds); a longer one is an error.
_LONGEST_WAIT = 60.0
_TOO_MANY = 429


@checked
class RateLimit:
    """At most ``per_minute`` queries in any 60 seconds: :meth:`wait` sleeps until the next may go.

    Examples:
        >>> now = [0.0]
        >>> limit = RateLimit(2, clock=lambda: now[0], sleep=lambda s: now.__setitem__(0, now[0] + s))
        >>> [limit.wait() for _ in range(3)], now[0]
        ([0.0, 0.0, 60.0], 60.0)
    """

    def __init__(
        self,
        per_minute: int = MAX_QUERIES_PER_MINUTE,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self.sleep = sleep
        self._sent: collections.deque[float] = collections.deque()

    def wait(self) -> float:
        """Wait until one more query keeps within the limit; return the seconds waited."""
        waited = 0.0
        now = self.clock()
        while self._sent and now - self._sent[0] >= 60.0:
            self._sent.popleft()
        if len(self._sent) >= self.per_minute:
            waited = 60.0 - (now - self._sent[0])
            self.sleep(waited)
            now = self.clock()
            self._sent.popleft()
        self._sent.append(now)
        return waited


def json_answer(raw: bytes, url: str) -> Any:
    """SSB's answer read as JSON.

    Raises:
        SSBFormatError: When it is not complete UTF-8 JSON (cut off, or another format).
    """
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, ValueError) as exc:
        raise SSBFormatError(
            N_("not complete JSON ({reason}); run 'bosetting update' again"),
            reason=type(exc).__name__,
            file=url,
        ) from None
    return doc


def _retry_after(exc: urllib.error.HTTPError) -> float | None:
    text = exc.headers.get("Retry-After") if exc.headers is not None else None
    if text is None or not text.strip().isdigit():
        return None
    seconds = float(text.strip())
    return seconds if seconds <= _LONGEST_WAIT else None


def _http_error(exc: urllib.error.HTTPError, url: str) -> SSBFetchError:
    if exc.code == _TOO_MANY:
        return SSBFetchError(
            N_(
                "SSB answered 429 Too Many Requests: more than {limit} queries a minute came "
                "from this address (SSB counts per address, so others on your network count "
                "too); wait a minute and try again"
            ),
            limit=MAX_QUERIES_PER_MINUTE,
            file=url,
        )
    return SSBFetchError(
        N_("SSB answered {code} {reason}"), code=exc.code, reason=exc.reason, file=url
    )


def get(
    url: str, *, limit: RateLimit, accept: str = "application/json", timeout: float = 60.0
) -> bytes:
    """The body of SSB's answer to one GET, read whole.

    Args:
        url: The address.
        limit: The rate limit the query counts against.
        accept: The ``Accept`` header (KLASS answers XML unless asked for JSON).
        timeout: Seconds to wait for SSB before giving up.

    Raises:
        SSBFetchError: When SSB cannot be reached, answers with an error status, or
            its answer breaks off; the message names the address.
        LimitError: When the answer is larger than ``MAX_USER_FILE_BYTES``.
    """
    request = urllib.request.Request(url, headers={"Accept": accept})
    retried = False
    while True:
        limit.wait()
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                body: bytes = answer.read(MAX_USER_FILE_BYTES + 1)
                promised = answer.headers.get("Content-Length", "")
            if promised.strip().isdigit() and len(body) < int(promised):
                raise http.client.IncompleteRead(body, int(promised) - len(body))
            break
        except urllib.error.HTTPError as exc:
            wait = _retry_after(exc) if exc.code == _TOO_MANY and not retried else None
            if wait is None:
                raise _http_error(exc, url) from None
            retried = True
            limit.sleep(wait)
        except http.client.IncompleteRead as exc:
            raise SSBFetchError(
                N_("SSB's answer broke off after {got} bytes; {missing} more were promised"),
                got=len(exc.partial),
                missing=exc.expected if exc.expected is not None else "?",
                file=url,
            ) from None
        except (urllib.error.URLError, http.client.HTTPException, TimeoutError, OSError) as exc:
            cause = exc.reason if isinstance(exc, urllib.error.URLError) else exc
            reason = os_reason(cause) if isinstance(cause, BaseException) else str(cause)
            raise SSBFetchError(
                N_("could not reach SSB ({reason})"), reason=reason or type(exc).__name__, file=url
            ) from None
    if len(body) > MAX_USER_FILE_BYTES:
        raise LimitError(
            N_(
                "SSB answered with more than {limit} bytes (MAX_USER_FILE_BYTES); "
                "ask for fewer regions or years"
            ),
            limit=MAX_USER_FILE_BYTES,
            file=url,
            field="size",
            value=len(body),
        )
    return body
