"""Headlines: one short line for an article or a cluster."""
