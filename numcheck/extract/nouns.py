"""The counted noun: find the head of the noun phrase after a figure and reduce it to a lemma.

No tagger is loaded (start-up must stay under half a second), so the head is found the way an
editor skims: after a figure above one, the counted thing is the first plural noun before a
function word ("26 *countries* have", "35 European *countries*"), and a coordination counts its
last head ("112 strikes and decoy *drones*"). The singular comes from ``numcheck.english``.

>>> head_noun(["european", "countries", "have"], plural_only=True)
'country'
>>> head_noun(["strike", "and", "decoy", "drones"], plural_only=True)
'drone'
>>> head_noun(["member", "states"], plural_only=True)
'member state'
"""

from __future__ import annotations

from collections.abc import Sequence

from numcheck.english import NUMBER_WORDS, is_plural, singular
from numcheck.english.nouns import NOUN_OR_VERB, PLURAL_WITHOUT_S, POSTPOSITIVE
from numcheck.extract.mention import Mention
from numcheck.extract.nonquantities import is_participle_adjective
from numcheck.extract.qualifiers import skip_qualifier_words
from numcheck.extract.sentence import Sentence, Unit
from numcheck.extract.tables.nouns import (
    COMPOUNDS,
    DETERMINERS_AFTER_FIGURE,
    OBJECT_STARTS,
    PARTICIPLE_ADJECTIVES,
    PER_CAPITA_NOUNS,
    SINGULAR_OK_ING,
    STOP,
    SUBJECT_OPENERS,
    VERBS,
)

__all__ = ["ends_noun_phrase", "head_noun", "noun_of"]


def ends_noun_phrase(word: str) -> bool:
    """True for a function word or verb form that cannot start the noun a figure counts."""
    return word in STOP or (word.endswith("ed") and len(word) > 4 and word not in PARTICIPLE_ADJECTIVES)


def head_noun(words: Sequence[str], plural_only: bool, bare_subject: bool = False) -> str | None:
    """The lemma of the counted thing among the words after a figure, or None.

    ``bare_subject`` says the figure stands where a subject does ("the remaining 28 reached
    targets"), so a participle after it is the verb, not an adjective of the noun.
    """
    head_at = None
    for index, word in enumerate(words[:6]):
        lower = word.lower()
        if lower in ("and", "or") and index > 0 and plural_only:
            continue  # "112 strike and decoy drones": a coordinated modifier, the head is still to come
        if lower in ("most", "least") and index + 1 < len(words) and words[index + 1].lower() not in STOP:
            continue  # "the 20 most polluted cities": a superlative, the head is still to come
        if lower in STOP:
            break
        if lower.endswith("ed") and len(lower) > 4 and lower not in PARTICIPLE_ADJECTIVES and \
                not _participle_modifies(words, index, bare_subject):
            break
        if plural_only:
            if is_plural(lower) or (index == 0 and _plural_after_figure(words)):
                head_at = index
                break
            if lower.endswith("ing") and lower not in SINGULAR_OK_ING and index + 1 >= len(words):
                break
        elif lower.isalpha() and not lower.endswith("ed") and (not lower.endswith("ing") or lower in SINGULAR_OK_ING):
            if index + 1 < len(words) and words[index + 1].isalpha() and words[index + 1].lower() not in STOP \
                    and not words[index + 1].lower().endswith("ed"):
                continue  # an adjective or noun modifier: the head comes later
            head_at = index
            break
    if head_at is None:
        return None
    if words[head_at].lower() in PLURAL_WITHOUT_S and head_at + 1 < len(words) and \
            is_plural(words[head_at + 1].lower()) and words[head_at + 1].lower() not in VERBS:
        head_at += 1  # "13,000 staff members"
    head_at = _coordinated_head(words, head_at)
    if head_at + 1 < len(words) and f"{words[head_at].lower()} {words[head_at + 1].lower()}" in POSTPOSITIVE:
        return POSTPOSITIVE[f"{words[head_at].lower()} {words[head_at + 1].lower()}"]  # "10 grands prix"
    lemma = singular(words[head_at])
    if head_at > 0 and (words[head_at - 1].lower(), lemma) in COMPOUNDS:
        return f"{words[head_at - 1].lower()} {lemma}"
    return lemma if lemma.isalpha() or "-" in lemma else None


def _participle_modifies(words: Sequence[str], index: int, bare_subject: bool) -> bool:
    """A participle before the counted noun is an adjective: "30 armoured vehicles", "36 coal-fired plants".

    A hyphenated one always is ("UK-based", "state-owned"); a plain one when a plural noun follows
    at once, which a verb after a bare count ("20 attended") rarely has.
    """
    if "-" in words[index].strip("-"):
        return True
    if bare_subject:
        return False
    following = words[index + 1].lower() if index + 1 < len(words) else ""
    return is_plural(following) and following not in VERBS and following not in STOP


