"""The closed word lists of the report and rule contracts: qualifiers, severities, relation kinds
and the fields a rule's message may name.

They sit in a module of their own, below everything else, because both the data model and the
pandas column declarations (`numcheck.columns`) need them, and the model must be importable without
pandas while the column module must not import the model back (no import loops; a test checks).
`numcheck.model` re-exports them: ``from numcheck.model import SEVERITIES`` stays the public spelling.
"""

from __future__ import annotations

__all__ = ["MESSAGE_FIELDS", "QUALIFIERS", "RELATION_KINDS", "SEVERITIES"]

#: Canonical qualifiers. Keep in sync with ``extract._QUALIFIERS`` and the JSON schema.
QUALIFIERS = ("eq", "approx", "gt", "ge", "lt", "le", "vague")

#: Finding severities, weakest first; the order is what ``--fail-on`` compares.
SEVERITIES = ("info", "warning", "error")

#: Relation kinds produced by ``relate.py``.
RELATION_KINDS = ("part_of_whole", "sum_of_parts", "percent_of", "fraction_of", "change", "repeated_figure")

#: The names a rule's ``message`` may use. They live here, not beside
#: ``make_finding`` in `numcheck.checks.finding`, because the rule loader and the schema check them
#: when a pack loads, and the checks import the loader's ``Rule``: one table below all three keeps
#: that from becoming a loop.
MESSAGE_FIELDS = frozenset(
    {"value", "unit", "noun", "text", "expected", "actual", "explanation", "low", "high", "rule", "check",
     "severity", "qualifier", "figure", "noun_plural"}
)
