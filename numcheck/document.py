"""Turn an article file into readable prose without losing where anything was.

Markup is *blanked*, not removed: every markup character becomes a space (newlines stay), so the
readable text has exactly the length of the original and an offset found in one is an offset in
the other. That is what lets a finding point at line:column of the file the editor has open,
however much front matter, Markdown or HTML surrounds the figure.
"""

from __future__ import annotations

import bisect
import html
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Document", "Lead", "Span", "kind_for_path", "read_document"]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Lead:
    """Where an article's opening block lies, as sentence indices: a title line, a standfirst (the
    one- or two-line summary some outlets print under it) and the lede, the first body sentences.

    An article states its main fact in each of these, so a figure of the title or standfirst is
    restated in the next part, and a linker may pair them by place alone. The block is decided here
    once, from lines and paragraphs, so no linker guesses it again from a figure's position.
    ``title`` is None when the first line is no title (then there is no lead at all); ``standfirst``
    and ``lede`` are inclusive (first, last) sentence ranges, ``standfirst`` None when absent.
    """

    title: int | None = None
    standfirst: tuple[int, int] | None = None
    lede: tuple[int, int] | None = None

    def part(self, sentence: int) -> str:
        """"title", "standfirst", "lede" or "" for a sentence index."""
        if sentence == self.title:
            return "title"
        for name, block in (("standfirst", self.standfirst), ("lede", self.lede)):
            if block is not None and block[0] <= sentence <= block[1]:
                return name
        return ""


@dataclass(frozen=True, slots=True)
class Document:
    """An article: the original text, its blanked prose, and its sentence/paragraph spans."""

    original: str
    text: str
    sentences: tuple[Span, ...]
    paragraphs: tuple[Span, ...]
    #: An ``array('q')``, not a tuple: 8 bytes a line instead of 36, which is most of the memory of
    #: an input made of blank lines.
    line_starts: Sequence[int]
    kind: str = "text"
    #: Start offsets of the sentences and paragraphs, kept so offset lookups are a bisect, not a scan.
    sentence_starts: tuple[int, ...] = ()
    paragraph_starts: tuple[int, ...] = ()
    #: The title, standfirst and lede (`Lead`), decided once from the layout.
    lead: Lead = Lead()

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset, as editors and SARIF count them."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (the nearest one before it if in a gap)."""
        return max(bisect.bisect_right(self.sentence_starts, offset) - 1, 0)

    def paragraph_index(self, offset: int) -> int:
        return max(bisect.bisect_right(self.paragraph_starts, offset) - 1, 0)

    def sentence_text(self, index: int) -> str:
        span = self.sentences[index]
        return self.text[span.start : span.end]


def kind_for_path(path: str) -> str:
    """The markup a file is read with, from its suffix; anything unknown is plain text."""
    lower = path.lower()
    if lower.endswith((".md", ".markdown")):
        return "markdown"
    if lower.endswith((".html", ".htm")):
        return "html"
    return "text"


def read_document(original: str, kind: str = "text") -> Document:
    """Blank the markup of ``original`` and split the prose into sentences and paragraphs."""
    front_matter = _FRONT_MATTER.match(original)
    if kind in ("markdown", "html") or front_matter:
        chars = list(original)
        if front_matter:  # YAML front matter holds metadata, not prose: a date there is no claim
            _blank(chars, 0, front_matter.end())
        if kind == "markdown":
            _blank_markdown(original, chars)
            _blank_html(original, chars)
        elif kind == "html":
            _blank_html(original, chars)
        text = "".join(chars)
    else:  # plain prose, the common case: nothing to blank, so no list of one string per character
        text = original
    line_starts = array("q", [0])
    line_starts.extend(m.end() for m in _NEWLINE.finditer(original))
    paragraphs = tuple(_split_paragraphs(text))
    sentences = tuple(s for p in paragraphs for s in _split_sentences(text, p))
    sentences = sentences or (Span(0, len(text)),)
    paragraphs = paragraphs or (Span(0, len(text)),)
    return Document(original, text, sentences, paragraphs, line_starts, kind,
                    tuple(s.start for s in sentences), tuple(p.start for p in paragraphs),
                    _lead(text, sentences, paragraphs))


