"""Generate the English pages for analysts: data dictionary, API and command reference, errors.

Run by mkdocs-gen-files at build time. The data dictionary comes from
``datasets/datapackage.json``, the API reference from ``bosetting.__all__``
(rendered by mkdocstrings), the command reference from
``bosetting.cli.build_parser()`` and the error page from ``bosetting.errors``
(and ``tests/bad_inputs.py`` once that catalogue exists).
"""

from __future__ import annotations

import argparse
import ast
import html
import importlib
import inspect
import os
import sys
import types
from pathlib import Path
from typing import Any

import mkdocs_gen_files

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _shared as sh

import bosetting as bs

ENGLISH = "---\nlang: en\n---\n\n"
API = "analysts/api"

# Groups of the API reference, in the order a reader meets them.
GROUPS = (
    ("functions", "Functions", "What you call: the prize history, municipalities, figures, rules."),
    ("types", "Types", "The records the functions return. All are immutable attrs classes."),
    ("errors", "Errors", "Every error a user can cause; all are subclasses of `BosettingError`."),
    ("modules", "Modules", "Loaded on first use: they import pandas and matplotlib."),
)


def api_group(name: str) -> str:
    """Which API page documents a public name."""
    obj = getattr(bs, name)
    if isinstance(obj, types.ModuleType):
        return "modules"
    if isinstance(obj, type):
        return "errors" if issubclass(obj, bs.BosettingError) else "types"
    if callable(obj):
        return "functions"
    return "index"


def summary_line(obj: object) -> str:
    """The first line of an object's docstring."""
    doc = inspect.getdoc(obj) or ""
    return doc.strip().splitlines()[0] if doc.strip() else ""


def api_pages() -> list[str]:
    """Write the API reference; return its nav lines."""
    names = list(bs.__all__)
    by_group: dict[str, list[str]] = {g: [] for g, _, _ in GROUPS}
    by_group["index"] = []
    for name in names:
        by_group[api_group(name)].append(name)

    index = [
        ENGLISH + "# API reference",
        "",
        "Everything below is importable from the top-level package, `import bosetting as bs`, "
        "and listed in `bosetting.__all__`. Names not listed here are internal and may change.",
        "",
    ]
    for group, title, blurb in GROUPS:
        index += [f"## [{title}]({group}.md)", "", blurb, ""]
        rows = []
        for name in by_group[group]:
            rows.append(
                (f"[`{name}`]({group}.md#bosetting.{name})", summary_line(getattr(bs, name)))
            )
        index += [sh.md_table(("Name", "What it is"), rows), ""]
    for name in by_group["index"]:
        if name == "__version__":
            index += [
                "## Version",
                "",
                '<h3 id="bosetting.__version__"><code>__version__</code></h3>',
                "",
                "The installed package's version as a string, read from the package metadata on "
                "first access (for example `bs.__version__`).",
                "",
            ]
        else:
            raise SystemExit(f"docs/gen: no API group for {name!r}")
    with mkdocs_gen_files.open(f"{API}/index.md", "w", encoding="utf-8") as fh:
        fh.write("\n".join(index))

    nav = ["* [API reference](api/index.md)"]
    for group, title, blurb in GROUPS:
        body = [ENGLISH + f"# {title}", "", blurb, ""]
        for name in by_group[group]:
            body += [f"::: bosetting.{name}", ""]
        with mkdocs_gen_files.open(f"{API}/{group}.md", "w", encoding="utf-8") as fh:
            fh.write("\n".join(body))
        nav.append(f"    * [{title}](api/{group}.md)")
    return nav


def _constraints(field: dict[str, Any]) -> str:
    c = field.get("constraints", {})
    parts = []
    if c.get("unique"):
        parts.append("unique")
    if "enum" in c:
        parts.append("one of " + ", ".join(f"`{v}`" for v in c["enum"]))
    if "pattern" in c:
        parts.append(f"matches `{c['pattern']}`")
    if "minimum" in c:
        parts.append(f"≥ {c['minimum']}")
    if "maximum" in c:
        parts.append(f"≤ {c['maximum']}")
    if "format" in field:
        parts.append(f"format {field['format']}")
    if field.get("categoriesOrdered"):
        parts.append("ordered categories")
    return "; ".join(parts)


def _keys(fields: str | list[str]) -> str:
    return ", ".join(f"`{f}`" for f in ([fields] if isinstance(fields, str) else fields))


