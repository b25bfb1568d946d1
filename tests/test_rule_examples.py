"""Every rule's own ``examples:`` run as test cases, as sqlfluff runs its per-rule YAML cases.

Ids are ``pack/rule-id/pass-N`` and ``pack/rule-id/fail-N``, so ``pytest -k breakdown-sum`` runs one
rule's cases. A pass example must give no finding of that rule; a fail example at least one. A
rule that checks across articles (scope ``frames``) gives each example as articles separated by ``---``.
"""

from __future__ import annotations

import pytest

import numcheck
from numcheck.frame import frame_example
from numcheck.ruleset import load_rules

CASES = [
    pytest.param(rule.id, text, expect, id=f"{rule.pack}/{rule.id}/{'fail' if expect else 'pass'}-{index}")
    for rule in load_rules([], use_defaults=True).rules
    for expect, texts in ((False, rule.examples_pass), (True, rule.examples_fail))
    for index, text in enumerate(texts)
]


@pytest.fixture(scope="module")
def checker() -> numcheck.Checker:
    return numcheck.Checker()


def test_there_are_cases_for_every_default_rule() -> None:
    ids = {case.values[0] for case in CASES}
    assert ids == load_rules([], use_defaults=True).ids


@pytest.mark.parametrize(("rule_id", "text", "expect_finding"), CASES)
def test_rule_example(checker: numcheck.Checker, rule_id: str, text: str, expect_finding: bool) -> None:
    rule = checker.ruleset.get(rule_id)
    assert rule is not None
    if rule.kind.scope == "frames":  # articles of one story, separated by "---"
        found = frame_example(rule, text, checker)
        assert bool(found) is expect_finding, (text, found)
        return
    report = checker.check(text)
    found = [f for f in report.findings if f.rule == rule_id]
    claims = [(c.text, c.value, c.unit, c.noun) for c in report.claims]
    if expect_finding:
        assert found, f"expected a {rule_id} finding in {text!r}; claims: {claims}; relations: {report.relations}"
    else:
        assert not found, f"expected no {rule_id} finding in {text!r}, got {[f.message for f in found]}"
