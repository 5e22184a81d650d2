"""What the content apps share: rich text, languages, links, tags, list filters,
pagination, JSONL, merging."""