def data_dictionary() -> str:
    """The data dictionary, from datapackage.json."""
    dp = sh.datapackage()
    lines = [
        ENGLISH + "# Data dictionary",
        "",
        f"**{dp['title']}**, data version {dp['version']}. {dp['description']}",
        "",
        "The tables are CSV files (UTF-8, comma-separated, a header row) in `datasets/` of the "
        "repository and inside the installed package. This page is generated from "
        "`datasets/datapackage.json` (a Frictionless Data Package), so it always matches the "
        "shipped schema.",
        "",
        "Licences:",
        "",
    ]
    lines += [f"- {lic['name']}: [{lic['title']}]({lic['path']})" for lic in dp["licenses"]]
    lines += ["", "## Tables", ""]
    rows = []
    for r in dp["resources"]:
        count = len(sh.table(r["path"]))
        rows.append((f"[`{r['name']}`](#{r['name']})", r["title"], f"`{r['path']}`", count))
    lines += [sh.md_table(("Table", "Title", "File", "Rows"), rows), ""]
    for r in dp["resources"]:
        schema = r["schema"]
        lines += [
            f"## {r['name']} {{#{r['name']}}}",
            "",
            f"**{r['title']}.** {r['description']}",
            "",
        ]
        lines.append(f"- File: `datasets/{r['path']}`")
        if schema.get("primaryKey"):
            lines.append(f"- Primary key: {_keys(schema['primaryKey'])}")
        for fk in schema.get("foreignKeys", []):
            ref = fk["reference"]
            lines.append(
                f"- Foreign key: {_keys(fk['fields'])} → "
                f"[`{ref['resource']}`](#{ref['resource']}) {_keys(ref['fields'])}"
            )
        missing = schema.get("missingValues")
        if missing is not None:
            shown = ", ".join(f"`{m}`" if m else "the empty string" for m in missing)
            lines.append(f"- Missing values are written as {shown}")
        for s in r.get("sources", []):
            lines.append(f"- Source: [{s['title']}]({s['path']})")
        lines.append("")
        frows = []
        for f in schema["fields"]:
            required = "yes" if f.get("constraints", {}).get("required") else "no"
            frows.append(
                (f"`{f['name']}`", f["type"], required, f.get("description", ""), _constraints(f))
            )
        lines += [
            sh.md_table(("Field", "Type", "Required", "Description", "Constraints"), frows),
            "",
        ]
    return "\n".join(lines)


def _option_text(action: argparse.Action) -> str:
    if action.option_strings:
        names = ", ".join(f"`{o}`" for o in action.option_strings)
        if action.nargs != 0 and action.metavar:
            names += f" `{action.metavar}`"
        elif action.nargs != 0 and not isinstance(action, argparse._HelpAction):
            names += f" `{action.dest.upper()}`"
        return names
    return f"`{action.metavar or action.dest}`"


def _action_help(action: argparse.Action) -> str:
    text = (action.help or "").replace("%(prog)s", "bosetting")
    if "%(default)s" in text:
        text = text.replace("%(default)s", str(action.default))
    extras = []
    if action.choices and "{" not in text:
        extras.append("one of " + ", ".join(f"`{c}`" for c in action.choices))
    if action.required and action.option_strings:
        extras.append("required")
    return text + (f" ({'; '.join(extras)})" if extras else "")


def command_reference() -> str:
    """The command reference, from the argparse parser."""
    from bosetting.cli import build_parser

    os.environ["COLUMNS"] = "88"
    parser = build_parser()
    lines = [
        ENGLISH + "# Command reference",
        "",
        f"The `bosetting` command is installed with the package. {parser.description} "
        "This page is generated from the command's own argument parser.",
        "",
        "A user error (an unknown municipality, a bad file) is printed on one line that names "
        "the file, row, field and value, and the command exits with status 2.",
        "",
        "```text",
        parser.format_usage().strip(),
        "```",
        "",
    ]
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    rows = [(f"[`{n}`](#{n})", p.description or "") for n, p in sub.choices.items()]
    lines += [sh.md_table(("Command", "What it does"), rows), ""]
    for name, p in sub.choices.items():
        lines += [f"## bosetting {name} {{#{name}}}", "", p.description or "", ""]
        lines += ["```text", p.format_usage().strip(), "```", ""]
        arows = [
            (_option_text(a), _action_help(a))
            for a in p._actions
            if not isinstance(a, argparse._HelpAction)
        ]
        if arows:
            lines += [sh.md_table(("Argument", "Meaning"), arows), ""]
    return "\n".join(lines)


