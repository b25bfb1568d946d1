"""A compiled rule and its ``where`` filter: frozen values, no I/O.

`numcheck.ruleset` reads and validates packs and builds these; the check modules read them. They
live below both, so a check kind that compiles a ``where`` of its own (the ``expression`` kind's
name filters) does not import the loader back (no import loops; a test checks).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from numcheck.english import PhraseSet, clause_around, lemmas

if TYPE_CHECKING:
    from numcheck.checks.kind import CheckKind
    from numcheck.document import Document
    from numcheck.model import Claim

__all__ = [
    "NEAR_CHARS",
    "WHERE_KEYS",
    "Problem",
    "Rule",
    "Where",
    "compile_pattern",
    "compile_where",
    "string_list",
    "unknown_choice",
]

WHERE_KEYS = ("noun", "unit", "qualifier", "context", "not_context", "clause", "not_clause", "before", "after",
              "pattern")
#: How far ``before``/``after`` words may be from the claim: "aged 130", "130-year-old", "25 hours a day".
NEAR_CHARS = 3

#: A problem found while compiling: (path of keys within the rule, message).
Problem = tuple[tuple[Any, ...], str]


def _word_regex(word: str) -> str:
    """A word or phrase as a whole-word regex; "-year-old" may follow a digit directly."""
    body = r"\s+".join(re.escape(part) for part in word.split())
    head = r"(?<!\w)" if word[:1].isalnum() else ""
    tail = r"(?!\w)" if word[-1:].isalnum() else ""
    return head + body + tail


def _word_pattern(words: Sequence[str], suffix: str = "") -> re.Pattern[str] | None:
    """One case-insensitive regex matching any of ``words`` as whole words ("of the vote" too)."""
    if not words:
        return None
    alternatives = sorted((_word_regex(w) for w in words), key=len, reverse=True)
    # Every alternative starts with its word's first character: a lookahead on those characters lets
    # the engine pass most positions of a sentence with one class test instead of trying every word
    # there (30 "not_context" words cost 100 µs a sentence without it).
    guard = ""
    if all(w.split() for w in words):  # a blank word would match anywhere, with no first character
        firsts = "".join(sorted({w.split()[0][0] for w in words}))
        guard = f"(?=[{re.escape(firsts)}])"
        if all(w[:1].isalnum() for w in words):  # each alternative starts with _word_regex's (?<!\w) too
            guard = r"(?<!\w)" + guard
    return re.compile(guard + "(?:" + "|".join(alternatives) + ")" + suffix, re.IGNORECASE)


@dataclass(frozen=True)
class Where:
    """Which claims a rule sees. Empty tuples mean "any".

    ``nouns`` match a claim's noun exactly or as the last word of a longer noun ("state" matches
    "member state", not "statement"); ``context`` words must appear (any one, whole words, any case)
    in the claim's sentence and ``not_context`` words must not; ``before`` words must end right
    before the claim ("aged 130") and ``after`` words start inside it or right after it ("130-year-old",
    "25 hours a day"), within ``NEAR_CHARS``; ``pattern`` is a regular expression searched in the
    sentence. ``clause`` words must appear in the figure's own clause (between two
    `numcheck.english.CLAUSE_EDGE` marks) and ``not_clause`` words must not, compared as singular
    lemmas ("women" meets "woman"): a limit of one kind of thing (air temperatures, people's ages)
    is kept to clauses that talk about it. The patterns are compiled once, here.
    """

    nouns: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()
    context: tuple[str, ...] = ()  # words that must appear in the claim's sentence
    not_context: tuple[str, ...] = ()
    pattern: str = ""
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    clause: tuple[str, ...] = ()  # words one of which must be in the claim's own clause
    not_clause: tuple[str, ...] = ()
    _context_re: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)
    _not_context_re: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)
    _pattern_re: Any = field(default=None, init=False, repr=False, compare=False)
    _before_re: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)
    _after_re: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)
    _clause_words: PhraseSet | None = field(default=None, init=False, repr=False, compare=False)
    _not_clause_words: PhraseSet | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_context_re", _word_pattern(self.context))
        object.__setattr__(self, "_not_context_re", _word_pattern(self.not_context))
        object.__setattr__(self, "_pattern_re", compile_pattern(self.pattern) if self.pattern else None)
        object.__setattr__(self, "_before_re", _word_pattern(self.before, rf"\W{{0,{NEAR_CHARS}}}\Z"))
        object.__setattr__(self, "_after_re", _word_pattern(self.after))
        object.__setattr__(self, "_clause_words", PhraseSet.of(self.clause) if self.clause else None)
        object.__setattr__(self, "_not_clause_words", PhraseSet.of(self.not_clause) if self.not_clause else None)

    @property
    def reads_sentence(self) -> bool:
        return bool(self.context or self.not_context or self.pattern or self.before or self.after or self.clause
                    or self.not_clause)

    def matches_claim(self, claim: Claim) -> bool:
        """The filters that need only the claim: noun, unit and qualifier."""
        if self.units and claim.unit not in self.units:
            return False
        if self.qualifiers and claim.qualifier not in self.qualifiers:
            return False
        if self.nouns:
            if claim.noun_source == "ellipsis":
                return False  # a guessed noun is not enough to call a figure implausible
            noun = (claim.noun or "").lower()
            if not noun or not any(noun == n or noun.endswith(" " + n) for n in self.nouns):
                return False
        return True

    def matches(self, claim: Claim, document: Document, cache: dict[tuple[int, int], bool] | None = None) -> bool:
        """Whether the rule sees ``claim``. ``cache`` (one per document) keeps the sentence tests,
        so a sentence with thousands of figures is searched once per rule, not once per figure."""
        if not self.matches_claim(claim):
            return False
        if not self.reads_sentence:
            return True
        key = (id(self), claim.sentence)
        if cache is not None and key in cache:
            sentence_ok = cache[key]
        else:
            sentence_ok = self.matches_sentence(document, claim.sentence)
            if cache is not None:
                cache[key] = sentence_ok
        return sentence_ok and self._is_near(claim, document.text) and self.matches_clause(claim, document)

    def matches_clause(self, claim: Claim, document: Document) -> bool:
        """The clause and not_clause filters. They run last, on the few claims every other filter
        (and a range rule's out-of-range test) let through, so reading the clause costs little."""
        if self._clause_words is None and self._not_clause_words is None:
            return True
        try:
            span = document.sentences[claim.sentence]
            low, high = span.start, span.end
        except IndexError:
            low, high = 0, len(document.text)
        words = lemmas(clause_around(document.text, claim.start, claim.end, low, high))
        if self._clause_words is not None and not self._clause_words.found_in(words):
            return False
        return self._not_clause_words is None or not self._not_clause_words.found_in(words)

    def matches_sentence(self, document: Document, index: int) -> bool:
        """The context, not_context and pattern filters, which depend only on the sentence."""
        try:
            sentence = document.sentence_text(index)
        except IndexError:
            sentence = ""
        if self._context_re is not None and not self._context_re.search(sentence):
            return False
        if self._not_context_re is not None and self._not_context_re.search(sentence):
            return False
        return self._pattern_re is None or self._pattern_re.search(sentence) is not None

    def _is_near(self, claim: Claim, text: str) -> bool:
        if self._before_re is not None:
            if not self._before_re.search(text, max(0, claim.start - 40), claim.start):
                return False
        if self._after_re is not None:
            limit = claim.end + NEAR_CHARS
            found = self._after_re.search(text, claim.start, claim.end + 40)
            if found is None or found.start() > limit:
                return False
        return True


@dataclass(frozen=True)
class Rule:
    """A compiled rule: header fields, its check kind, and kind parameters with defaults applied."""

    id: str
    check: str
    severity: str
    message: str
    kind: CheckKind
    params: Mapping[str, Any] = field(default_factory=dict)
    where: Where = field(default_factory=Where)
    description: str = ""
    examples_pass: tuple[str, ...] = ()
    examples_fail: tuple[str, ...] = ()
    pack: str = ""
    path: str = ""
    line: int = 0
    #: The line of each example in the pack, in the order of ``examples_pass``/``examples_fail``, so
    #: ``numcheck rules validate`` can name ``file:line`` of an example that misbehaves.
    examples_pass_lines: tuple[int, ...] = ()
    examples_fail_lines: tuple[int, ...] = ()


def unknown_choice(what: str, name: Any, allowed: Iterable[str]) -> str:
    """The message for a name that is not one of ``allowed``, listing them (sorted)."""
    return f"unknown {what} '{name}' (expected one of: {', '.join(sorted(allowed))})"


def string_list(value: Any) -> tuple[str, ...] | None:
    """A YAML word or list of words as a tuple; None when it is neither."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def compile_pattern(pattern: str) -> Any:
    """``where.pattern`` compiled with RE2 (case-insensitive), which runs in time linear in the
    sentence whatever the pattern: a rule pack from a pull request cannot stall a newsroom's CI
    with catastrophic backtracking. RE2 refuses what it cannot run that way (back-references,
    look-around); `re2.error` carries the reason. Note RE2's ``\\w`` and ``\\b`` are ASCII."""
    import re2  # only rules with a pattern pay for the import

    options = re2.Options()
    options.case_sensitive = False
    options.log_errors = False  # the reason goes into our one-line error, not onto stderr
    return re2.compile(pattern, options)


def compile_where(value: Any) -> tuple[Where, list[Problem]]:
    """A `Where` from a ``where:`` mapping the schema has validated, with problems as (path within
    it, message) for what a schema cannot say: a ``pattern`` that RE2 cannot compile.

    Values of the wrong type are skipped, not reported: the schema already reported them.
    """
    if not isinstance(value, dict):
        return Where(), []
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("noun", "unit", "qualifier", "context", "not_context", "clause", "not_clause", "before", "after"):
        words = string_list(value.get(key, ())) or ()
        lists[key] = tuple(" ".join(w.split()) for w in words)
    pattern = value.get("pattern", "")
    problems: list[Problem] = []
    if not isinstance(pattern, str):
        pattern = ""
    elif pattern:
        import re2

        try:
            compile_pattern(pattern)
        except re2.error as exc:
            reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else exc
            problems.append((("pattern",), f"pattern does not compile: {reason} (patterns run under RE2: "
                                           "no back-references or look-around)"))
            pattern = ""
    where = Where(
        nouns=tuple(n.lower() for n in lists["noun"]), units=lists["unit"], qualifiers=lists["qualifier"],
        context=lists["context"], not_context=lists["not_context"], pattern=pattern, before=lists["before"],
        after=lists["after"], clause=lists["clause"], not_clause=lists["not_clause"],
    )
    return where, problems
