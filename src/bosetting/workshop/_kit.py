"""What the workshop stands on: the edition it practises on, its practice vote, the nominees' pages."""

from __future__ import annotations

import attrs

from bosetting.eligibility import INTRO_WINDOW, assess, screen
from bosetting.errors import DataError
from bosetting.history import edition as find_edition
from bosetting.history import editions
from bosetting.i18n import N_, _, format_number, format_share
from bosetting.model import Edition, Municipality, NomineesKnown, Outcome, RuleBasis, checked
from bosetting.practice import practice_ballots
from bosetting.voting import Tally, tally

__all__ = ["NomineeProfile", "as_if", "exercise_edition", "nominee_profiles", "practice_vote"]

#: The measures of the criteria that show intro-programme results beside a nominee.
_INTRO_MEASURES = ("intro_share", "intro_share_over_time")


def _edition(e: Edition | str | int) -> Edition:
    return e if isinstance(e, Edition) else find_edition(e)


@checked
def exercise_edition() -> Edition:
    """The edition the workshop practises on, chosen from the data.

    The newest edition whose rule weighs the public vote against the jury as the
    sources state it (not assumed), with every nominee and the winner known.

    Raises:
        DataError: no edition on record fits.

    Examples:
        >>> exercise_edition().label
        '2023'
    """
    fits = [
        e
        for e in editions()
        if e.rule.weighs_public_vote
        and e.rule_basis is RuleBasis.STATED
        and e.nominees_known is NomineesKnown.COMPLETE
        and e.winner is not None
    ]
    if not fits:
        raise DataError(
            N_(
                "no edition weighs the public vote against the jury as the sources state it, "
                "with every nominee and the winner known"
            ),
            file="editions.csv",
        )
    return fits[-1]


@checked
def practice_vote(edition: Edition | str | int, *, seed: int, n: int = 1000) -> Tally:
    """``n`` seeded practice ballots for the edition's nominees, counted (labelled ØVINGSDATA).

    The same seed gives the same vote, so everyone in the room gets the same numbers.

    Examples:
        >>> t = practice_vote("2023", seed=3)
        >>> t.total, t.accepted, sorted(t.labels)
        (1000, 962, ['ØVINGSDATA'])
    """
    e = _edition(edition)
    return tally(practice_ballots(e, n, seed=seed), e)


@checked
def as_if(edition: Edition | str | int, reference_year: int) -> Edition:
    """The edition's criteria and rule, applied as if its reference year were ``reference_year``.

    A what-if for teaching (the shipped municipal intro figures end in 2014): the
    copy keeps the label, criteria and rule, has no nominations and no work year,
    and looks up figures and municipalities as they were in ``reference_year``.

    Examples:
        >>> e = as_if("2021", 2015)
        >>> e.label, e.reference_year, e.nominations
        ('2021', 2015, ())
    """
    return attrs.evolve(
        _edition(edition), reference_year=reference_year, work_year=None, nominations=()
    )


@attrs.frozen
class NomineeProfile:
    """What a jury can read about one nominee, from the data.

    Attributes:
        municipality: The nominee, as it was then.
        outcome: Winner, nominee ...
        settlement: Settled against requested over the settlement years, or why not shown.
        intro: The one-year status figures the edition's criteria look at, or why none.
        initiatives: What the sources say the municipality did (none if they say nothing).
    """

    municipality: Municipality
    outcome: Outcome
    settlement: str
    intro: tuple[str, ...]
    initiatives: tuple[str, ...]

    def lines(self) -> list[str]:
        """The profile as lines of text, in the active language."""
        m = self.municipality
        out = [f"{m.name} ({m.county})", f"  {self.settlement}"]
        out += [f"  {line}" for line in self.intro]
        if self.initiatives:
            out += [f"  - {text}" for text in self.initiatives]
        else:
            out.append("  - " + _("(the sources describe no initiatives)"))
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


def _intro_lines(m: Municipality, e: Edition) -> tuple[str, ...]:
    results = [r for r in assess(m, e).results if r.criterion.measure in _INTRO_MEASURES]
    figures = [f for r in results[:1] for f in r.figures if f.share_digits is not None]
    if figures:
        return (
            _("One-year status after the introduction programme:"),
            *(f"  {f}" for f in figures),
        )
    ref = e.reference_year
    return (
        _(
            "No one-year status after the introduction programme for the status years "
            "{first}–{last} in the figures bosetting has.",
            first=ref - INTRO_WINDOW,
            last=ref - 1,
        ),
    )


@checked
def nominee_profiles(edition: Edition | str | int) -> tuple[NomineeProfile, ...]:
    r"""A profile of each nominee: settled against requested, intro results, initiatives.

    Figures come through the library's own look-ups (:func:`bosetting.screen`,
    :func:`bosetting.assess`), so they are the newest the library has; where a
    figure is missing the profile says so instead of guessing.

    Examples:
        >>> from bosetting.i18n import language
        >>> with language("nb"):
        ...     print(nominee_profiles("2023")[0])
        Tønsberg (Vestfold og Telemark)
          Bosatt 266, anmodet 264 (2020–2022): 101 %
          Ingen ettårsstatus etter introduksjonsprogrammet for statusårene 2018–2022 i tallene verktøyet har.
          - Kommunen tok tidlig politiske og administrative grep for å håndtere den store bosettingen i 2022.
    """
    e = _edition(edition)
    s = screen(e)
    rows = {r.municipality: r for r in s.nominees()}
    years = s.settlement_years
    span = f"{years[0]}–{years[-1]}" if years else ""
    out = []
    for n in e.nominations:
        r = rows.get(n.municipality)
        if r is not None and r.settled_share is not None:
            settled = _(
                "Settled {settled}, requested {requested} ({years}): {share}",
                settled=format_number(r.settled or 0),
                requested=format_number(r.requested or 0),
                years=span,
                share=format_share(r.settled_share, 0),
            )
        else:
            settled = _("Settled against requested ({years}): no figures", years=span)
        out.append(
            NomineeProfile(
                n.municipality,
                n.outcome,
                settled,
                _intro_lines(n.municipality, e),
                tuple(str(i.summary) for i in n.initiatives),
            )
        )
    return tuple(out)
