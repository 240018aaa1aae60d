"""``bosetting workshop``: working copies of the workshop notebooks, then JupyterLab on them.

* ``bosetting workshop``: copy the notebooks from ``notebooks/`` into the working
  folder (``--folder``; by default ``bosetting-verksted`` in the user's documents,
  outside the project) and open JupyterLab there, in bokmål, offline (copies
  already there are kept);
* ``bosetting workshop --reset``: fresh copies; the old ones are kept in
  ``forrige/<time>/`` inside the working folder;
* ``bosetting workshop --check``: the pre-workshop checklist for this laptop
  (exit status 2 when something is missing);
* ``--no-lab``: make the copies, do not start JupyterLab.

Run it in the project's folder (the one with ``notebooks/``), or give ``--notebooks``.
"""

from __future__ import annotations

import argparse
from typing import Any

from bosetting.cli._render import render_checklist, render_prepared
from bosetting.i18n import _

__all__ = ["register"]


def _run_workshop(args: argparse.Namespace) -> int:
    import subprocess

    from bosetting.workshop import checklist, default_work_folder, lab_command, prepare

    if args.check:
        items = checklist(args.notebooks)
        print(render_checklist(items))
        return 0 if all(i.ok for i in items) else 2
    folder = args.folder if args.folder is not None else default_work_folder()
    print(render_prepared(prepare(args.notebooks, folder, reset=args.reset)))
    if args.no_lab:
        return 0
    items = checklist(args.notebooks)
    if not all(i.ok for i in items):
        print(render_checklist(items))
        return 2
    return subprocess.call(lab_command(folder, args.notebooks))


def register(subparsers: Any) -> None:
    """Add the ``workshop`` subcommand."""
    from bosetting.workshop import default_work_folder

    p = subparsers.add_parser(
        "workshop",
        help=_("get the workshop notebooks ready and open them in JupyterLab"),
        description=_(
            "Copy the workshop notebooks into a working folder (the pristine ones stay "
            "untouched) and open JupyterLab there in bokmål, without the internet. "
            "Run it in the project's folder."
        ),
    )
    p.add_argument(
        "--notebooks",
        default="notebooks",
        metavar=_("FOLDER"),
        help=_("the folder with the pristine notebooks (default notebooks)"),
    )
    p.add_argument(
        "--folder",
        default=None,
        metavar=_("FOLDER"),
        help=_(
            "the working folder for the copies, outside the project (default {folder})",
            folder=str(default_work_folder()),
        ),
    )
    p.add_argument(
        "--reset",
        action="store_true",
        help=_("fresh copies of every notebook; the old copies are kept in forrige/"),
    )
    p.add_argument(
        "--check",
        action="store_true",
        help=_("check this laptop against the pre-workshop checklist, and do nothing else"),
    )
    p.add_argument("--no-lab", action="store_true", help=_("do not start JupyterLab"))
    p.set_defaults(run=_run_workshop)