#: A title is one short line: a first line longer than this is prose or a table, not a headline.
_TITLE_CHARS = 90
#: A standfirst is a summary of a sentence or two on one line; a longer paragraph is body text.
_STANDFIRST_CHARS = 300
_STANDFIRST_SENTENCES = 2
#: Fewer words than this under a title are a venue, a date or a score line, not a summary.
_STANDFIRST_WORDS = 6
#: The body sentences that make the lede: a news lede gives the opening's fact in its first sentence
#: or, after a scene-setting opener, its second.
LEDE_SENTENCES = 2


def _lead(text: str, sentences: Sequence[Span], paragraphs: Sequence[Span]) -> Lead:
    """The opening block. A title is a first paragraph of one short line without a full stop. A
    standfirst is the paragraph after it when that is one line of at most two sentences, a body
    follows, and it does not end in a full stop: outlets print the summary under a headline without
    one ("... while Shell reports £10bn profit between April and June"), while a lede paragraph
    (BBC: title line, then body) ends as prose does. The lede is the first body sentences."""
    if not sentences or not paragraphs or sentences[0] != paragraphs[0] or not _is_title(text, sentences[0]):
        return Lead()
    body = 1
    standfirst = None
    if len(paragraphs) > 2 and _is_standfirst(text, paragraphs[1]):
        count = sum(1 for s in sentences[1 : 1 + _STANDFIRST_SENTENCES + 1] if s.start < paragraphs[1].end)
        if count <= _STANDFIRST_SENTENCES:
            standfirst, body = (1, count), 1 + count
    lede = (body, min(body + LEDE_SENTENCES, len(sentences)) - 1) if body < len(sentences) else None
    return Lead(0, standfirst, lede)


def _is_title(text: str, span: Span) -> bool:
    line = text[span.start : span.end].strip()
    return 0 < len(line) <= _TITLE_CHARS and "\n" not in line and not line.endswith((".", "?", "!", ":"))


_CLOSERS = "\"'”’)]"


def _is_standfirst(text: str, span: Span) -> bool:
    line = text[span.start : span.end].strip()
    bare = line.rstrip(_CLOSERS)
    return (len(line) <= _STANDFIRST_CHARS and "\n" not in line and bool(bare) and bare[-1] not in ".:;,"
            and not line.startswith("(") and len(line.split()) >= _STANDFIRST_WORDS)


_NEWLINE = re.compile(r"\n")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(?:[^\n]*\n){0,500}?(?:---|\.\.\.)[ \t]*(?:\n|\Z)")


# Markdown constructs whose characters are markup. Each pattern is linear: no nested quantifiers.
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)[^\n]*\n(?:.*?\n)??[ \t]{0,3}\1[^\n]*$", re.M | re.S)
# Possessive quantifiers (*+, ++) and "[" excluded from link text keep every pattern linear: a
# megabyte of "[" or of spaces must not be rescanned from each position.
_IMAGE = re.compile(r"!\[[^\[\]\n]{0,500}+\]\([^)\n]{0,2000}+\)")
_LINK = re.compile(r"\[([^\[\]\n]{0,500}+)\]\([^)\n]{0,2000}+\)")
_REF_LINK_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]{1,500}\]:[^\n]*$", re.M)
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}(?=[ \t]|$)", re.M)
_LIST_MARKER = re.compile(r"^[ \t]{0,12}(?:[-*+]|\d{1,9}[.)])(?=[ \t])", re.M)
_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?){1,20}", re.M)
_EMPHASIS = re.compile(r"\*{1,3}|(?<![\w])_{1,3}|_{1,3}(?![\w])|`+|~~")
_TABLE_RULE = re.compile(r"^[ \t]*+\|?[ \t]*+:?-{3,}+:?[ \t]*+(?:\|[ \t]*+:?-{3,}+:?[ \t]*+){0,100}+\|?[ \t]*+$",
                         re.M)
_PIPE = re.compile(r"\|")
# Possessive: SRE keeps about 100 bytes per repetition of a group it may backtrack into, so a
# line of a million dashes cost 114 MB here (issue 15's memory bound); nothing after it needs them.
_HR = re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*+){3,}+$", re.M)


def _blank_markdown(original: str, chars: list[str]) -> None:
    for match in _FENCE.finditer(original):
        _blank(chars, match.start(), match.end())
    for match in _IMAGE.finditer(original):
        _blank(chars, match.start(), match.end())
    for match in _LINK.finditer(original):
        _blank(chars, match.start(), match.start() + 1)
        _blank(chars, match.end(1), match.end())
    for pattern in (_REF_LINK_DEF, _HEADING, _LIST_MARKER, _QUOTE, _TABLE_RULE, _HR):
        for match in pattern.finditer(original):
            _blank(chars, match.start(), match.end())
    for pattern in (_EMPHASIS, _PIPE):
        for match in pattern.finditer(original):
            _blank(chars, match.start(), match.end())


