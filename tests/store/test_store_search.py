from __future__ import annotations

from storyline.store import Store
from storyline.store.search import like_search, query_terms

PORT = "Ships waited outside the port of Tórshavn while the strike went on."
RAIN = "Heavy rain closed the mountain road; the strike was not mentioned."
TITLED = "The vote was delayed again."


def _fill(store: Store, make_item) -> dict[str, str]:
    ids = {}
    for name, text, title in [
        ("port", PORT, None),
        ("rain", RAIN, None),
        ("vote", TITLED, "Ferry strike"),
    ]:
        item = make_item(text, f"{name}.txt", title=title)
        store.add_document(item)
        ids[name] = item.document.id
    return ids


def test_search_finds_words(store: Store, make_item) -> None:
    ids = _fill(store, make_item)
    # SQLite searches an FTS5 index (this Python's SQLite has it), PostgreSQL a GIN index of
    # text search vectors, which does not fold diacritics.
    assert store.full_text_index
    assert store.search("ships") == [ids["port"]]
    if store.dialect == "sqlite":
        assert store.search("Torshavn") == [ids["port"]]  # diacritics folded
    assert store.search("Tórshavn") == [ids["port"]]
    assert store.search("Ship") == []  # whole words, not substrings
    assert sorted(store.search("strike")) == sorted(ids.values())  # title counts too
    assert store.search("strike mountain") == [ids["rain"]]  # every word must occur
    assert store.search("helicopter") == []
    assert store.search("strike", limit=1) and len(store.search("strike", limit=1)) == 1


def test_query_punctuation_cannot_break_fts(store: Store, make_item) -> None:
    ids = _fill(store, make_item)
    assert store.search('port" ("ships* -') == [ids["port"]]
    assert store.search("   ") == []
    assert query_terms("Khan Yunis's strike!") == ["Khan", "Yunis", "s", "strike"]


def test_like_fallback(store: Store, make_item) -> None:
    ids = _fill(store, make_item)
    with store._read() as conn:
        assert like_search(conn, ["SHIPS"], 20) == [ids["port"]]
        assert sorted(like_search(conn, ["strike"], 20)) == sorted(ids.values())
        assert like_search(conn, ["strike", "mountain"], 20) == [ids["rain"]]
        assert like_search(conn, ["100%"], 20) == []  # LIKE wildcards are escaped
        assert like_search(conn, [], 20) == []
