"""The closed word lists of the report contract: qualifiers, severities and relation kinds.

They sit in a module of their own, below everything else, because both the data model and the
pandas column declarations (`numcheck.columns`) need them, and the model must be importable without
pandas while the column module must not import the model back (no import loops; a test checks).
`numcheck.model` re-exports them: ``from numcheck.model import SEVERITIES`` stays the public spelling.
"""

from __future__ import annotations

__all__ = ["QUALIFIERS", "RELATION_KINDS", "SEVERITIES"]

#: Canonical qualifiers. Keep in sync with ``extract._QUALIFIERS`` and the JSON schema.
QUALIFIERS = ("eq", "approx", "gt", "ge", "lt", "le", "vague")

#: Finding severities, weakest first; the order is what ``--fail-on`` compares.
SEVERITIES = ("info", "warning", "error")

#: Relation kinds produced by ``relate.py``.
RELATION_KINDS = ("part_of_whole", "sum_of_parts", "percent_of", "fraction_of", "change", "repeated_figure")
