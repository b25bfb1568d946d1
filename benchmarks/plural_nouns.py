"""The plural nouns news copy counts most often: the word list ``tests/test_english.py`` checks
``numcheck.english.singular`` on.

Usage::

    python benchmarks/plural_nouns.py CORPUS_DIR [--top 500] [--output tests/data/plural_nouns.txt]

``CORPUS_DIR`` is the BBC News corpus folder (``corpora/bbc``, one ``<section>/NNN.txt`` per
article). The rule, fixed before looking at the result: every lower-case alphabetic word that
follows a figure greater than one (digits, or a number word from "two" to "ninety", optionally
with a scale word between: "3 million people", "two dozen"), that ends in "s" but not "ss", "us"
or "'s", and is not a function word, counted once per occurrence; the ``--top`` most frequent go
out, one "word count" per line, most frequent first. The output is a word list, never article text.
Duplicate articles (the corpus holds some twice) are counted once.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

#: Number words above one, and scale words that may stand between a figure and its noun.
_NUMBER_WORDS = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million billion dozen"
)
_SCALES = "hundred|thousand|million|billion|trillion|dozen|m|bn|k"
_FIGURE_THEN_WORD = re.compile(
    rf"(?:\b\d[\d,]*(?:\.\d+)?|\b(?:{'|'.join(_NUMBER_WORDS.split())}))(?:[ -](?:{_SCALES}))?[ -]([a-z]+)\b"
)
#: Words ending in "s" that follow a figure without being a plural noun.
_NOT_NOUNS = frozenset(
    "is was has its his this thus plus as us does goes says yes less unless whereas across always perhaps "
    "besides towards afterwards sometimes overseas".split()
)


def plural_nouns(corpus: Path, top: int) -> list[tuple[str, int]]:
    """The ``top`` most frequent plural-looking words after a figure in the articles under ``corpus``."""
    counts: Counter[str] = Counter()
    seen: set[str] = set()
    for path in sorted(corpus.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if text in seen:
            continue
        seen.add(text)
        for match in _FIGURE_THEN_WORD.finditer(text):
            word = match.group(1)
            if len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us")) and word not in _NOT_NOUNS:
                counts[word] += 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="the BBC corpus folder (sections of NNN.txt files)")
    parser.add_argument("--top", type=int, default=500, help="how many words to keep (default 500)")
    parser.add_argument("--output", type=Path, help="write the list here instead of stdout")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"{args.corpus}: not a folder of articles", file=sys.stderr)
        return 2
    lines = "".join(f"{word} {count}\n" for word, count in plural_nouns(args.corpus, args.top))
    if args.output:
        args.output.write_text(lines, encoding="utf-8")
    else:
        sys.stdout.write(lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
