"""Word tables for the counted noun: function words that end a noun phrase, verbs that look like
plural nouns, measure words, and the general nouns news uses to vary a specific one.

Kept apart from the logic so a newsroom can read what numcheck knows without reading code.
"""

from __future__ import annotations

from types import MappingProxyType

#: Words that show the word before them is a verb taking an object ("the 12 leads the table").
OBJECT_STARTS = frozenset("the a an that to his her its their this these those him them it".split())
#: Function words and verbs that end a noun phrase.
#: Function words and verbs that end a noun phrase.
STOP = frozenset(
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
SINGULAR_OK_ING = frozenset("building meeting bombing shooting killing hearing recording dwelling".split())
COMPOUNDS = frozenset({
    ("member", "state"), ("polling", "station"), ("police", "officer"), ("aid", "worker"), ("health", "worker"),
    ("care", "home"), ("border", "guard"), ("civil", "servant"), ("nursing", "home"), ("asylum", "seeker"),
    ("head", "teacher"), ("fire", "fighter"), ("bus", "driver"), ("train", "driver"),
})
#: Past participles that modify a counted noun ("1,240 displaced people") rather than end the phrase.
PARTICIPLE_ADJECTIVES = frozenset(
    "displaced injured wounded armed detained unemployed registered confirmed reported estimated elected "
    "qualified skilled licensed trained unvaccinated vaccinated unaccompanied recorded affected unpaid paid "
    "dedicated named listed rated ranked unnamed unidentified suspected alleged missing guided manned "
    "unmanned medical".split()
)
#: Third-person verbs that look like plural nouns after "and" ("550 aircraft and flies to 230 airports").
VERBS = frozenset(
    "flies operates operate employs serves carries runs makes includes covers owns sells says has does goes "
    "gets takes plans expects wants needs remains stands holds sees shows plays works lives uses adds hits "
    "leads wins loses pays buys builds sends".split()
)
#: Words after a bare count that show its noun was left out ("24 and Norway six", "46,000 so far").
ELLIPSIS_FOLLOWERS = frozenset("and or so in by from to at on a an were was had have are will would more "
                                "fewer less this that last each apiece worldwide altogether overall".split())
#: General nouns that news uses to vary a specific one ("jets ... the aircraft", "cars ... 92,627 vehicles").
HYPONYMS = MappingProxyType({
    "aircraft": frozenset("jet plane airliner helicopter drone fighter bomber airplane".split()),
    "vehicle": frozenset("car truck lorry van bus tank motorcycle coach taxi tractor".split()),
    "vessel": frozenset("ship boat tanker ferry trawler submarine yacht warship".split()),
    "weapon": frozenset("missile rocket rifle gun shell bomb".split()),
    "property": frozenset("home house flat apartment".split()),
    "dwelling": frozenset("home house flat apartment".split()),
    "device": frozenset("phone handset laptop tablet computer".split()),
    "animal": frozenset("cow sheep pig dog cat horse bird chicken".split()),
})
MEASURE_WORDS = frozenset("number numbers total count tally".split())
#: Measure words whose modifier is the counted thing ("death toll", "passenger target", "goal tally").
MEASURE_HEADS = frozenset("toll target tally count".split())
ADJECTIVE_ENDINGS = ("al", "ly", "ed", "ive", "ous", "ic", "ful", "est", "'s", "’s")
NOT_MEASURED = frozenset("new old own higher lower bigger larger smaller greater overall current".split())
#: Verbs whose subject is people, so a bare count before them counts people.
HUMAN_VERBS = frozenset(
    "died killed injured wounded hurt fled left gathered marched protested arrested detained evacuated "
    "rescued attended queued rallied demonstrated drowned perished starved emigrated resigned voted "
    "signed applied complained joined watched lined camped survived escaped".split()
)
AUXILIARIES = frozenset("were was had have has are been being also still reportedly more then later all "
                         "now already reported said believed thought feared".split())
#: Tokens after which a figure may stand alone as a subject ("; 28 reached", "the remaining 28 reached").
SUBJECT_OPENERS = frozenset(", ; : ( remaining other rest latter former".split())
#: Words between a figure and its noun that are not the noun ("four other titles", "12 more people").
DETERMINERS_AFTER_FIGURE = frozenset("other more fewer such".split())
CHANGE_PREPOSITIONS = frozenset("to at by from".split())
#: Singular nouns that stand for a count of people ("the population reached 59.6 million").
COLLECTIVE_NOUNS = MappingProxyType({"population": "person", "electorate": "voter", "workforce": "worker",
                                      "membership": "member", "headcount": "employee"})
CHANGE_VERBS = frozenset("rose fell climbed dropped jumped increased decreased grew reached totalled totaled stood "
                          "declined slipped surged soared plunged risen fallen grown up down".split())
NOT_ANTECEDENT = frozenset("defences defenses officials authorities forces says years months weeks days "
                            "figures numbers data statistics".split())
#: Table column headers that name what their cells count, as league tables abbreviate them.
COLUMN_NOUNS = MappingProxyType({
    "p": "game", "pld": "game", "played": "game", "gp": "game", "games": "game", "w": "win", "won": "win",
    "wins": "win", "d": "draw", "drawn": "draw", "draws": "draw", "l": "loss", "lost": "loss", "losses": "loss",
    "gd": "goal", "gf": "goal", "ga": "goal", "f": "goal", "a": "goal", "goals": "goal", "pts": "point",
    "points": "point", "pt": "point",
})
#: Table column headers whose cells are positions, not amounts.
RANK_HEADERS = frozenset({"pos", "pos.", "position", "rank", "#", "no", "no.", "place"})
#: Singular nouns a rate is "per" ("deaths per 100,000 population").
PER_CAPITA_NOUNS = frozenset("population people inhabitants residents capita".split())
