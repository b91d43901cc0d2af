"""Reports: markdown for readers, JSON for scripts.  These modules read records only."""
