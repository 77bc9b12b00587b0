from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyline.model import Evidence
from storyline.present.highlight import anchor, evidence_anchor, pieces


def ev(text: str, start: int, end: int, doc: str = "d1") -> Evidence:
    return Evidence(doc=doc, start=start, end=end, text=text[start:end])


def test_marks_cited_spans_and_keeps_the_rest() -> None:
    text = "Alpha beta gamma delta"
    parts = pieces(text, [ev(text, 6, 10), ev(text, 17, 22)])
    assert "".join(p.text for p in parts) == text
    assert [(p.text, p.marked) for p in parts] == [
        ("Alpha ", False),
        ("beta", True),
        (" gamma ", False),
        ("delta", True),
    ]
    assert parts[1].anchors == ["ev-d1-6-10"]
    assert parts[0].anchors == []


def test_overlapping_and_nested_spans_each_get_an_anchor() -> None:
    text = "one two three four"
    outer, inner, tail = ev(text, 0, 13), ev(text, 4, 7), ev(text, 8, 18)
    parts = pieces(text, [tail, inner, outer])
    assert "".join(p.text for p in parts) == text
    anchors = [a for p in parts for a in p.anchors]
    assert sorted(anchors) == sorted(evidence_anchor(e) for e in (outer, inner, tail))
    assert all(p.marked for p in parts)


def test_out_of_range_spans_are_clipped_or_dropped() -> None:
    text = "short"
    parts = pieces(
        text,
        [
            Evidence(doc="d", start=3, end=99, text="x"),
            Evidence(doc="d", start=50, end=60, text="y"),
        ],
    )
    assert [(p.text, p.marked) for p in parts] == [("sho", False), ("rt", True)]
    assert pieces("", []) == []


def test_anchor_ids_are_safe_for_html() -> None:
    assert anchor("fig", "fig:ab12:3-9") == "fig-fig-ab12-3-9"
    assert anchor("x", 'a"b<c> d') == "x-a-b-c--d"


@given(
    st.text(max_size=60),
    st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70)), max_size=6),
)
def test_pieces_always_rebuild_the_text(text: str, bounds: list[tuple[int, int]]) -> None:
    spans = [Evidence(doc="d", start=min(a, b), end=max(a, b), text="") for a, b in bounds]
    parts = pieces(text, spans)
    assert "".join(p.text for p in parts) == text
    for p in parts:
        assert p.text != ""
