"""The compression rules, one pure function each (text in, text out; the text unchanged
when a rule does not apply), by kind."""

from summarize.headline.rules.attribution import drop_attribution
from summarize.headline.rules.clauses import (
    drop_appositives,
    drop_name_descriptors,
    drop_relative_clauses,
    drop_restrictive_clauses,
    drop_subject_phrases,
    drop_subordinate_clauses,
)
from summarize.headline.rules.filling import add_topic_label, append_next_phrase
from summarize.headline.rules.phrases import drop_leading_phrase, drop_time_expressions
from summarize.headline.rules.style import (
    drop_articles,
    drop_auxiliaries,
    drop_complementisers,
    drop_filler_adverbs,
    drop_possessive_determiners,
    shorten_names,
)
from summarize.headline.rules.trimming import (
    MAX_INNER_DROPS,
    drop_inner_phrases,
    drop_trailing_detail,
)
from summarize.headline.rules.verbs import use_headline_verbs, use_present_tense
from summarize.headline.rules.wire import drop_byline, drop_dateline, drop_parentheticals

__all__ = [
    "MAX_INNER_DROPS",
    "add_topic_label",
    "append_next_phrase",
    "drop_appositives",
    "drop_articles",
    "drop_attribution",
    "drop_auxiliaries",
    "drop_byline",
    "drop_complementisers",
    "drop_dateline",
    "drop_filler_adverbs",
    "drop_inner_phrases",
    "drop_leading_phrase",
    "drop_name_descriptors",
    "drop_parentheticals",
    "drop_possessive_determiners",
    "drop_relative_clauses",
    "drop_restrictive_clauses",
    "drop_subject_phrases",
    "drop_subordinate_clauses",
    "drop_time_expressions",
    "drop_trailing_detail",
    "shorten_names",
    "use_headline_verbs",
    "use_present_tense",
]
