"""Batch: many inputs summarized each on its own, in parallel, with resume.

``plan`` (the batch and its inputs walked into tasks), ``engines`` (local worker processes,
Dask), ``sinks`` (folder and JSONL outputs) and ``run`` (:func:`~summarize.batch.run.run_batch`,
the workers' :func:`~summarize.batch.run.summarize_task`, the report)."""
