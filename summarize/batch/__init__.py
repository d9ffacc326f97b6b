"""Batch: many inputs summarized each on its own, in parallel, with resume."""
