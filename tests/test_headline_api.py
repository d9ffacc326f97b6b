"""The headline API: choosing, budgets, errors, the sample cluster and the digest's headline."""

from __future__ import annotations

import sys
import time

import pytest

from summarize import SummarizeError, build_document, summarize
from summarize.headline import (
    DEFAULT_BYTES,
    Headline,
    compress,
    headline,
)
from summarize.inputs.read import read_inputs
from summarize.options import DigestOptions
from summarize.text.tokens import tokenize

from .conftest import EVAL, SAMPLE
from .headline_texts import SENTENCES, words_from


def test_headline_without_a_title() -> None:
    result = headline(
        "MOSCOW (Reuters) - The minister, who flew in on Monday, resigned over the scandal, "
        "officials said. His deputy will take over until a new minister is named."
    )
    assert isinstance(result, Headline)
    assert result.text == "Minister resigned over scandal"
    assert result.source is not None and result.source.index == 0
    assert result.origin == "sentence"
    chosen = [c for c in result.candidates if c.fits and not c.reason]
    assert len(chosen) == 1 and chosen[0].text == result.text


def test_a_title_that_fits_is_kept_as_written() -> None:
    document = build_document(
        "Ferry line opens at the harbour\n\nA new ferry line opened at the harbour on Tuesday. "
        "It links the old town with the islands.",
        "a",
    )
    result = headline([document])
    assert result.text == "Ferry line opens at the harbour"
    assert result.origin == "title" and result.source is None
    assert result.as_dict()["source"] == {"document": "a", "title": True}


def test_a_very_long_sentence_takes_no_long_time() -> None:
    # the searches for a subject and its clauses stay near the start of the text
    text = " ".join(f"word{i % 997} in the town" for i in range(3000)) + " has grown."
    started = time.process_time()
    with pytest.raises(SummarizeError, match="no headline fits"):
        headline(text)
    assert time.process_time() - started < 5


def test_no_headline_fits() -> None:
    with pytest.raises(SummarizeError, match=r"^no headline fits in 8 bytes$"):
        headline(SENTENCES[2], bytes=8)


@pytest.mark.parametrize("bytes", [0, -3, 2.5, True])
def test_bad_budget(bytes: object) -> None:
    with pytest.raises(SummarizeError, match="bytes must be a whole number"):
        headline("Rebels seized the northern city after a week.", bytes=bytes)  # type: ignore[arg-type]


def test_bad_inputs() -> None:
    with pytest.raises(SummarizeError, match="no sentences"):
        headline("")
    with pytest.raises(SummarizeError, match="cannot make a headline of a int"):
        headline([3])  # type: ignore[list-item]


def test_as_dict_with_and_without_candidates() -> None:
    result = headline(SENTENCES[1])
    assert set(result.as_dict()) == {"headline", "source", "bytes"}
    data = result.as_dict(explain=True)
    assert data["source"] == {"document": "1", "index": 0}
    first = data["candidates"][0]  # type: ignore[index]
    assert set(first) == {
        "text",
        "original",
        "source",
        "score",
        "weight",
        "steps",
        "fits",
        "reason",
    }


