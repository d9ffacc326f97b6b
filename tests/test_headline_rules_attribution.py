"""Headline rule: attributions."""

from __future__ import annotations

import pytest

from summarize.headline.rules.attribution import drop_attribution


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bridge will reopen in May, officials said.", "The bridge will reopen in May"),
        ("The plan will cost £2m, said a council spokesman.", "The plan will cost £2m"),
        ("The bridge will reopen, according to the city council.", "The bridge will reopen"),
        ("The plan, officials said, will cost millions.", "The plan will cost millions."),
        ("Officials said the bridge would reopen in May.", "The bridge would reopen in May."),
        # the speaker of "X said it would" becomes the subject
        ("The bank has said it will cut 200 jobs.", "The bank will cut 200 jobs."),
        # a named speaker stays: the headline needs the name
        ("Computer giant IBM says 500 patents will be freed.", None),
        # "claims" here is a noun, and "has denied" the verb
        ("Marlowe has denied claims that he knew about the scheme.", None),
        # the pronoun must be able to stand for the speaker
        ("Officials said he will resign.", None),  # "he" is not the officials
        ("Lawyers said it was vital for the files to be public.", None),  # the empty "it"
        ("The firm's chairman said he will step down.", None),  # "he" may be the firm's
        # an appositive between the speaker and the verb goes with the speaker
        (
            "Leeds's oldest bakery chain, Crumbworth, says it plans to open ten shops.",
            "Crumbworth plans to open ten shops.",
        ),
    ],
)
def test_drop_attribution(text: str, expected: str | None) -> None:
    assert drop_attribution(text) == (text if expected is None else expected)
