"""What every renderer is given besides the reports, in a module of its own.

`numcheck.report` loads the renderers by name, and every renderer needs `RenderContext`; defined in
the package, each renderer would import the package that is loading it (an import loop; a test
checks). So it lives here, below both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TextIO

from numcheck.model import Report

__all__ = ["RenderContext", "Writer"]


@dataclass(frozen=True)
class RenderContext:
    """What a renderer may need beyond the reports themselves."""

    command: str = "check"  # "check" or "extract": extract output carries claims only
    rules: tuple[Any, ...] = ()  # the active `Rule`s, for SARIF's rule table and HTML help
    version: str = ""
    #: Colour for a person at a terminal (``numcheck.color.wants_color`` decides); text renderers only.
    color: bool = False
    #: ``--quiet``: the findings and nothing else (no closing summary line); text renderers only.
    quiet: bool = False
    #: Format-specific extras. ``"texts"``: a mapping of ``Report.source`` to the article text as
    #: read, which the html renderer needs to show each figure in its sentence (a `Report` does not
    #: carry the text); without it the html report lists the figures instead.
    options: dict[str, Any] = field(default_factory=dict)


Writer = Callable[[Iterable[Report], TextIO, RenderContext], None]
