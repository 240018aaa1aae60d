"""The decision rules: each class owns its tag, words and description; one registration.

Everything else (the converters, the history, the command, the site) finds a rule
through ``RULES`` and asks the rule object, so these checks cover every rule there
is, including one added later.
"""

from __future__ import annotations

import json

import attrs
import pytest

import bosetting as bs
from bosetting.data import descriptor, structure
from bosetting.errors import DataError
from bosetting.i18n import language
from bosetting.model import RULES, DecisionRule, Outcome, TopKThenJury, WeightedBlend, converter


def test_tags_are_unique_and_are_the_tables_values() -> None:
    tags = [cls.tag for cls in RULES]
    assert len(set(tags)) == len(tags)
    editions = next(r for r in descriptor()["resources"] if r["name"] == "editions")
    field = next(f for f in editions["schema"]["fields"] if f["name"] == "decision_rule")
    assert field["constraints"]["enum"] == tags
    assert field["categories"] == tags


@pytest.mark.parametrize("cls", RULES, ids=lambda c: c.tag)
def test_every_rule_has_its_words_in_both_languages(cls: type[DecisionRule]) -> None:
    rule = cls()
    assert isinstance(rule, DecisionRule)
    assert isinstance(rule.public_vote, bool)
    with language("en"):
        label_en, describe_en = rule.label, rule.describe()
    with language("nb"):
        label_nb, describe_nb = rule.label, rule.describe()
    assert all((label_en, describe_en, label_nb, describe_nb))
    assert label_nb != label_en
    assert describe_nb != describe_en
    assert rule.describe_nb() == describe_nb


def test_labels_and_descriptions_tell_the_rules_apart() -> None:
    rules = [cls() for cls in RULES]
    with language("nb"):
        assert len({r.label for r in rules}) == len(rules)
        assert len({r.describe() for r in rules}) == len(rules)


@pytest.mark.parametrize("rule", [cls() for cls in RULES] + [TopKThenJury(5), WeightedBlend(0.25)])
def test_json_round_trip_through_the_tag(rule: DecisionRule) -> None:
    data = converter.unstructure(rule, unstructure_as=DecisionRule)
    assert data["rule"] == rule.tag
    assert converter.structure(json.loads(json.dumps(data)), DecisionRule) == rule


def test_a_row_gives_its_rule_and_its_parameter_column() -> None:
    row = {"decision_rule": "top_k_then_jury", "finalists_k": 4, "edition": "2018"}
    assert structure(row, DecisionRule) == TopKThenJury(4)
    assert structure({"decision_rule": "jury_only", "finalists_k": None}, DecisionRule) == (
        bs.editions()[0].rule
    )


def test_a_rule_without_its_parameter_names_the_column() -> None:
    with pytest.raises(DataError) as info:
        structure({"decision_rule": "top_k_then_jury", "finalists_k": None}, DecisionRule)
    assert info.value.field == "finalists_k"


def test_only_a_rule_with_finalists_gives_an_edition_finalists() -> None:
    e = bs.edition(2018)
    first, *rest = e.nominations
    with_final = attrs.evolve(e, nominations=[attrs.evolve(first, outcome=Outcome.FINALIST), *rest])
    for cls in RULES:
        edition = attrs.evolve(with_final, rule=cls())
        assert bool(edition.finalists) == cls.has_finalists
