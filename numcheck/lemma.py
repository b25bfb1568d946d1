"""The counted noun: find the head of the noun phrase after a figure and reduce it to a lemma.

No tagger is loaded (start-up must stay under half a second), so the head is found the way an
editor skims: after a figure above one, the counted thing is the first plural noun before a
function word ("26 *countries* have", "35 European *countries*"), and a coordination counts its
last head ("112 strikes and decoy *drones*").

>>> head_noun(["european", "countries", "have"], plural_only=True)
'country'
>>> head_noun(["strike", "and", "decoy", "drones"], plural_only=True)
'drone'
>>> head_noun(["member", "states"], plural_only=True)
'member state'

The singular itself comes from ``numcheck.english.singular``, the one every stage uses.
"""

from __future__ import annotations

from collections.abc import Sequence

from numcheck.english import NUMBER_WORDS, is_plural, singular
from numcheck.english.nouns import NOUN_OR_VERB, PLURAL_WITHOUT_S, POSTPOSITIVE

__all__ = ["ends_noun_phrase", "head_noun"]

#: Words that show the word before them is a verb taking an object ("the 12 leads the table").
_OBJECT_STARTS = frozenset("the a an that to his her its their this these those him them it".split())
#: Function words and verbs that end a noun phrase.
_STOP = frozenset(
    "the a an this that these those its their his her our your my of in on at to from by for with without "
    "over under into onto across against among between during since until after before per via than as "
    "about around through within near like including while where when which who whom whose and or but nor "
    "so yet because if is are was were be been being has have had do does did will would can could may "
    "might must shall should said say says told according also still now then already just only each "
    "apiece respectively more most less least other another such same than there here it they he she we "
    "you i them him us me not no yes all both either neither every any some many much few several own "
    "out up down off away back again ago year years month months week weeks day days per cent percent "
    "hour hours minute minutes last next first second third".split()
)
_SINGULAR_OK_ING = frozenset("building meeting bombing shooting killing hearing recording dwelling".split())
_COMPOUNDS = frozenset({
    ("member", "state"), ("polling", "station"), ("police", "officer"), ("aid", "worker"), ("health", "worker"),
    ("care", "home"), ("border", "guard"), ("civil", "servant"), ("nursing", "home"), ("asylum", "seeker"),
    ("head", "teacher"), ("fire", "fighter"), ("bus", "driver"), ("train", "driver"),
})


def ends_noun_phrase(word: str) -> bool:
    """True for a function word or verb form that cannot start the noun a figure counts."""
    return word in _STOP or (word.endswith("ed") and len(word) > 4 and word not in _PARTICIPLE_ADJECTIVES)


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
        if lower in ("most", "least") and index + 1 < len(words) and words[index + 1].lower() not in _STOP:
            continue  # "the 20 most polluted cities": a superlative, the head is still to come
        if lower in _STOP:
            break
        if lower.endswith("ed") and len(lower) > 4 and lower not in _PARTICIPLE_ADJECTIVES and \
                not _participle_modifies(words, index, bare_subject):
            break
        if plural_only:
            if is_plural(lower) or (index == 0 and _plural_after_figure(words)):
                head_at = index
                break
            if lower.endswith("ing") and lower not in _SINGULAR_OK_ING and index + 1 >= len(words):
                break
        elif lower.isalpha() and not lower.endswith("ed") and (not lower.endswith("ing") or lower in _SINGULAR_OK_ING):
            if index + 1 < len(words) and words[index + 1].isalpha() and words[index + 1].lower() not in _STOP \
                    and not words[index + 1].lower().endswith("ed"):
                continue  # an adjective or noun modifier: the head comes later
            head_at = index
            break
    if head_at is None:
        return None
    if words[head_at].lower() in PLURAL_WITHOUT_S and head_at + 1 < len(words) and \
            is_plural(words[head_at + 1].lower()) and words[head_at + 1].lower() not in _VERBS:
        head_at += 1  # "13,000 staff members"
    head_at = _coordinated_head(words, head_at)
    if head_at + 1 < len(words) and f"{words[head_at].lower()} {words[head_at + 1].lower()}" in POSTPOSITIVE:
        return POSTPOSITIVE[f"{words[head_at].lower()} {words[head_at + 1].lower()}"]  # "10 grands prix"
    lemma = singular(words[head_at])
    if head_at > 0 and (words[head_at - 1].lower(), lemma) in _COMPOUNDS:
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
    return is_plural(following) and following not in _VERBS and following not in _STOP


def _plural_after_figure(words: Sequence[str]) -> bool:
    """"13 wins", "six hits", "three sets": right after a figure these read as nouns, not verbs."""
    if words[0].lower() not in NOUN_OR_VERB:
        return False
    following = words[1].lower() if len(words) > 1 else ""
    return not following or (following in _STOP and following not in _OBJECT_STARTS)


def _coordinated_head(words: Sequence[str], head_at: int) -> int:
    """"112 strikes and decoy drones" counts the last head of the coordination."""
    if head_at + 1 < len(words) and words[head_at + 1].lower() in ("and", "or"):
        for index in range(head_at + 2, min(len(words), head_at + 5)):
            lower = words[index].lower()
            if lower in _STOP or lower in _VERBS or lower.endswith("ed") or lower in NUMBER_WORDS:
                break  # "17 teenagers and seven infants": a new figure starts a new count
            if is_plural(lower):
                return index
    return head_at


#: Past participles that modify a counted noun ("1,240 displaced people") rather than end the phrase.
_PARTICIPLE_ADJECTIVES = frozenset(
    "displaced injured wounded armed detained unemployed registered confirmed reported estimated elected "
    "qualified skilled licensed trained unvaccinated vaccinated unaccompanied recorded affected unpaid paid "
    "dedicated named listed rated ranked unnamed unidentified suspected alleged missing guided manned "
    "unmanned medical".split()
)
#: Third-person verbs that look like plural nouns after "and" ("550 aircraft and flies to 230 airports").
_VERBS = frozenset(
    "flies operates operate employs serves carries runs makes includes covers owns sells says has does goes "
    "gets takes plans expects wants needs remains stands holds sees shows plays works lives uses adds hits "
    "leads wins loses pays buys builds sends".split()
)
