"""Getting a room ready: working copies of the notebooks, a pristine copy to go back to, a checklist.

The notebooks in the project's ``notebooks/`` folder are the pristine copies:
``make nbval`` checks them and nobody works in them. :func:`prepare` copies them
into a working folder (:func:`default_work_folder`, outside the project, unless
told otherwise) where participants run and edit
them; JupyterLab autosaves there. ``prepare(..., reset=True)`` puts fresh copies
back and keeps the old ones in ``forrige/<time>/`` inside the working folder,
so nothing a participant wrote is lost. :func:`checklist` is what the
facilitator checks on each laptop before the day. ``bosetting workshop`` runs
them both and starts JupyterLab (:func:`lab_command`).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from datetime import datetime
from pathlib import Path

import attrs
import platformdirs

from bosetting.data import escape_controls, os_reason, write_user_bytes
from bosetting.errors import ArgumentError, WriteError
from bosetting.i18n import N_, _
from bosetting.model import checked

__all__ = [
    "NOTEBOOK_PATTERN",
    "SETTINGS",
    "WORK_FOLDER",
    "CheckItem",
    "Prepared",
    "checklist",
    "default_work_folder",
    "lab_command",
    "prepare",
]

#: The teaching notebooks' file names (``01_prisen.ipynb`` ...).
NOTEBOOK_PATTERN = "[0-9][0-9]_*.ipynb"
#: The name of the working folder participants use (see :func:`default_work_folder`).
WORK_FOLDER = "bosetting-verksted"
#: JupyterLab's settings for the workshop (bokmål menus, no news), inside ``notebooks/``.
SETTINGS = Path(".jupyter") / "lab" / "settings"
#: Where :func:`prepare` keeps the copies a reset replaces, inside the working folder.
_OLD = "forrige"


def default_work_folder() -> Path:
    """Where the working copies go unless told otherwise: :data:`WORK_FOLDER` in the user's documents.

    The user's documents folder is the platform's (``platformdirs``), so the copies,
    the groups' jury sheets and JupyterLab's autosaves land outside the project's
    folder, never in the repository.

    Examples:
        >>> default_work_folder().name
        'bosetting-verksted'
    """
    return Path(platformdirs.user_documents_dir()) / WORK_FOLDER


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder; a name the system refuses (one too long) is none."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _pristine(notebooks: Path) -> list[Path]:
    found = sorted(notebooks.glob(NOTEBOOK_PATTERN)) if is_folder(notebooks) else []
    if not found:
        raise ArgumentError(
            N_(
                "no notebooks in this folder: run the command in the project's folder "
                "(the one with notebooks/), or give --notebooks"
            ),
            field="--notebooks",
            value=str(notebooks),
        )
    return found


@attrs.frozen
class Prepared:
    """What :func:`prepare` did.

    Attributes:
        folder: The working folder.
        copied: The notebooks copied in (fresh copies).
        kept: The working copies left as they were (already there, no reset).
        moved_to: Where a reset put the old copies (``None`` if nothing was moved).
    """

    folder: Path
    copied: tuple[Path, ...]
    kept: tuple[Path, ...]
    moved_to: Path | None = None


@checked
def prepare(notebooks: str | Path, folder: str | Path, *, reset: bool = False) -> Prepared:
    """Copy the pristine notebooks into the working folder; with ``reset``, replace the copies.

    A working copy that exists is kept unless ``reset``; then it is moved to
    ``forrige/<YYYYMMDD-HHMMSS>/`` inside the working folder first.

    Raises:
        ArgumentError: ``notebooks`` holds no notebooks.
        WriteError: the working folder cannot be made or written.

    Examples:
        >>> import tempfile
        >>> root = Path(tempfile.mkdtemp())
        >>> (root / "notebooks").mkdir()
        >>> _ = (root / "notebooks" / "01_prisen.ipynb").write_text("{}", encoding="utf-8")
        >>> first = prepare(root / "notebooks", root / "verksted")
        >>> [p.name for p in first.copied], first.kept
        (['01_prisen.ipynb'], ())
        >>> _ = (root / "verksted" / "01_prisen.ipynb").write_text("edited", encoding="utf-8")
        >>> again = prepare(root / "notebooks", root / "verksted", reset=True)
        >>> (root / "verksted" / "01_prisen.ipynb").read_text(encoding="utf-8"), again.moved_to.parent.name
        ('{}', 'forrige')
    """
    sources = _pristine(Path(notebooks))
    work = Path(folder)
    _make(work)
    present = [work / p.name for p in sources if (work / p.name).exists()]
    moved_to = None
    if reset and present:
        moved_to = work / _OLD / datetime.now().strftime("%Y%m%d-%H%M%S")
        _make(moved_to)
        for p in present:
            try:
                os.replace(p, moved_to / p.name)
            except OSError as exc:
                raise _refused(N_("cannot move the old copy aside: {reason}"), exc, p) from None
        present = []
    copied = []
    for p in sources:
        target = work / p.name
        if target in present:
            continue
        write_user_bytes(target, p.read_bytes())
        copied.append(target)
    return Prepared(work, tuple(copied), tuple(present), moved_to)


def _refused(message: str, exc: OSError, path: Path) -> WriteError:
    """What the system refused, as a :class:`WriteError` naming the path, in the data's words."""
    return WriteError(message, reason=os_reason(exc), file=escape_controls(str(path)))


