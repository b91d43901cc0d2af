"""Cross-document comparison: facts, claims, vocabulary and stories."""
