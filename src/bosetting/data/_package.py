"""Where the data package is, and its descriptor: ``datapackage.json``.

The tables live in ``datasets/`` in the repository and in ``bosetting/datasets``
inside the wheel; ``$BOSETTING_DATASETS`` names another folder holding a data
package of the same shape, read instead (:func:`dataset_root`).
"""

from __future__ import annotations

import functools
import json
import os
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from bosetting.errors import DataError
from bosetting.i18n import N_
from bosetting.model import checked

__all__ = ["DATASETS_ENV", "dataset_root", "descriptor", "resource", "resource_names"]

_PACKAGE_DIR = "datasets"

#: The environment variable naming a data package folder to read instead of the shipped one.
DATASETS_ENV = "BOSETTING_DATASETS"


@functools.cache
def dataset_root() -> Traversable:
    """The folder holding ``datapackage.json`` and the CSV tables.

    The folder named by ``$BOSETTING_DATASETS`` when it is set (a copy of
    ``datasets/`` with rows added, checked as the shipped tables are); else, in
    an installed wheel, ``bosetting/datasets``, and in a source checkout (an
    editable install) the repository's ``datasets/`` folder.

    Raises:
        DataError: When ``$BOSETTING_DATASETS`` names a folder without a
            ``datapackage.json``, or the shipped tables are missing.
    """
    chosen = os.environ.get(DATASETS_ENV)
    if chosen:
        folder = Path(chosen).expanduser()
        if not (folder / "datapackage.json").is_file():
            raise DataError(
                N_("{variable} names a folder without a datapackage.json"),
                variable=DATASETS_ENV,
                file=str(folder / "datapackage.json"),
            )
        return folder
    packaged = resources.files("bosetting") / _PACKAGE_DIR
    if packaged.joinpath("datapackage.json").is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / _PACKAGE_DIR
    if (checkout / "datapackage.json").is_file():
        return checkout
    raise DataError(
        N_("the shipped tables are missing; reinstall bosetting"),
        file=str(packaged / "datapackage.json"),
    )


@functools.cache
def descriptor() -> dict[str, Any]:
    """The parsed ``datapackage.json``."""
    raw = dataset_root().joinpath("datapackage.json").read_bytes()
    try:
        parsed: dict[str, Any] = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(
            N_("not valid UTF-8 JSON ({reason})"), reason=str(exc), file="datapackage.json"
        ) from None
    return parsed


@checked
def resource_names() -> tuple[str, ...]:
    """The names of every table in the package, in descriptor order."""
    return tuple(r["name"] for r in descriptor()["resources"])


@checked
def resource(name: str) -> dict[str, Any]:
    """The descriptor entry of one table.

    Raises:
        DataError: When no table has that name; the message lists the tables.
    """
    for res in descriptor()["resources"]:
        if res["name"] == name:
            found: dict[str, Any] = res
            return found
    raise DataError(
        N_("no such table; the tables are {tables}"),
        tables=", ".join(resource_names()),
        file="datapackage.json",
        field="resources",
        value=name,
    )
