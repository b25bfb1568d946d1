"""Word tables for English noun inflection: irregular plurals, words that never change, words that
only look plural. Data only; ``numcheck.english.inflection`` holds the rules that read them.

Every entry here is a case the regular rules ("-ies" to "-y", "-ches" to "-ch", drop "-s") get
wrong, so each one is a decision someone can argue with in one place.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = [
    "DISAGREES_WITH_INFLECT",
    "INVARIANT",
    "IRREGULAR_PLURALS",
    "NOT_PLURAL",
    "NOUN_OR_VERB",
    "PLURAL_WITHOUT_S",
    "POSTPOSITIVE",
]

#: Nouns whose plural is the singular: news copy counts them as they stand ("40 staff", "3 series").
INVARIANT = frozenset(
    "data media police staff personnel cattle sheep fish deer aircraft crew livestock offspring clergy "
    "infantry series species news premises means headquarters info".split()
)

#: Plural -> singular where the rules would be wrong ("cases" is not "cas", "movies" not "movy").
IRREGULAR_PLURALS = MappingProxyType({
    **{word: word for word in INVARIANT},
    "people": "person", "children": "child", "men": "man", "women": "woman", "feet": "foot", "teeth": "tooth",
    "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife", "knives": "knife", "wolves": "wolf",
    "thieves": "thief", "halves": "half", "leaves": "leaf", "shelves": "shelf", "loaves": "loaf",
    "calves": "calf", "criteria": "criterion", "phenomena": "phenomenon", "indices": "index",
    "heroes": "hero", "potatoes": "potato", "tomatoes": "tomato", "vetoes": "veto", "echoes": "echo",
    "torpedoes": "torpedo", "buses": "bus", "viruses": "virus", "bonuses": "bonus", "campuses": "campus",
    "censuses": "census", "statuses": "status", "alumni": "alumnus", "businesses": "business",
    "analyses": "analysis", "crises": "crisis", "diagnoses": "diagnosis", "theses": "thesis",
    "hypotheses": "hypothesis", "bases": "base", "cases": "case", "troops": "troop", "euros": "euro",
    "countries": "country", "movies": "movie", "cookies": "cookie", "rookies": "rookie", "zombies": "zombie",
    "calories": "calorie", "goalies": "goalie", "selfies": "selfie", "brownies": "brownie",
    "freebies": "freebie", "prairies": "prairie", "reais": "real", "dies": "die",
})

#: Words that are plural without a final s, or that count things in the plural sense.
PLURAL_WITHOUT_S = frozenset(
    "people children men women feet teeth mice geese criteria phenomena data media police staff personnel "
    "cattle sheep fish deer aircraft crew livestock offspring clergy infantry alumni".split()
)
#: Words ending in s that are not plural nouns.
NOT_PLURAL = frozenset(
    "this its his has was is as us yes less unless always perhaps whereas across thus plus towards afterwards "
    "besides sometimes overseas news politics economics physics mathematics athletics gymnastics olympics "
    "series species means whereas nevertheless hers ours yours theirs was does goes says gets makes takes "
    "lies dies wins leads remains includes comes rises falls stands sits runs sees shows holds seems calls "
    "puts keeps needs wants gives tells works looks uses plays moves lives? adds hits cuts sets pays".split()
)
#: Plurals that are also third-person verbs; read as nouns right after a figure ("13 wins in 15 games").
NOUN_OR_VERB = frozenset(
    "wins hits shows runs sets cuts falls rises plays works uses calls needs wants leads holds stands".split()
)
#: Plural compounds whose first word carries the plural ("grands prix", "attorneys general").
POSTPOSITIVE = MappingProxyType({
    "grands prix": "grand prix", "grand prix": "grand prix", "attorneys general": "attorney general",
    "courts martial": "court martial", "secretaries general": "secretary general",
    "governors general": "governor general", "passers-by": "passer-by", "runners-up": "runner-up",
    "mothers-in-law": "mother-in-law", "sons-in-law": "son-in-law", "daughters-in-law": "daughter-in-law",
})

#: Where ``singular`` knowingly differs from the inflect package (the test oracle), and why. The
#: test checks this is exactly the set of disagreements on the corpus word list.
DISAGREES_WITH_INFLECT = MappingProxyType({
    "data": "news copy uses data as a mass noun: '52 of the data' never means datums",
    "means": "one means, many means ('a means of transport'); 'mean' is another word",
    "premises": "premises names a building; 'premise' is a different word",
    "reais": "the Brazilian currency: one real, many reais",
    "dies": "one die, many dies (the tool); inflect's 'dy' is no word",
})
