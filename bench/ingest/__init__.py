"""Benchmarks of ingest: what storyline keeps of a page."""
