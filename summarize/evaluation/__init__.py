"""Evaluation: ROUGE, evaluation runs over sets, statistics and reports."""
