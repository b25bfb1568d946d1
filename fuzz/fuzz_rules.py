"""atheris target: the rule-pack loader answers any YAML with rules or file:line errors, never a crash.

Run (see README "Fuzzing")::

    python fuzz/fuzz_rules.py -max_total_time=60 -max_len=8192 -rss_limit_mb=1024 fuzz/corpus/rules rules/

The default packs in ``rules/`` seed the corpus, so mutations start from valid rules and reach the
rule compiler and the ``expression`` grammar rather than stopping at YAML syntax. The RSS limit
makes an unbounded alias expansion (billion laughs) a reported crash. Rules that do load are run
once over a short article, so a rule that loads but then fails at check time is found too.
"""

from __future__ import annotations

import os
import sys

import atheris
import yaml

with atheris.instrument_imports(include=["numcheck"]):
    import numcheck
    from numcheck.errors import RuleFileError
    from numcheck.ruleset import RuleSet, parse_pack

    # Built and run once inside the block, so linking (imported on the first check) is instrumented too.
    CHECKER = numcheck.Checker(use_default_rules=False)
    CHECKER.check("Some 26 of 35 countries agreed.")

ARTICLE = (
    "Some 26 of the 35 countries agreed, about 74%. Of the 112 drones, 84 were shot down and 28 hit; "
    "the budget rose from €1.1bn to €1.3bn, up 18%. A third of the 90 seats went to the left.\n"
)
#: FINDINGS.md F1 (a character YAML forbids escapes load_yaml as a traceback) and F5 (a value with a
#: line break, such as a rule id or a message field name, is quoted into a two-line error). While they are open,
#: FUZZ_SKIP_KNOWN=1 skips such inputs so a run can look past them; unset, the target reports them.
SKIP_KNOWN = os.environ.get("FUZZ_SKIP_KNOWN") == "1"


def test_one_input(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    if SKIP_KNOWN and yaml.reader.Reader.NON_PRINTABLE.search(text):
        return
    rules, problems = parse_pack(text, "fuzz.yaml")
    for problem in problems:
        assert isinstance(problem, RuleFileError), problem
        assert problem.path == "fuzz.yaml", str(problem)
        assert SKIP_KNOWN or "\n" not in str(problem), str(problem)  # F5: a quoted value may hold a line break
    if rules:
        CHECKER.ruleset = RuleSet(tuple(rules))
        report = CHECKER.check(ARTICLE)
        assert not report.errors, report.errors


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
