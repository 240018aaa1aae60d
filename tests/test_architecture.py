"""The house by floors: imports go only downwards, and no two modules import each other.

The checker reads every module's imports with :mod:`ast` (function-level and
``TYPE_CHECKING`` imports included) and compares the layers below. It is
tested on a small synthetic package too, so it is known to fail on an upward
import and on a pair of modules that import each other.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "bosetting"

#: The layers, lowest first. A unit is a top-level module or a subpackage of ``bosetting``.
#: README.md's "Architecture" section lists the same order.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors",),
    ("i18n",),
    ("model",),
    ("data",),
    ("register",),
    ("ssb",),
    ("history",),
    ("figures",),
    ("eligibility",),
    ("voting",),
    ("jury",),
    ("decision",),
    ("practice",),
    ("citation",),
    ("frames",),
    ("plot",),
    ("cli",),
    ("__main__", "__init__"),
)


def _module_name(path: Path, root: Path, package: str) -> str:
    rel = path.relative_to(root).with_suffix("")
    parts = [package, *rel.parts]
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _unit(module: str, package: str) -> str:
    parts = module.split(".")
    if parts == [package]:
        return "__init__"
    return parts[1]


def _imports(path: Path, module: str, package: str, modules: set[str]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_pkg = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base if is_pkg else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            # ``from bosetting import frames`` imports the submodule ``bosetting.frames``;
            # the package itself counts only where a name that is no module is taken from it.
            for a in node.names:
                sub = f"{target}.{a.name}"
                found.add(sub if sub in modules else target)
    return {m for m in found if m == package or m.startswith(package + ".")}


def check(root: Path, package: str, layers: tuple[tuple[str, ...], ...]) -> list[str]:
    """Every layering problem in the package at ``root``, as readable lines."""
    rank = {unit: i for i, group in enumerate(layers) for unit in group}
    modules = {_module_name(p, root, package): p for p in sorted(root.rglob("*.py")) if p.is_file()}
    problems: list[str] = []
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        unit = _unit(name, package)
        if unit not in rank:
            problems.append(f"{name}: its unit {unit!r} is in no layer")
            continue
        targets = {t for t in _imports(path, name, package, set(modules)) if t in modules}
        graph[name] = targets - {name}
        for target in targets:
            tunit = _unit(target, package)
            if tunit == "__init__" and target == package:
                if unit != "__init__" and unit != "__main__":
                    problems.append(f"{name} imports the package root {package}")
                continue
            if rank.get(tunit, -1) > rank[unit]:
                problems.append(f"{name} imports {target} from a higher layer ({tunit} > {unit})")
            private = [p for p in target.split(".")[2:] if p.startswith("_")]
            if tunit != unit and private and unit not in ("__init__",):
                problems.append(f"{name} reaches into {target}; use the face bosetting.{tunit}")
    for a, targets in graph.items():
        for b in targets:
            if a < b and a in graph.get(b, set()):
                problems.append(f"{a} and {b} import each other")
    return problems


def test_layers_hold_in_bosetting() -> None:
    assert check(SRC, "bosetting", LAYERS) == []


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


def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / "pkg" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "pkg"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"__init__.py": "", "low.py": "", "high.py": "from pkg import low\n"}, []),
        (
            {"__init__.py": "", "low.py": "def f():\n    from pkg.high import g\n", "high.py": ""},
            ["pkg.low imports pkg.high from a higher layer (high > low)"],
        ),
        (
            {
                "__init__.py": "",
                "low.py": "",
                "high/__init__.py": "",
                "high/_a.py": "from pkg.high import _b\n",
                "high/_b.py": "from pkg.high._a import x\n",
            },
            ["pkg.high._a and pkg.high._b import each other"],
        ),
        (
            {
                "__init__.py": "",
                "low/__init__.py": "",
                "low/_x.py": "",
                "high.py": "from pkg.low._x import y\n",
            },
            ["pkg.high reaches into pkg.low._x; use the face bosetting.low"],
        ),
    ],
)
def test_the_checker_catches_what_it_should(
    tmp_path: Path, files: dict[str, str], expected: list[str]
) -> None:
    root = _write(tmp_path, files)
    assert check(root, "pkg", (("low",), ("high",), ("__main__", "__init__"))) == expected


def test_import_bosetting_stays_light() -> None:
    code = (
        "import sys, bosetting; "
        "bad = [m for m in ('pandas', 'matplotlib', 'numpy', 'babel', 'bosetting.ssb', "
        "'bosetting.frames', 'bosetting.plot') if m in sys.modules]; print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
