"""A loopback HTTP server that answers like SSB's PxWebApi 2 (table 10824) and KLASS API (131).

``conftest.py`` starts it in a thread for a test (the ``ssb_server`` fixture) and
points ``BOSETTING_SSB_API`` and ``BOSETTING_KLASS_API`` at it. It replays
``fixtures/ssb_refresh/`` (see the README there): the metadata as recorded, each
data query cut from the recorded cube by the regions and years it names, and
KLASS's answers written from the shipped register. A test can make either API
answer badly: ``server.fail["ssb"] = "429"`` (or ``"500"``, ``"truncated"``,
``"unknown-dimension"``, ``"truncated-json"``), likewise ``server.fail["klass"]``.
"""

from __future__ import annotations

import csv
import json
import threading
import urllib.parse
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ssb_refresh"
DATASETS = Path(__file__).resolve().parents[1] / "datasets"


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATASETS / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def klass_codes(start: date, end: date) -> dict[str, Any]:
    """KLASS's ``codes`` answer for classification 131 from ``start`` up to ``end``, from the shipped register."""
    codes = []
    for r in _rows("municipalities.csv"):
        first = date(int(r["valid_from"]), 1, 1)
        after = date(int(r["valid_to"]) + 1, 1, 1) if r["valid_to"] else None
        if first >= end or (after is not None and after <= start):
            continue
        codes.append(
            {
                "code": r["code"],
                "parentCode": None,
                "level": "1",
                "name": r["name"],
                "shortName": "",
                "presentationName": "",
                "validFrom": None,
                "validTo": None,
                "validFromInRequestedRange": max(first, start).isoformat(),
                "validToInRequestedRange": (end if after is None else min(after, end)).isoformat(),
                "notes": "",
            }
        )
    # KLASS lists SSB's code for an unknown municipality among them (its 2024 version does).
    codes.append(
        {
            "code": "9999",
            "parentCode": None,
            "level": "1",
            "name": "Uoppgitt",
            "shortName": "",
            "presentationName": "",
            "validFrom": None,
            "validTo": None,
            "validFromInRequestedRange": start.isoformat(),
            "validToInRequestedRange": end.isoformat(),
            "notes": "",
        }
    )
    return {"codes": codes}


def klass_changes(start: date, end: date) -> dict[str, Any]:
    """KLASS's ``changes`` answer from the shipped change table."""
    changes = [
        {
            "oldCode": r["old_code"],
            "oldName": r["old_name"],
            "oldShortName": "",
            "newCode": r["new_code"],
            "newName": r["new_name"],
            "newShortName": "",
            "changeOccurred": r["date"],
        }
        for r in _rows("municipality_changes.csv")
        if start <= date.fromisoformat(r["date"]) < end
    ]
    return {"codeChanges": changes}


def cut(cube: dict[str, Any], wanted: dict[str, list[str]]) -> dict[str, Any]:
    """The JSON-stat2 dataset ``cube`` with only the codes ``wanted`` of each dimension (table order)."""
    ids = cube["id"]
    codes = {d: list(cube["dimension"][d]["category"]["index"]) for d in ids}
    keep = {d: [c for c in codes[d] if d not in wanted or c in wanted[d]] for d in ids}
    strides = []
    step = 1
    for d in reversed(ids):
        strides.insert(0, step)
        step *= len(codes[d])
    values: list[Any] = []
    status: dict[str, str] = {}

    def walk(depth: int, offset: int) -> None:
        if depth == len(ids):
            if str(offset) in cube.get("status", {}):
                status[str(len(values))] = cube["status"][str(offset)]
            values.append(cube["value"][offset])
            return
        d = ids[depth]
        for c in keep[d]:
            walk(depth + 1, offset + codes[d].index(c) * strides[depth])

    walk(0, 0)
    out = json.loads(json.dumps(cube))
    out["size"] = [len(keep[d]) for d in ids]
    for d in ids:
        cat = out["dimension"][d]["category"]
        cat["index"] = {c: i for i, c in enumerate(keep[d])}
        cat["label"] = {c: cat["label"][c] for c in keep[d]}
    out["value"] = values
    out["status"] = status
    return out


class SSBServer:
    """The server and what it was asked (``requests``: each path with its query)."""

    def __init__(self) -> None:
        self.fail: dict[str, str | None] = {"ssb": None, "klass": None}
        self.requests: list[str] = []
        self.metadata = json.loads((FIXTURES / "10824_metadata.json").read_text(encoding="utf-8"))
        self.cube = json.loads((FIXTURES / "10824_data.json").read_text(encoding="utf-8"))
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                server.requests.append(self.path)
                server.answer(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def ssb_api(self) -> str:
        return f"{self.base}/api/pxwebapi/v2"

    @property
    def klass_api(self) -> str:
        return f"{self.base}/api/klass/v1"

    def answer(self, h: BaseHTTPRequestHandler) -> None:
        url = urllib.parse.urlsplit(h.path)
        query = dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True))
        api = "klass" if url.path.startswith("/api/klass/") else "ssb"
        failure = self.fail[api]
        if failure == "429":
            return self.send(h, 429, b'{"title": "Too many requests"}', reason="Too Many Requests")
        if failure == "500":
            return self.send(h, 500, b"Internal error", reason="Internal Server Error")
        if api == "klass":
            if h.headers.get("Accept") != "application/json":
                return self.send(h, 200, b"<xml/>")  # KLASS answers XML unless asked for JSON
            start, end = date.fromisoformat(query["from"]), date.fromisoformat(query["to"])
            if url.path.endswith("/classifications/131/codes"):
                doc = klass_codes(start, end)
            elif url.path.endswith("/classifications/131/changes"):
                doc = klass_changes(start, end)
            else:
                return self.send(h, 404, b"Not found")
        elif url.path.endswith("/tables/10824/metadata"):
            doc = json.loads(json.dumps(self.metadata))
            if failure == "unknown-dimension":
                doc["id"].insert(1, "Alder")
                doc["size"].insert(1, 2)
                doc["dimension"]["Alder"] = {
                    "label": "alder",
                    "category": {
                        "index": {"15-29": 0, "30-55": 1},
                        "label": {"15-29": "", "30-55": ""},
                    },
                }
        elif url.path.endswith("/tables/10824/data"):
            wanted = {
                key[len("valueCodes[") : -1]: value.split(",")
                for key, value in query.items()
                if key.startswith("valueCodes[") and value != "*"
            }
            doc = cut(self.cube, wanted)
        else:
            return self.send(h, 404, b"Not found")
        body = json.dumps(doc, ensure_ascii=False).encode("utf-8")
        if failure == "truncated":
            return self.send(h, 200, body[: len(body) // 2], length=len(body))
        if failure == "truncated-json":
            return self.send(h, 200, body[: len(body) // 2])
        return self.send(h, 200, body)

    def send(
        self,
        h: BaseHTTPRequestHandler,
        status: int,
        body: bytes,
        *,
        reason: str | None = None,
        length: int | None = None,
    ) -> None:
        h.send_response(status, reason)
        h.send_header("Content-Type", "application/json; charset=utf-8")
        h.send_header("Content-Length", str(len(body) if length is None else length))
        h.send_header("Connection", "close")
        h.end_headers()
        h.wfile.write(body)
        h.wfile.flush()
        h.close_connection = True

    def __enter__(self) -> SSBServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
