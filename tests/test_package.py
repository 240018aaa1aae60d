"""Packaging: light import, version, curated API, and the wheel ships every table."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import textwrap
import venv
from pathlib import Path

import pytest

import bosetting

ROOT = Path(__file__).resolve().parents[1]


def test_import_is_light() -> None:
    code = (
        "import sys, bosetting; bosetting.municipality('Kinn');"
        "bad = [m for m in ('pandas', 'matplotlib', 'numpy') if m in sys.modules];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_frames_is_lazy() -> None:
    code = "import sys, bosetting as bs; bs.frames.municipalities(); print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_version_from_metadata() -> None:
    from importlib.metadata import version

    assert bosetting.__version__ == version("bosetting")


def test_all_is_curated() -> None:
    assert len(set(bosetting.__all__)) == len(bosetting.__all__)
    assert all(not name.startswith("_") or name == "__version__" for name in bosetting.__all__)
    for name in bosetting.__all__:
        assert getattr(bosetting, name) is not None, name


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError):
        bosetting.nope  # type: ignore[attr-defined]  # noqa: B018


def test_py_typed_shipped() -> None:
    assert (ROOT / "src" / "bosetting" / "py.typed").is_file()


@pytest.mark.slow
def test_wheel_in_fresh_venv_loads_every_table(tmp_path: Path) -> None:
    """Build the wheel, install it (without deps) in a new venv that borrows our deps."""
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("bosetting-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True)
    # Let the new venv see this environment's dependencies (attrs, pandas ...), not its source.
    site = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    ours = sysconfig.get_path("purelib")
    Path(site, "zz_test_deps.pth").write_text(ours + "\n", encoding="utf-8")
    check = textwrap.dedent(
        """
        import bosetting, bosetting.data as d, bosetting.frames as f
        root = d.dataset_root()
        assert 'site-packages' in str(root), root
        for name in d.resource_names():
            assert d.read_rows(name), name
            assert len(f.table(name)) == len(d.read_rows(name))
        assert bosetting.municipality('Kinn').code == '4602'
        print(len(d.resource_names()))
        """
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    out = subprocess.run(
        [str(py), "-c", check], capture_output=True, text=True, cwd=tmp_path, env=env, check=False
    )
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) == len(bosetting.data.resource_names())
