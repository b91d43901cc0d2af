"""Per-document extractors.  Each module reads a parsed document and returns records; none of
them imports another, so each can be read, tested and replaced on its own."""