def _make(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _refused(N_("cannot create the folder: {reason}"), exc, folder) from None


@attrs.frozen
class CheckItem:
    """One line of the pre-workshop checklist: what was checked, whether it is fine, what to do."""

    what: str
    ok: bool
    fix: str = ""

    def __str__(self) -> str:
        mark = _("OK") if self.ok else _("MISSING")
        return f"[{mark}] {self.what}" + ("" if self.ok or not self.fix else f": {self.fix}")


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


@checked
def checklist(notebooks: str | Path) -> tuple[CheckItem, ...]:
    """What a laptop needs for the workshop, each checked here and now.

    Examples:
        >>> items = checklist("no-such-folder")
        >>> items[0].ok, items[-1].ok
        (True, False)
    """
    where = Path(notebooks)
    install = _('install the workshop\'s tools: pip install -e ".[workshop]"')
    found = sorted(where.glob(NOTEBOOK_PATTERN)) if is_folder(where) else []
    return (
        CheckItem(
            _("Python {version} (3.11 or newer is needed)", version=sys.version.split()[0]),
            sys.version_info >= (3, 11),
            _("install Python 3.11 or newer from python.org"),
        ),
        CheckItem(_("JupyterLab"), _has("jupyterlab"), install),
        CheckItem(
            _("JupyterLab’s Norwegian language pack"),
            _has("jupyterlab_language_pack_no_NO"),
            install,
        ),
        CheckItem(_("the Python kernel for notebooks (ipykernel)"), _has("ipykernel"), install),
        CheckItem(
            _("the workshop’s JupyterLab settings ({path})", path=where / SETTINGS),
            is_folder(where / SETTINGS),
            _("run the command in the project's folder, or give --notebooks"),
        ),
        CheckItem(
            _("{n} notebooks in {folder}", n=len(found), folder=where),
            bool(found),
            _("run the command in the project's folder, or give --notebooks"),
        ),
    )


@checked
def lab_command(folder: str | Path, notebooks: str | Path) -> list[str]:
    """The command line that starts JupyterLab on the working folder with the workshop's settings.

    In bokmål, without news, update checks or extension look-ups (nothing needs the
    internet); as root (a container) it says so to Jupyter, which refuses otherwise.
    """
    paths = {"--folder": Path(folder), "--notebooks": Path(notebooks) / SETTINGS}
    for option, path in paths.items():
        try:
            paths[option] = path.resolve()
        except (OSError, ValueError):  # a name the system refuses: too long, a NUL byte
            raise ArgumentError(
                N_("the system refuses this folder name"), field=option, value=str(path)
            ) from None
    argv = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={paths['--folder']}",
        f"--LabApp.app_settings_dir={paths['--notebooks']}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        argv.append("--allow-root")
    return argv
