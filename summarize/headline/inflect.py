"""Lemmas and inflections of English verbs and nouns from ``lemminflect`` (its data ships in
the wheel: nothing is fetched), loaded on first use and cached: the present-tense rewrite
(:func:`~summarize.headline.rules.verbs.use_present_tense`) and the test of number
agreement (:func:`~summarize.headline.grammar.agreement_broken`) read them in place of
hand-kept tables of verb forms."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def verb_lemma(word: str) -> str | None:
    """The verb a lower-case word is a form of (``"rose"`` -> ``"rise"``), None when
    ``lemminflect`` knows it as no verb."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word).get("VERB")
    return lemmas[0] if lemmas else None


@lru_cache(maxsize=4096)
def verb_form(base: str, tag: str) -> str | None:
    """One form of a verb by its Penn tag (``VBZ``, ``VBP``, ``VBD``, ``VBN``), None when
    unknown."""
    from lemminflect import getInflection

    forms = getInflection(base, tag)
    return forms[0] if forms else None


@lru_cache(maxsize=4096)
def is_past_of(word: str, base: str) -> bool:
    """``word`` is the simple past of ``base`` (``"rose"``, ``"rise"``)."""
    from lemminflect import getInflection

    return word in getInflection(base, "VBD")


@lru_cache(maxsize=4096)
def is_participle_of(word: str, base: str) -> bool:
    """``word`` is the past participle of ``base`` (``"taken"``, ``"take"``)."""
    from lemminflect import getInflection

    return word in getInflection(base, "VBN")


def present(base: str, plural: bool) -> str:
    """The present tense of ``base`` agreeing with a third-person subject: ``"rise"`` /
    ``"rises"``."""
    return verb_form(base, "VBP" if plural else "VBZ") or base


@lru_cache(maxsize=4096)
def is_plural_noun(word: str) -> bool:
    """A lower-case common noun in the plural (``"officials"``, ``"children"``; not
    ``"news"``, ``"series"``, ``"official"``)."""
    from lemminflect import getAllLemmas, getInflection

    lemmas = getAllLemmas(word).get("NOUN")
    if not lemmas or word in lemmas:
        return False  # unknown, or its own lemma ("news", "series", "police" below)
    return any(word in getInflection(lemma, "NNS") for lemma in lemmas)


def present_agrees(verb: str, plural: bool) -> bool:
    """Whether a present-tense verb agrees with a third-person subject of that number:
    ``"says"`` with a singular one, ``"say"`` with a plural one. Words that are no present
    verb agree with anything."""
    lemma = verb_lemma(verb)
    if lemma is None or lemma in ("be", "have"):
        return True
    if verb == verb_form(lemma, "VBZ") and verb != verb_form(lemma, "VBP"):
        return not plural
    if verb == lemma:
        return plural
    return True


@lru_cache(maxsize=4096)
def known_noun(word: str) -> bool:
    """Whether ``lemminflect`` knows the lower-case word as a noun."""
    from lemminflect import getAllLemmas

    return "NOUN" in getAllLemmas(word)


def load_tables() -> None:
    """Load lemminflect's tables now (about a second) rather than on the first headline that
    needs them: a batch does it before forking its workers, which then share them."""
    from lemminflect import getAllLemmas, getInflection

    getAllLemmas("officials", upos="NOUN")
    getAllLemmas("said", upos="VERB")
    getInflection("say", tag="VBZ")
