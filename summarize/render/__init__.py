"""Rendering digests, headlines and evaluations as rich, text, JSON and Markdown."""
