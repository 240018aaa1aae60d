"""The house by floors, and the package's other rules of shape.

The floors are import-linter contracts in ``pyproject.toml`` (``[tool.importlinter]``),
checked by ``lint-imports`` in ``make lint`` and here: imports go only downwards
(function-level and ``TYPE_CHECKING`` imports included), siblings joined by ``|``
are independent, no modules of one package import each other, a private module
is imported only from inside its package, and nothing imports the package root.
Each contract is shown failing on a copy of the package with one bad import
added, so the check is known to catch what it should.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "bosetting"
CONTRACTS = {
    c["id"]: c["name"]
    for c in tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "importlinter"
    ]["contracts"]
}


def lint_imports(package_parent: Path | None = None) -> tuple[int, str]:
    """Run ``lint-imports`` with the project's contracts; on a copy of the package if given."""
    env = dict(os.environ)
    if package_parent is not None:
        env["PYTHONPATH"] = str(package_parent)  # found before the installed package
    done = subprocess.run(
        [
            str(Path(sys.executable).with_name("lint-imports")),
            "--no-cache",
            str(ROOT / "pyproject.toml"),
        ],
        cwd=package_parent or ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode, " ".join((done.stdout + done.stderr).split())


def test_the_import_contracts_hold() -> None:
    status, out = lint_imports()
    assert status == 0, out
    assert f"Contracts: {len(CONTRACTS)} kept, 0 broken." in out
    assert set(CONTRACTS) == {"floors", "no-cycles", "faces", "no-root"}


#: Bad imports, each added to a module of a copy of the package, and the contract it breaks.
BREAKS = {
    # upward, inside a function: Statistics Norway's readers may not use the editions above them
    "upward": (
        "floors",
        "ssb/__init__.py",
        "\n\ndef _up():\n    from bosetting.history import editions\n",
    ),
    # between independent siblings: counting votes may not use the jury's sheets
    "sibling": ("floors", "voting/__init__.py", "\nfrom bosetting.jury import JuryAssessment\n"),
    # _writes imports _csvout; now _csvout imports _writes too
    "cycle": ("no-cycles", "data/_csvout.py", "\nfrom bosetting.data._writes import write_csv\n"),
    # history reaching past data's face into one of its rooms
    "private": (
        "faces",
        "history/__init__.py",
        "\nfrom bosetting.data._tables import read_rows\n",
    ),
    # the root imports every floor, so this breaks the floors too
    "root": ("no-root", "model/__init__.py", "\nimport bosetting\n"),
}


@pytest.mark.parametrize("case", list(BREAKS))
def test_each_contract_fails_on_a_bad_import(tmp_path: Path, case: str) -> None:
    contract, module, line = BREAKS[case]
    copy = tmp_path / "bosetting"
    shutil.copytree(SRC, copy, ignore=shutil.ignore_patterns("__pycache__"))
    status, out = lint_imports(tmp_path)
    assert status == 0, out  # the copy is checked, and holds
    with (copy / module).open("a", encoding="utf-8") as f:
        f.write(line)
    status, out = lint_imports(tmp_path)
    assert status != 0, out
    assert f"{CONTRACTS[contract]} BROKEN" in out, out
    if case in ("upward", "sibling", "private"):  # nothing else
        assert f"Contracts: {len(CONTRACTS) - 1} kept, 1 broken." in out, out


def test_no_top_level_private_modules_and_no_module_over_450_lines() -> None:
    private = [p.name for p in SRC.glob("_*.py") if p.name not in ("__init__.py", "__main__.py")]
    assert private == []
    long = {
        str(p.relative_to(SRC)): n
        for p in SRC.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450
    }
    assert long == {}


def test_no_bare_base_error_is_raised() -> None:
    offenders = [
        f"{p.relative_to(SRC)}:{i}"
        for p in SRC.rglob("*.py")
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
        if "raise BosettingError(" in line
    ]
    assert offenders == []


def test_every_error_class_lives_in_errors_and_is_exported() -> None:
    import bosetting
    from bosetting import errors

    defined_elsewhere = []
    for p in SRC.rglob("*.py"):
        if p.name == "errors.py":
            continue
        tree = ast.parse(p.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases = {getattr(b, "id", getattr(b, "attr", "")) for b in node.bases}
                if any(
                    b.endswith(("Error", "NotFound")) or b.startswith("Ambiguous") for b in bases
                ):
                    defined_elsewhere.append(f"{p.relative_to(SRC)}:{node.name}")
    assert defined_elsewhere == []
    classes = [n for n in errors.__all__ if isinstance(getattr(errors, n), type)]
    assert classes
    for name in classes:
        assert getattr(bosetting, name) is getattr(errors, name), name
        assert name in bosetting.__all__, name


def test_no_public_function_shadows_a_submodule() -> None:
    import bosetting

    units = {p.stem for p in SRC.glob("*.py")} | {p.name for p in SRC.iterdir() if p.is_dir()}
    for name in bosetting.__all__:
        value = getattr(bosetting, name)
        if callable(value) and not isinstance(value, type):
            assert name not in units, name


def test_import_bosetting_stays_light() -> None:
    code = (
        "import sys, bosetting; "
        "bad = [m for m in ('pandas', 'matplotlib', 'numpy', 'babel', 'bosetting.ssb', "
        "'bosetting.frames', 'bosetting.plot') if m in sys.modules]; print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
