"""Word lists of English grammar (not content) that the headline rules read: function
words, auxiliaries, reporting verbs, time words, verb forms, and the limits on sizes.

No tagger or parser is available offline, so clauses and phrases are found from these
closed lists, punctuation and capitalisation."""

from __future__ import annotations

import re

from summarize.text.segment import TITLES, word_set

MIN_HEADLINE_WORDS = 3  # a compression shorter than this does not count as a headline
MAX_SUBJECT_WORDS = 30  # a subject (with its clause) is sought among this many first words
PUNCTUATION = ".,;:!?\"'()[]{}\u201c\u201d\u2018\u2019"
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
_MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)
_ARTICLES = word_set("a an the")
DETERMINERS = _ARTICLES | word_set(
    "this that these those his her its their our your my some any each every no another"
)
PREPOSITIONS = word_set(
    "in on at for with from by about against among amid amidst across after before behind "
    "below beneath beside besides between beyond during despite except following inside "
    "into near off onto outside over past per since than through throughout toward towards "
    "under underneath unlike until upon via within without"
)
SUBORDINATORS = word_set(
    "after although as because before if once since though unless until when whenever where "
    "whereas while whilst"
)
CONJUNCTIONS = word_set("and but or nor so yet")
RELATIVES = word_set("who whom whose which where")
AUXILIARIES = word_set(
    "is are was were be been being am has have had having do does did will would shall "
    "should can could may might must"
)
PRONOUNS = word_set("he she it they we i you him them us me")
MODALS = word_set("will would shall should can could may might must")
POSSESSIVES = word_set("his her its their our my your")
PARTICLES = word_set("up down out off back away")
# Irregular past forms common in news, for the rough verb test of a cut.
IRREGULAR_PAST = word_set(
    "rose fell hit won lost made took gave got went came saw told found left kept held led "
    "met paid put set cut quit sold bought brought thought fought sought caught taught began "
    "begun ran spent sent built struck stood grew drew threw flew knew became broke chose "
    "drove froze rode spoke stole woke wrote ate swore tore wore shot split spread sank shrank "
    "sprang sang rang swam bid beat dealt dug fed felt fled hung hid lay laid lit meant slid "
    "stuck swept swung sped sat shut shed bent lent understood withdrew overtook undertook "
    "forgave forbade overcame upheld withheld clung flung slung stung spun wound let"
)
# Verbs that take a "to" or "that" complement: a cut right after one leaves it hanging.
_COMPLEMENT_VERBS = word_set(
    "want wants plan plans hope hopes try tries seek seeks aim aims expect expects need needs "
    "continue continues agree agrees refuse refuses fail fails decide decides vow vows "
    "threaten threatens promise promises intend intends ask asks urge urges allow allows "
    "conclude concludes believe believes think thinks say says warn warns claim claims"
)
FUNCTION_WORDS = (
    DETERMINERS
    | PREPOSITIONS
    | SUBORDINATORS
    | CONJUNCTIONS
    | RELATIVES
    | AUXILIARIES
    | word_set("of to not that than also just very more most less least such whether")
)
DAY = rf"(?:{_WEEKDAYS.replace(' ', '|')})"
MONTH = rf"(?:{_MONTHS.replace(' ', '|')})\.?"
PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))"
PERIOD = r"(?:week|weekend|month|year|morning|afternoon|evening|night|season|summer|winter|spring|autumn)"  # noqa: E501
DATE = rf"(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}(?:\s+\d{{4}})?|{MONTH}\s+\d{{4}})"  # noqa: E501
# Reporting verbs for attributions; "say" forms are the common case.
SAY = (
    r"(?:said|says|say|told|tells|reported|reports|added|adds|announced|announces|stated"
    r"|states|confirmed|confirms|claimed|claims|insisted|insists|explained|explains|wrote"
    r"|writes|noted|notes|show|shows|showed|suggest|suggests|suggested|indicate|indicates"
    r"|indicated|warned|warns|argued|argues|admitted|admits|revealed|reveals|predicted"
    r"|predicts|acknowledged|acknowledges)"
)
SAYING = re.compile(SAY)
# forms of address before a name that are not abbreviations (those are segment's TITLES)
ADDRESSES = word_set("Miss Sir Lord Lady Dame")
REPORTING = word_set("said says told added admitted insisted")
OPENING_PRONOUN = PRONOUNS | word_set("this these those such")
DEMONSTRATIVES = word_set("this these those")
SPEAKERS = word_set(
    "officials official police experts analysts reports report sources witnesses residents "
    "doctors scientists researchers investigators authorities prosecutors critics "
    "campaigners economists observers diplomats aides insiders figures data statistics "
    "studies polls surveys"
)
LEADING_ADVERBS = word_set(
    "however meanwhile also but and so still yet now then separately elsewhere instead "
    "earlier later today yesterday overnight already indeed moreover furthermore "
    "nevertheless nonetheless additionally finally initially previously recently currently"
)
FILLER_ADVERBS = word_set(
    "also already still just now reportedly allegedly apparently currently recently "
    "officially formally finally eventually effectively initially previously subsequently "
    "actually really even"
)
# irregular past forms that are also the participle ("has won" -> "won")
PAST_PARTICIPLES = IRREGULAR_PAST - word_set(
    "rose fell took gave went came saw began ran became grew drew threw flew knew broke chose "
    "drove froze rode spoke stole woke wrote ate swore tore wore sank shrank sprang sang rang "
    "swam lay withdrew overtook undertook forgave forbade overcame beat begun hid"
) | word_set("said")
# Irregular verbs of news whose past tense the headline tells in the present (their forms
# come from lemminflect, :mod:`summarize.headline.inflect`). Those whose present forms are
# common nouns too ("job cuts", "a bid", "sets", "hits") are left out: they stay in the past.
IRREGULAR_BASES = word_set(
    "beat become begin break bring build buy catch choose come fall feel fight find flee fly "
    "get give go grow hold keep know lead leave lose make meet pay quit rise say see seek sell "
    "send speak spend stand strike sweep take tell think throw win withdraw write"
)
NOT_AN_OBJECT = PREPOSITIONS | PARTICLES | word_set("by as and or but to")
NO_SUBJECT = FUNCTION_WORDS | PRONOUNS | RELATIVES  # a verb after these keeps its tense
# unions the rules test words against, made once (a union in a test is made at every test)
FUNCTION_OR_PRONOUN = FUNCTION_WORDS | PRONOUNS
AUXILIARY_OR_TO = AUXILIARIES | word_set("to")


