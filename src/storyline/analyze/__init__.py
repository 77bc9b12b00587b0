"""Per-document analysis: pure functions of one document and its spaCy parse."""