def _plural_after_figure(words: Sequence[str]) -> bool:
    """"13 wins", "six hits", "three sets": right after a figure these read as nouns, not verbs."""
    if words[0].lower() not in NOUN_OR_VERB:
        return False
    following = words[1].lower() if len(words) > 1 else ""
    return not following or (following in STOP and following not in OBJECT_STARTS)


def _coordinated_head(words: Sequence[str], head_at: int) -> int:
    """"112 strikes and decoy drones" counts the last head of the coordination."""
    if head_at + 1 < len(words) and words[head_at + 1].lower() in ("and", "or"):
        for index in range(head_at + 2, min(len(words), head_at + 5)):
            lower = words[index].lower()
            if lower in STOP or lower in VERBS or lower.endswith("ed") or lower in NUMBER_WORDS:
                break  # "17 teenagers and seven infants": a new figure starts a new count
            if is_plural(lower):
                return index
    return head_at


def noun_of(s: Sentence, m: Mention, unit: Unit) -> str | None:
    if unit.unit not in ("count", "percent", "fraction"):
        return None
    j = unit.last
    if s.lower(j) == "of" and (unit.unit != "count" or m.kind == "vague"):
        j += 1
        if s.lower(j) in ("the", "its", "their", "all", "these", "those", "his", "her", "our"):
            j += 1
    elif unit.unit != "count":
        return None
    special = compound_noun(s, m, j)
    if special is not None:
        return special
    words = []
    k = j
    while k < len(s.tokens) and len(words) < 8:
        t = s.tokens[k]
        if t.is_word and t.text.isupper() and len(t.text) >= 2 and not words and \
                not (s.text_of(k + 1) in ("-", "‐") and s.glued(k, k + 1)):
            pass  # "53 US states", "27 EU countries": an acronym modifier before the head
        elif t.is_word and words and words[-1] in ("and", "or") and t.text[0].isupper():
            break  # "500,000 complaints and CBS": a name starts a new phrase, not a coordinated head
        elif t.is_word:
            words.append(t.lower)
        elif t.text in "-‐" and s.glued(k - 1, k) and s.glued(k, k + 1) and words:
            words[-1] = words[-1] + "-"
        else:
            break
        k += 1
    joined = join_hyphens(words)
    if len(joined) > 1 and joined[0] in DETERMINERS_AFTER_FIGURE and joined[1] != "than":
        joined = joined[1:]  # "three other nominations", "five more players"
    return head_noun(joined, plural_only=m.value != 1 and m.kind not in ("fraction", "ratio"),
                     bare_subject=is_bare_subject(s, unit.first))


def is_bare_subject(s: Sentence, first: int) -> bool:
    """A figure that opens its clause or follows "the remaining": it may be the whole subject."""
    before = skip_qualifier_words(s, first - 1)
    return before < 0 or s.lower(before) in SUBJECT_OPENERS or (
        s.tokens[before].is_word and s.tokens[before].text[0].isupper() and not ends_noun_phrase(
            s.lower(before)))  # "Andre 3000 thanked fans": a name's figure is the subject


def join_hyphens(words: list[str]) -> list[str]:
    """["coal-", "fired", "plants"] -> ["coal-fired", "plants"]: a word ending in a hyphen joins the next."""
    out: list[str] = []
    for w in words:
        if out and out[-1].endswith("-"):
            out[-1] = out[-1] + w
        else:
            out.append(w)
    return out


def compound_noun(s: Sentence, m: Mention, j: int) -> str | None:
    """Nouns the phrase grammar misses: "a 12-game losing run" (game), "159 RBIs" (rbi), "per 100,000
    population" (population)."""
    nxt = s.tok(j)
    if nxt is None or m.kind != "number":
        return None
    if nxt.text in "-‐" and s.glued(j - 1, j) and s.glued(j, j + 1) and s.tok(j + 1) is not None and \
            s.tokens[j + 1].is_word and s.tokens[j + 1].text.islower() and s.text_of(j + 2) not in ("-", "‐"):
        word = s.tokens[j + 1].lower
        return None if ends_noun_phrase(word) or is_participle_adjective(word) or word.endswith(("ing", "er")) \
            else singular(word)  # "a 12-bed ward" counts beds; "bed" only ends like "legged"
    if nxt.is_word and len(nxt.text) >= 3 and nxt.text[:-1].isupper() and nxt.text.endswith("s"):
        return nxt.text[:-1].lower()  # "159 RBIs", "12 MPs"
    if s.lower(m.first - 1) == "per" and nxt.lower in PER_CAPITA_NOUNS:
        return nxt.lower
    return None
