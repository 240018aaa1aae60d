"""README.md's examples run as written: every code block, in an empty folder, no network.

The rules (README.md, *Development*): ``sh`` blocks run with bash and ``python``
blocks with this Python, in order, in one empty folder, with this environment's
commands first on ``PATH`` (as ``source .venv/bin/activate`` does) and SSB's
addresses on the loopback server of ``tests/ssb_server.py``. A block of ``make``
targets only is the set-up and is not run; nor is a block right after a comment
``<!-- readme-test: skip (why) -->``, which must say why.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ssb_server import SSBServer

README = Path(__file__).resolve().parents[1] / "README.md"

_FENCE = re.compile(
    r"(?P<skip><!-- readme-test: skip \((?P<why>[^)]*)\) -->\n)?```(?P<lang>\w*)\n(?P<body>.*?)```",
    re.S,
)


def blocks() -> list[tuple[str, str, str | None]]:
    """README.md's code blocks in order: (language, text, why it is skipped or None)."""
    return [
        (m["lang"], m["body"], m["why"] if m["skip"] else None)
        for m in _FENCE.finditer(README.read_text(encoding="utf-8"))
    ]


def _make_only(body: str) -> bool:
    lines = [ln.split("#")[0].strip() for ln in body.splitlines()]
    lines = [ln for ln in lines if ln]
    return bool(lines) and all(ln.startswith("make ") or ln == "make" for ln in lines)


def test_the_readme_has_runnable_blocks_and_says_why_any_is_not_run() -> None:
    found = blocks()
    assert found[0][0] == "sh"
    assert _make_only(found[0][1])
    assert found[0][1].split() == ["make", "demo", "make", "test"]
    run = [b for b in found if b[2] is None and not _make_only(b[1])]
    assert len(run) >= 10
    assert {lang for lang, _, _ in run} == {"sh", "python"}
    for _, _, why in found:
        assert why is None or len(why.strip()) > 10  # a reason, not a bare marker


@pytest.mark.slow
def test_every_example_in_the_readme_runs_as_written(tmp_path: Path, ssb_server: SSBServer) -> None:
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["MPLBACKEND"] = "Agg"
    env.pop("BOSETTING_LANG", None)
    env.pop("BOSETTING_DATASETS", None)
    home = tmp_path / "home"  # what the examples write under ~ (the workshop's folder) lands here
    home.mkdir()
    env["HOME"] = str(home)
    work = tmp_path / "work"
    work.mkdir()
    ran = 0
    for lang, body, why in blocks():
        if why is not None or _make_only(body):
            continue
        if lang == "sh":
            argv = ["bash", "-e", "-o", "pipefail", "-c", body]
        else:
            assert lang == "python", lang
            argv = [sys.executable, "-c", body]
        done = subprocess.run(
            argv, cwd=work, env=env, capture_output=True, text=True, timeout=600, check=False
        )
        assert done.returncode == 0, f"{body}\n--- stderr ---\n{done.stderr[-3000:]}"
        assert "Traceback" not in done.stderr, done.stderr
        ran += 1
    assert ran >= 10
    # What the examples write is in the folder they ran in or in the folder the user named
    # (the workshop's, under ~), never in the repository.
    assert {"kinn.png", "screen-2016.csv", "ovelse"} <= {p.name for p in work.iterdir()}
    workshop = home / "bosetting-verksted"
    assert {"ovingsdata-stemmer.csv", "ovingsdata-jury.csv", "vekt.png"} <= {
        p.name for p in workshop.iterdir()
    }
