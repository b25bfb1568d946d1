"""atheris target: ``Checker.check`` on arbitrary text never raises and keeps every claim honest.

Run (see README "Fuzzing")::

    python fuzz/fuzz_extract.py -max_total_time=60 -max_len=4096 fuzz/corpus/extract fixtures/

The first byte picks the markup (text, Markdown, HTML); the rest is the article. A crash is either
an exception escaping ``check`` or a broken invariant (span outside the text, surface not equal to
``text[start:end]``, non-finite value, value outside ``low..high``), the same invariants the
hypothesis tests in ``tests/test_properties.py`` assert, imported from there so they cannot drift.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["numcheck"]):
    import numcheck

    # Built and run once inside the block: a Checker imports the rule loader when it is built and
    # linking when it first checks, and only modules imported here are instrumented for coverage.
    CHECKER = numcheck.Checker()
    CHECKER.check("Some 26 of 35 countries agreed.")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from test_properties import assert_claims_honest

KINDS = ("text", "markdown", "html")


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    kind = KINDS[provider.ConsumeIntInRange(0, len(KINDS) - 1)]
    text = provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes())
    report = CHECKER.check(text, source=f"fuzz.{kind}", kind=kind)
    assert_claims_honest(report.claims, text)
    assert not report.errors, report.errors


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
