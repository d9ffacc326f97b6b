"""Rendering digests, headlines and evaluations: the only package that writes output.

``formats`` (the registry of output formats), ``digest`` and ``headline`` (their views in
every format), ``evaluation`` (tables, Markdown, CSV, JSON), ``plot``, ``files`` (atomic
writes, evaluation files), ``progress`` (the progress bar of long runs) and ``common``."""
