"""One article: the unit every reader yields and every runner checks.

The folder and stdin reader (`numcheck.inputs`), the corpus reader (`numcheck.corpus`), the
serial runner (`numcheck.runner`) and the worker pool (`numcheck.pool`) all handle articles one at
a time. What they share about one article lives here, below all four, so that none of them imports
another back (no import loops; a test checks): the `Article` itself, the size limit, the error for a
file that cannot be read, and `process_article`, which checks one article and turns a crash into an
error on that article only.
"""

from __future__ import annotations

from dataclasses import dataclass

from numcheck.errors import InputError
from numcheck.model import Report

__all__ = ["DEFAULT_MAX_BYTES", "LARGEST_MAX_BYTES", "Article", "Item", "process_article", "unreadable"]

#: The largest article read, in bytes (``--max-bytes``); a bigger one is an error, not a slow run.
DEFAULT_MAX_BYTES = 20_000_000
#: The largest ``--max-bytes`` accepted: the most one read() returns on Linux, and some 100 times
#: the longest article anyone writes; a larger value is a typo, not a need.
LARGEST_MAX_BYTES = 2**31 - 1


@dataclass(frozen=True, slots=True)
class Article:
    """One article to check: where it came from, its text, and the markup to strip."""

    source: str
    text: str
    kind: str = "text"


#: What a reader yields: an article, the error reading one, or a ready-made report (a corpus row
#: without text, which carries a warning); runners check articles and pass the others through.
Item = Article | InputError | Report


def unreadable(path: str, exc: OSError) -> InputError:
    """The one-line error for a file that could not be opened or read (articles and corpora alike)."""
    if isinstance(exc, FileNotFoundError):
        return InputError(path, "no such file or directory")
    if isinstance(exc, PermissionError):
        return InputError(path, "permission denied")
    if isinstance(exc, IsADirectoryError):
        return InputError(path, "is a directory")
    return InputError(path, f"cannot read ({exc.strerror or exc})")


def process_article(checker: object, article: Article, mode: str) -> Report:
    """Check or extract one article; a bug on one article becomes an error on that article only."""
    try:
        if mode == "extract":
            claims = checker.claims(article.text, article.kind)  # type: ignore[attr-defined]
            return Report(source=article.source, claims=claims)
        return checker.check(article.text, source=article.source, kind=article.kind)  # type: ignore[attr-defined]
    except RecursionError:
        return Report(source=article.source, errors=(f"{article.source}: internal error (recursion too deep)",))
    except Exception as exc:
        return Report(source=article.source, errors=(f"{article.source}: internal error: {type(exc).__name__}: {exc}",))