def _sample_without_titles() -> list:
    documents = []
    for path in sorted(SAMPLE.glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n", 1)[1]  # the title line removed
        documents.append(build_document(body, path.name, detect_title=False))
    return documents


def _looks_like_a_headline(text: str, bytes: int = DEFAULT_BYTES) -> None:
    assert 0 < len(text.encode("utf-8")) <= bytes
    assert not text.endswith((".", ",", " of", " the", " to", " and"))
    assert text[0].isupper()
    assert "withdraw" in text.lower()


def test_sample_cluster_headline() -> None:
    ((documents,), _) = read_inputs([str(SAMPLE)])
    result = headline(documents.documents)
    _looks_like_a_headline(result.text)
    assert result.text == "Vladimir Putin considers withdrawing Russian troops from Syria"


@pytest.mark.parametrize("bytes", [50, 60, 75])
def test_sample_cluster_headline_without_titles(bytes: int) -> None:
    result = headline(_sample_without_titles(), bytes=bytes)
    _looks_like_a_headline(result.text, bytes)
    assert result.origin == "sentence"
    # subject, verb, object of one of the two leads (equal in score; the weight decides),
    # after the story's most repeated name that it lacks when that fits (a topic label)
    assert result.text.removeprefix("Syria: ").startswith(
        ("President Putin ordered withdrawal", "President Putin considered partial withdrawal")
    )


def test_digest_carries_the_headline() -> None:
    documents = _sample_without_titles()
    summary = summarize(documents)
    # made from the digest's own ranking: the same options give the same headline
    assert summary.headline == headline(documents, options=DigestOptions()).text
    assert summarize(documents, scorer="lead").headline == headline(documents).text
    assert summarize(documents, headline=False).headline is None


def test_every_scorer_gets_its_own_headline() -> None:
    # the digest's headline follows its scorer: lead takes a lead, lexrank-lead the most
    # central candidate
    documents = _sample_without_titles()
    by_lead = summarize(documents, scorer="lead").headline
    by_centrality = summarize(documents, scorer="lexrank-lead").headline
    assert by_lead and by_centrality and by_lead != by_centrality


def test_headline_follows_the_options() -> None:
    documents = _sample_without_titles()
    for scorer in ("lead", "lexrank-lead", "centroid"):
        options = DigestOptions(scorer=scorer)
        assert headline(documents, options=options).text == (
            summarize(documents, scorer=scorer).headline
        )


def test_a_paragraph_repeated_in_one_file_collapses() -> None:
    # issue #14 item 10: the repeat looked like boilerplate, and the headline had nothing left
    paragraph = (
        "The harbour board approved a second ferry pier on Thursday after a long debate. "
        "Work on the pier starts in May."
    )
    text = f"{paragraph}\n\n{paragraph}\n"
    assert summarize(text).sentences  # the digest works
    result = headline(text)
    assert result.text == "Harbour board approved second ferry pier after long debate"
    originals = [c.original for c in result.candidates]
    assert len(originals) == len(set(originals)) == 2  # each sentence once


def test_a_short_title_is_passed_over_for_its_length_in_words_not_bytes() -> None:
    # issue #14 item 13: a 13-byte title was said not to fit in 75 bytes
    document = build_document(
        "The harbour board approved a second ferry pier on Thursday after a long debate.",
        "a",
        title="Ferry pier",
    )
    result = headline([document])
    title = next(c for c in result.candidates if c.origin == "title")
    assert not title.fits
    assert title.reason == "too short for a headline: fewer than 3 words"
    assert "does not fit" not in title.reason


def test_chars_is_a_deprecated_name_for_bytes() -> None:
    text = SENTENCES[1]
    with pytest.warns(DeprecationWarning, match="bytes"):
        old = headline(text, chars=50)
    assert old == headline(text, bytes=50) and old.bytes == 50
    with pytest.warns(DeprecationWarning):
        assert old.chars == 50


def test_digest_without_a_fitting_headline_has_a_note_instead() -> None:
    text = '"We will win," she said. "We will win again," he said. "Never," they said.'
    summary = summarize(text)
    assert summary.headline is None
    assert any(note.startswith("no headline: ") for note in summary.notes)


@pytest.mark.skipif(not (EVAL / "bbc.jsonl").is_file(), reason="evaluation sets not present")
def test_headlines_of_real_articles_fit_and_keep_whole_words() -> None:
    from summarize.inputs.clusters import read_clusters

    for number, cluster in enumerate(read_clusters(EVAL / "bbc.jsonl")):
        if number == 40:
            break
        text = headline(cluster.documents).text
        assert 0 < len(text.encode("utf-8")) <= DEFAULT_BYTES
        assert not text.endswith(".") or text.endswith("..")
        allowed = words_from(set(tokenize(" ".join(d.text for d in cluster.documents))))
        assert all(t in allowed for t in tokenize(text)), text


def test_module_is_importable_by_name() -> None:
    # ``summarize.headline.api`` is the function; the module stays importable by its path
    assert callable(sys.modules["summarize"].headline)
    assert sys.modules["summarize.headline.api"].compress is compress
