"""Evaluation: ROUGE (``rouge``), runs over evaluation sets (``run``), their settings and
results (``results``) and the paired bootstrap (``statistics``)."""
