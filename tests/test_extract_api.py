"""The public ``numcheck.extract(text)`` and the ``numcheck.extract`` package share a name.

Importing a submodule binds the package as an attribute of its parent the first time it loads, so
a careless import order would replace the documented function with the package. These tests run
in fresh interpreters, in the orders a user may import things.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

SENTENCE = "Nearly 84 of the 112 drones were shot down."
CALL = f"claims = numcheck.extract({SENTENCE!r}); print([(c.value, c.noun, c.qualifier) for c in claims])"
EXPECTED = "[(84.0, 'drone', 'lt'), (112.0, 'drone', 'eq')]"


@pytest.mark.parametrize("imports", [
    "import numcheck",
    "import numcheck.extract.tokens; import numcheck",
    "import numcheck; import numcheck.extract.tokens",
    "from numcheck.extract.extractor import Extractor; import numcheck",
    "import numcheck; from numcheck.extract import nonquantities",
])
def test_extract_function_survives_submodule_imports(imports: str) -> None:
    out = subprocess.run([sys.executable, "-c", f"{imports}; {CALL}"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == EXPECTED
    assert out.stderr == ""


def test_extract_is_the_documented_function() -> None:
    import numcheck
    import numcheck.extract.tokens  # loads a submodule after the package

    assert callable(numcheck.extract)
    assert numcheck.extract.__module__ == "numcheck.checker"
    assert [c.value for c in numcheck.extract(SENTENCE)] == [84.0, 112.0]
