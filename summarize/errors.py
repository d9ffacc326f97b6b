"""The one exception type the toolkit raises for bad input; the CLI turns it into one line."""


class SummarizeError(Exception):
    """A problem with the input or the options, explained in one line for the user."""
