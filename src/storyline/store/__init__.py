"""Persistent storage of documents, analyses and rejections (SQLite or PostgreSQL)."""

from storyline.store.store import Store

__all__ = ["Store"]
