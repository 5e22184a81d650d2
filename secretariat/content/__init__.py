"""What the content apps share: rich text, tags, feeds, list filters, pagination, JSONL, merging."""