def error_page() -> str:
    """The bad-input catalogue, or (until it exists) the error contract and the error classes."""
    import bosetting.errors as errors

    lines = [
        ENGLISH + "# Bad input and errors",
        "",
        "Every error a user can cause is an instance of a subclass of `BosettingError`. The "
        "message names the file, the row (1-based, header not counted), the field and the "
        "offending value, where these are known, so that one line is enough to find and fix the "
        "problem. The error object carries the same facts as attributes: `file`, `row`, "
        "`field` and `value`. Nothing is dropped silently: a rejected ballot or row is kept "
        "with its reason and counted. The `bosetting` command prints the message on one line "
        "and exits with status 2.",
        "",
        "```python",
        "import bosetting as bs",
        "",
        "try:",
        '    bs.municipality("Atlantis")',
        "except bs.BosettingError as err:",
        "    print(err)           # one line: what is wrong, and where",
        "    print(type(err).__name__, err.field, err.value)",
        "```",
        "",
    ]
    catalogue = sh.ROOT / "tests" / "bad_inputs.py"
    if catalogue.exists():
        source = catalogue.read_text(encoding="utf-8")
        doc = ast.get_docstring(ast.parse(source)) or ""
        lines += ["## The catalogue of bad inputs", "", doc, ""]
        lines += [
            "The test suite feeds every case below to the library and checks the error class "
            "and what the message names. Each case's line is the one a person sees, in bokmål "
            "and in English, made by running the case while this page was built "
            "(`tests/bad_input_runs.py`; the scratch folder's name is left out).",
            "",
            *_catalogue_table(),
            "",
            '??? example "tests/bad_inputs.py"',
            "",
            "    ```python",
            *("    " + line if line else "" for line in source.splitlines()),
            "    ```",
            "",
        ]
    lines += ["## Error classes", ""]
    rows = []
    for name in errors.__all__:
        cls = getattr(errors, name)
        bases = ", ".join(b.__name__ for b in cls.__bases__)
        rows.append((f"[`{name}`](api/errors.md#bosetting.{name})", bases, summary_line(cls)))
    lines += [sh.md_table(("Class", "Subclass of", "Raised when"), rows), ""]
    lines += ["## The hierarchy", "", "```text", *_tree(errors.BosettingError), "```", ""]
    lines += ["## What each class means", ""]
    for name in errors.__all__:
        cls = getattr(errors, name)
        lines += [f"### {name}", "", _prose(inspect.getdoc(cls) or ""), ""]
    return "\n".join(lines)


def _catalogue_table() -> list[str]:
    """Every case of the catalogue with the line it gives in bokmål and in English.

    An HTML table with a class of its own: its long lines wrap inside the page
    (``extra.css``), so it needs no sideways scrolling, which a keyboard could not reach.
    """
    if str(sh.ROOT) not in sys.path:
        sys.path.insert(0, str(sh.ROOT))
    catalogue: Any = importlib.import_module("tests.bad_inputs")
    runs: Any = importlib.import_module("tests.bad_input_runs")
    lines = [
        '<table class="bad-inputs">',
        '<colgroup><col style="width: 15%"><col style="width: 17%"><col style="width: 12%">'
        '<col style="width: 28%"><col style="width: 28%"></colgroup>',
        "<thead><tr><th>Case</th><th>What is given</th><th>Error</th>"
        "<th>Bokmål</th><th>English</th></tr></thead>",
        "<tbody>",
    ]
    for case in catalogue.CASES:
        nb = html.escape(runs.one_line(case, "nb"), quote=False)
        en = html.escape(runs.one_line(case, "en"), quote=False)
        lines.append(
            f"<tr><td><code>{html.escape(case.id)}</code></td>"
            f"<td>{html.escape(case.note, quote=False)}</td>"
            f"<td><code>{case.error.__name__}</code></td>"
            f'<td lang="nb">{nb}</td><td>{en}</td></tr>'
        )
    lines += ["</tbody>", "</table>"]
    return ["\n".join(lines)]


SECTIONS = ("Args:", "Arguments:", "Attributes:", "Examples:", "Example:", "Raises:", "Returns:")


def _prose(doc: str) -> str:
    """A docstring up to its first Google-style section (the API page renders the rest)."""
    kept = []
    for line in doc.splitlines():
        if line.strip() in SECTIONS:
            break
        kept.append(line)
    return "\n".join(kept).strip()


def _tree(cls: type, depth: int = 0) -> list[str]:
    """The subclass tree under ``cls``, indented two spaces a level."""
    out = ["  " * depth + cls.__name__]
    subclasses: list[type] = sorted(cls.__subclasses__(), key=lambda c: c.__name__)
    for sub in subclasses:
        if sub.__module__.startswith("bosetting"):
            out += _tree(sub, depth + 1)
    return out


def main() -> None:
    """Write every page of this generator and the analysts' section nav, in English.

    The analysts' pages are English, so the command's help and the errors they
    quote are rendered in English too (the library's default is bokmål).
    """
    with bs.i18n.language("en"):
        _write_pages()


def _write_pages() -> None:
    with mkdocs_gen_files.open("analysts/data-dictionary.md", "w", encoding="utf-8") as fh:
        fh.write(data_dictionary())
    with mkdocs_gen_files.open("analysts/commands.md", "w", encoding="utf-8") as fh:
        fh.write(command_reference())
    with mkdocs_gen_files.open("analysts/errors.md", "w", encoding="utf-8") as fh:
        fh.write(error_page())
    nav = [
        "* [Data dictionary](data-dictionary.md)",
        *api_pages(),
        "* [Command reference](commands.md)",
        "* [Bad input and errors](errors.md)",
        "* [Adding an edition](new-edition.md)",
    ]
    sh.write_nav("analysts/SUMMARY.md", nav)


if __name__ in sh.RUN_NAMES:
    main()
