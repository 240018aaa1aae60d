r"""Every text the ``bosetting`` command prints, in the active language (see :mod:`bosetting.i18n`).

The command modules (``cmd_*.py``) parse arguments, call the library and hand
the results to the functions here; nothing else prints. The engine is split by
topic to keep each file small: ``_prize`` (history, show, record), ``_areas``
(municipality, outcomes, check), ``_screen`` (screen), ``_verify`` (verify), ``_practice`` (practice),
``_usage`` (a wrong command line, the error line and the command's other fixed
lines), ``_layout`` (tables and cells), ``_formats`` (``--format text|csv|json``
and ``--excel``: the one place machine-readable output is made, for every
command, CSV through the library's one writer; read its docstring) ``_records`` (what each command writes as JSON
and CSV) and ``_votes`` (tally, decide, sensitivity). Listings are tables with a header row
(:func:`table`); numbers, shares and dates go through the formatters of
:mod:`bosetting.i18n`; codes (enum values, reason codes, the nomination route)
are shown as words. A municipality is written by ``Municipality.__str__``
(``Kinn (4602)``) or ``with_years()``, an assessment by ``Assessment.__str__``:
the one formatter of each.

Each room is imported when one of its names is first asked for, so a command
loads only what it prints with.

Examples:
    >>> from bosetting.cli._render import table
    >>> from bosetting.i18n import language
    >>> with language("en"):
    ...     print("\n".join(table(["Code", "Name"], [["4602", "Kinn"], ["1804", "Bodø"]])))
      Code  Name
      4602  Kinn
      1804  Bodø
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bosetting.cli._render._areas import (
        figures_line,
        figures_notes,
        plot_written,
        render_assessment,
        render_municipality,
        render_outcomes,
    )
    from bosetting.cli._render._formats import (
        FORMATS,
        Table,
        add_format_options,
        emit,
        json_text,
    )
    from bosetting.cli._render._layout import table
    from bosetting.cli._render._practice import render_checklist, render_practice, render_prepared
    from bosetting.cli._render._prize import render_edition, render_history, render_record
    from bosetting.cli._render._records import (
        counts,
        edition_json,
        edition_table,
        history_json,
        history_table,
        municipality_json,
        municipality_table,
        nominations_table,
        outcomes_json,
        outcomes_table,
        record_json,
        screen_json,
    )
    from bosetting.cli._render._screen import render_screen
    from bosetting.cli._render._usage import (
        bug_line,
        closed_output_line,
        environment_line,
        error_line,
        interrupted_line,
        language_help,
        out_of_memory_line,
        progress_line,
        shortened,
        unknown_language,
        usage_problem,
    )
    from bosetting.cli._render._verify import render_verify
    from bosetting.cli._render._votes import (
        decision_json,
        decision_table,
        labels_lines,
        render_decision,
        render_sensitivity,
        render_tally,
        sensitivity_json,
        sensitivity_table,
        sensitivity_title,
        tally_json,
        tally_table,
        vote_title,
        write_tally_json,
    )

__all__ = [
    "FORMATS",
    "Table",
    "add_format_options",
    "bug_line",
    "closed_output_line",
    "counts",
    "decision_json",
    "decision_table",
    "edition_json",
    "edition_table",
    "emit",
    "environment_line",
    "error_line",
    "figures_line",
    "figures_notes",
    "history_json",
    "history_table",
    "interrupted_line",
    "json_text",
    "labels_lines",
    "language_help",
    "municipality_json",
    "municipality_table",
    "nominations_table",
    "out_of_memory_line",
    "outcomes_json",
    "outcomes_table",
    "plot_written",
    "progress_line",
    "record_json",
    "render_assessment",
    "render_checklist",
    "render_decision",
    "render_edition",
    "render_history",
    "render_municipality",
    "render_outcomes",
    "render_practice",
    "render_prepared",
    "render_record",
    "render_screen",
    "render_sensitivity",
    "render_tally",
    "render_verify",
    "screen_json",
    "sensitivity_json",
    "sensitivity_table",
    "sensitivity_title",
    "shortened",
    "table",
    "tally_json",
    "tally_table",
    "unknown_language",
    "usage_problem",
    "vote_title",
    "write_tally_json",
]

#: Which room each name lives in; a room is imported when one of its names is first asked
#: for, so a command loads the rooms it prints with and no others.
_ROOMS: dict[str, str] = {
    "figures_line": "_areas",
    "figures_notes": "_areas",
    "plot_written": "_areas",
    "render_assessment": "_areas",
    "render_municipality": "_areas",
    "render_outcomes": "_areas",
    "FORMATS": "_formats",
    "Table": "_formats",
    "add_format_options": "_formats",
    "emit": "_formats",
    "json_text": "_formats",
    "table": "_layout",
    "render_practice": "_practice",
    "render_checklist": "_practice",
    "render_prepared": "_practice",
    "render_edition": "_prize",
    "render_history": "_prize",
    "render_record": "_prize",
    "counts": "_records",
    "edition_json": "_records",
    "edition_table": "_records",
    "history_json": "_records",
    "history_table": "_records",
    "municipality_json": "_records",
    "municipality_table": "_records",
    "nominations_table": "_records",
    "outcomes_json": "_records",
    "outcomes_table": "_records",
    "record_json": "_records",
    "screen_json": "_records",
    "render_screen": "_screen",
    "bug_line": "_usage",
    "closed_output_line": "_usage",
    "environment_line": "_usage",
    "error_line": "_usage",
    "interrupted_line": "_usage",
    "language_help": "_usage",
    "out_of_memory_line": "_usage",
    "progress_line": "_usage",
    "shortened": "_usage",
    "unknown_language": "_usage",
    "usage_problem": "_usage",
    "render_verify": "_verify",
    "decision_json": "_votes",
    "decision_table": "_votes",
    "labels_lines": "_votes",
    "render_decision": "_votes",
    "render_sensitivity": "_votes",
    "render_tally": "_votes",
    "sensitivity_json": "_votes",
    "sensitivity_table": "_votes",
    "sensitivity_title": "_votes",
    "tally_json": "_votes",
    "tally_table": "_votes",
    "vote_title": "_votes",
    "write_tally_json": "_votes",
}


def __getattr__(name: str) -> Any:
    """Import a name's room on first use."""
    import importlib

    if name in _ROOMS:
        value = getattr(importlib.import_module(f"bosetting.cli._render.{_ROOMS[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'bosetting.cli._render' has no attribute {name!r}")
