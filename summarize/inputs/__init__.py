"""Reading inputs: decoding bytes, input formats (text, Markdown, HTML), fetching URLs,
and the JSONL cluster format."""