_HIDDEN_ELEMENT = re.compile(r"<(script|style|noscript|template)\b[^>]{0,2000}>.*?</\1\s*>", re.I | re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,4000}>|<![A-Za-z][^<>]{0,4000}>|<\?[^<>]{0,4000}\?>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|blockquote|hr)\b", re.I)


def _blank_html(original: str, chars: list[str]) -> None:
    for pattern in (_HIDDEN_ELEMENT, _COMMENT):
        for match in pattern.finditer(original):
            _blank(chars, match.start(), match.end())
    for match in _TAG.finditer(original):
        _blank(chars, match.start(), match.end())
        if _BLOCK_TAG.match(match.group()) and match.start() < len(chars):
            # A block tag separates sentences even on one line ("<td>12</td><td>40</td>").
            chars[match.start()] = "\n" if "\n" not in match.group() else chars[match.start()]
    for match in _ENTITY.finditer(original):
        decoded = html.unescape(match.group())
        if len(decoded) == 1:
            _blank(chars, match.start(), match.end())
            chars[match.start()] = " " if decoded in "\u00a0\u2009\u202f" else decoded


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def _split_paragraphs(text: str) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if text[start : match.start()].strip():
            spans.append(_trim(text, start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


# Words whose trailing full stop does not end a sentence. Lower-case, without the dot.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st no nos vs v etc gen col lt sgt capt maj rep sen gov jan feb mar apr jun jul aug "
    "sep sept oct nov dec inc ltd co corp approx est fig e.g i.e u.s u.k u.n a.m p.m mt ft jr sr".split()
)
# Every match starts with one of ".!?" or a newline, so the engine skips to the next such character
# in C instead of trying the pattern at every position (a leading lookbehind or a branch of two
# character classes hides that first character from it): it was most of the cost of reading a document.
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)(?=[ \t]*+[^\sa-z])"
                           r"|(?<=[.!?])(?<![.!?]{2})[.!?]*+[\"'”’)\]]*+(?=\s))")


def _split_sentences(text: str, paragraph: Span) -> list[Span]:
    """Split on terminal punctuation and on line breaks that do not continue a wrapped line."""
    spans: list[Span] = []
    start = paragraph.start
    # pos/endpos, not a slice: the lookahead stops at the paragraph's end all the same
    for match in _SENTENCE_END.finditer(text, paragraph.start, paragraph.end):
        end = match.end()
        mark = text[match.start()]
        if mark == "." and _is_abbreviation(text, match.start()):
            continue
        if mark == "\n" and _continues(text, match.start()):
            continue
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
            start = end
    if text[start : paragraph.end].strip():
        spans.append(_trim(text, start, paragraph.end))
    return spans


#: A line at least this long that ends without punctuation was wrapped, not ended: the sentence
#: goes on after the newline even when the next line starts with a digit or a name ("dropped to⏎87,000").
_WRAPPED_LINE = 50
#: A line that starts with a figure continues an unpunctuated line before it, however short that
#: is: a hard wrap before a figure ("dropped to⏎87,000 from 81,000") is far commoner than a
#: headline that ends where a figure starts.
# The lookbehind lets a search start only at the first blank of a run, so it stays linear on long blank runs.
_FIGURE_START = re.compile(r"(?<![ \t])[ \t]*[\d$€£¥]")


def _continues(text: str, newline: int) -> bool:
    """Whether the sentence goes on across the line break at ``newline``: the one place that
    decides it, so extraction and linking read the same sentences."""
    line = text[text.rfind("\n", 0, newline) + 1 : newline].rstrip()
    if not line or line[-1] in ".!?:;\"'”’)]":
        return False
    return len(line) >= _WRAPPED_LINE or bool(_FIGURE_START.match(text, newline + 1))


_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]{0,10})$")


def _is_abbreviation(text: str, dot: int) -> bool:
    match = _WORD_BEFORE.search(text[max(0, dot - 12) : dot])
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    glued_to_figure = dot - len(match.group(1)) - 1 >= 0 and text[dot - len(match.group(1)) - 1].isdigit()
    if glued_to_figure and len(word) == 1:
        return False  # "worth $300m. It hopes": a scale suffix, not an initial
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())