def third_person(base: str) -> str:
    if base == "go":
        return "goes"
    if base.endswith("y") and base[-2:-1] not in ("a", "e", "i", "o", "u"):
        return base[:-1] + "ies"
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return base + "es"
    return base + "s"


BE = word_set("is are was were")
# past participles that are not also past forms in "-ed" or in IRREGULAR_PAST
IRREGULAR_PARTICIPLES = word_set(
    "arisen awoken beaten become begun bitten blown born borne broken chosen done drawn "
    "driven eaten fallen flown forbidden forgiven forgotten frozen given gone grown hidden "
    "known overtaken ridden risen seen shaken shown shrunk spoken stolen sworn taken thrown "
    "torn withdrawn woken worn written"
)
# words in "-ing" that are no verb after "is": "is willing", "is something"
NOT_PROGRESSIVE = word_set(
    "being willing unwilling something nothing anything everything thing king ceiling "
    "evening morning spring string sterling interesting outstanding"
)
QUANTIFIERS = word_set("all some one most many much half none each both any several few part")
# nouns that need their "of" phrase: quantities ("millions of"), and parts ("the end of")
OF_NOUNS = word_set(
    "dozens hundreds thousands millions billions tens scores lots number numbers majority "
    "minority rest age end start beginning middle heart centre center top bottom edge verge "
    "brink side"
)
NOT_PAST = word_set("hundred indeed naked wicked sacred kindred")
CLAUSE_WORDS = RELATIVES | SUBORDINATORS | word_set("that how what why whether")
# adjectives whose phrase is their complement ("unhappy with the bid"), not a noun's
PREDICATIVE = word_set(
    "unhappy happy angry keen ready aware critical responsible concerned worried able unable "
    "close due similar free open subject opposed committed eligible liable likely unlikely "
    "interested involved confident afraid sure"
)
LEADING_SUBORDINATORS = SUBORDINATORS | word_set("despite amid following given")
# Prepositions that open adjuncts (where, when, in what way) rather than complements of a
# verb or noun ("hoping for", "charged with", "hit by"): their phrases may go from inside.
ADJUNCT_PREPOSITIONS = word_set(
    "in on at during after before since amid amidst despite following across near outside "
    "inside within throughout over under"
)
BOUNDARY_WORDS = word_set("to that including like which who whose where whether")
# Common verbs of news that are seldom nouns: after a noun, their present forms are verbs.
VERBS = word_set(
    "accept accuse admit agree allow announce approve argue arrive ask become begin believe "
    "blame block boost bring build buy close complain confirm consider continue criticise "
    "criticize decide defend deliver deny describe earn ease enter expand expect face fail "
    "find give go grow halt help hire hold improve include insist introduce invest join keep "
    "kill launch leave lift look lose make meet predict prepare propose prove provide publish "
    "push quit raise reach receive reduce refuse reject remain remove replace reveal save "
    "see seek sell send shut slash slip slow soar spend spark stand stay struggle suffer "
    "suspend take tell threaten turn unveil urge want welcome withdraw worry"
) | (  # the present forms use_present_tense writes, less those that are common nouns too
    IRREGULAR_BASES
)
PRESENT_VERBS = frozenset(
    verb[:-1] + "ies"
    if verb.endswith("y") and verb[-2] not in "aeiou"
    else verb + "es"
    if verb.endswith(("s", "sh", "ch", "x", "z", "o"))
    else verb + "s"
    for verb in VERBS
)
# present forms of irregular verbs (as use_present_tense writes them) that are verbs wherever
# they stand: every third person, and the base of those that are seldom nouns
SURE_PRESENT = frozenset(third_person(base) for base in IRREGULAR_BASES) | word_set(
    "become begin bring buy choose come find give go grow know sell send tell"
)
VERBISH_WORDS = AUXILIARIES | IRREGULAR_PAST | _COMPLEMENT_VERBS | SURE_PRESENT
PLURAL_WORDS = word_set("people police men women children both all")
# a text opening with one of these is a subordinate clause without its main clause
CLAUSE_ONLY = word_set("as although though because while whilst when if since unless whereas")
CLAUSE_OPENERS = word_set("that whether who which because although though while if when unless")
FINAL_ABBREVIATIONS = word_set("Inc. Co. Corp. Ltd. Jr. Sr. St. Bros.")


def is_honorific(word: str) -> bool:
    """A title before a name, capitalised: "Mr", "Dr.", "Gen", "Sir" (the personal titles
    sentence splitting knows, :data:`summarize.text.segment.TITLES`, and forms of address)."""
    return word[:1].isupper() and (word in ADDRESSES or word.removesuffix(".").lower() in TITLES)
