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

Examples:
    >>> from bosetting.i18n import language
    >>> with language("en"):
    ...     print("\n".join(table(["Code", "Name"], [["4602", "Kinn"], ["1804", "Bodø"]])))
      Code  Name
      4602  Kinn
      1804  Bodø
"""

from __future__ import annotations

from bosetting.cli._render._areas import (
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
from bosetting.cli._render._practice import render_practice
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
    error_line,
    interrupted_line,
    language_help,
    out_of_memory_line,
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
    "counts",
    "decision_json",
    "decision_table",
    "edition_json",
    "edition_table",
    "emit",
    "error_line",
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
    "record_json",
    "render_assessment",
    "render_decision",
    "render_edition",
    "render_history",
    "render_municipality",
    "render_outcomes",
    "render_practice",
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
