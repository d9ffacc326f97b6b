"""The digest: documents in, one ranked and selected summary out."""
