from __future__ import annotations

import re
from html.parser import HTMLParser

from markupsafe import escape

from storyline.model import PLOVER_TYPES, Document, Evidence, ResolvedStory, TimelineEntry
from storyline.present.report import render_report
from storyline.present.report_view import build_view, event_groups, figure_value

URL_IN_DATA = "https://news.example/velmora?a=1&b=2"


class _Page(HTMLParser):
    """Collects what the assertions need: ids, local links, external references, marks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.sources: list[str] = []  # any attribute that could load something
        self.scripts = 0
        self.marks: list[str] = []
        self.conflict_rows: list[str] = []
        self._in_mark = False
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append(tag)
        if values.get("id"):
            self.ids.append(str(values["id"]))
        if tag == "a" and values.get("href") is not None:
            self.hrefs.append(str(values["href"]))
        for name in ("src", "srcset", "data", "action", "poster"):
            if name in values:
                self.sources.append(f"{tag}[{name}]")
        if tag == "link":
            self.sources.append("link")
        if tag == "script":
            self.scripts += 1
        if tag == "mark":
            self._in_mark = True
            self.marks.append("")
        if tag == "tr" and "conflict" in (values.get("class") or "").split():
            self.conflict_rows.append(str(values.get("id")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._in_mark = False

    def handle_data(self, data: str) -> None:
        if self._in_mark:
            self.marks[-1] += data


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def test_report_is_self_contained(story: ResolvedStory) -> None:
    html = render_report(story)
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert "http://" not in html
    assert "https://" not in html
    assert "<script src" not in html.lower()
    assert "@import" not in html
    assert "url(" not in html
    page = parse(html)
    assert page.sources == []
    assert page.scripts == 1
    assert all(h.startswith("#") for h in page.hrefs), "only in-page links"


def test_urls_only_appear_where_the_data_put_them(story: ResolvedStory) -> None:
    docs = [d.model_copy(update={"url": URL_IN_DATA}) for d in story.documents]
    html = render_report(story.model_copy(update={"documents": docs}))
    escaped = URL_IN_DATA.replace("&", "&amp;")
    assert escaped in html
    # Shown as text, never as a link the page would follow.
    assert f'href="{escaped}"' not in html
    stripped = html.replace(escaped, "")
    assert "http://" not in stripped
    assert "https://" not in stripped


def test_article_text_is_escaped_everywhere(story: ResolvedStory) -> None:
    html = render_report(story)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>Evil</b>" not in html
    assert "&lt;b&gt;Evil&lt;/b&gt; Outlet" in html
    assert "corpus/&lt;odd&gt;.txt" in html
    assert "Velmora &amp; the docks" in html
    assert "&lt;with flags&gt;" in html  # from an event summary
    page = parse(html)
    assert page.scripts == 1
    assert "b" not in page.tags


def test_timeline_summaries_appear_in_date_order(story: ResolvedStory) -> None:
    html = render_report(story)
    summaries = [e.summary for e in sorted(story.timeline, key=lambda e: e.date)]
    positions = [html.index(_escaped(s)) for s in summaries]
    assert positions == sorted(positions)
    assert "Timeline from 2024-03-05 to 2024-03-06" in html


def _escaped(text: str) -> str:
    return str(escape(text))


def test_every_local_link_has_a_target(story: ResolvedStory) -> None:
    page = parse(render_report(story))
    ids = set(page.ids)
    assert len(ids) == len(page.ids), "ids are unique"
    missing = [h for h in page.hrefs if h[1:] not in ids]
    assert missing == []
    # Citations point at the cited words, not just at the document.
    assert any(h.startswith("#ev-") for h in page.hrefs)


def test_cited_spans_are_marked_in_the_source_text(story: ResolvedStory) -> None:
    page = parse(render_report(story))
    for entry in story.timeline:
        for ev in entry.citations:
            assert ev.text in page.marks
    for figure in story.figures:
        assert figure.evidence.text in page.marks


def test_citation_with_wrong_offsets_is_flagged_not_marked(story: ResolvedStory) -> None:
    doc = story.documents[2]
    wrong = Evidence(doc=doc.id, start=0, end=5, text="docks")  # the words are elsewhere
    entry = TimelineEntry(
        date="2024-03-07",
        kind="event",
        summary="Misplaced citation",
        type="CONSULT",
        ref="ev:wrong",
        citations=[wrong],
        documents=[doc.id],
    )
    html = render_report(story.model_copy(update={"timeline": [*story.timeline, entry]}))
    page = parse(html)
    row = html[html.index("Misplaced citation") :]
    assert "offsets differ</span>" in row[: row.index("</li>\n")]
    assert "docks" not in page.marks
    assert f'href="#doc-{doc.id}"' in row


def test_conflicting_figures_are_highlighted(story: ResolvedStory) -> None:
    html = render_report(story)
    page = parse(html)
    view = build_view(story)
    conflicted = {f.anchor for f in view.figures if f.conflict_notes}
    assert len(conflicted) == 2
    assert set(page.conflict_rows) == conflicted
    assert "Where sources disagree" in html
    assert "the union counts 1 140" in html


def test_sections_show_entities_quotes_sources_and_rejections(story: ResolvedStory) -> None:
    html = render_report(story)
    view = build_view(story)
    # Entities: name, kind, aliases other than the name, mention counts.
    velmora = next(e for e in view.entities if e.name == "Velmora")
    assert (velmora.mentions, velmora.documents, velmora.aliases) == (3, 3, [])
    assert view.entities[0].name == "Velmora", "most mentioned first"
    assert "the chair, Council chair Ada Brenn" in html
    # Quotes: speaker resolved from the entity id.
    assert view.quotes[0].speaker == "Ada Brenn"
    assert "We will not wait any longer." in html
    # Sources: outlet, credits, dates with their basis, path.
    assert "2024-03-06 (2024-03-05 – 2024-03-07)" in html
    assert "inferred from other reports" in html
    assert "from the page&#39;s metadata" in html
    assert "AFP" in html
    assert "corpus/feed.jsonl#17" in html
    # Rejections with reasons.
    assert "corpus/photo.jpg" in html and "binary" in html and "not text (image/jpeg)" in html
    # Header counts and the title taken from the only story.
    assert "<title>Velmora docks reopen</title>" in html
    assert "<strong>3</strong> sources" in html


def test_title_argument_wins_and_is_escaped(story: ResolvedStory) -> None:
    html = render_report(story, title="Docks & <ports>")
    assert "<title>Docks &amp; &lt;ports&gt;</title>" in html


def test_empty_bundle_renders(empty_story: ResolvedStory) -> None:
    html = render_report(empty_story)
    assert "<title>Storyline report</title>" in html
    assert "No dated events or statements." in html
    assert "Every input was read." in html


def test_document_text_is_complete_in_the_report(story: ResolvedStory) -> None:
    doc = Document(id="d" * 16, source="s", text="Line one.\n\nLine <two> & three.")
    html = render_report(ResolvedStory(documents=[doc]))
    body = re.search(r'<div class="doctext">(.*?)</div>', html, re.S)
    assert body is not None
    assert body.group(1) == "Line one.\n\nLine &lt;two&gt; &amp; three."


def test_every_plover_type_has_exactly_one_colour_group() -> None:
    listed = [t for g in event_groups() for t in g.types]
    assert sorted(listed) == sorted(PLOVER_TYPES)
    assert all(g.label and g.description for g in event_groups())


def test_figure_values_read_naturally(story: ResolvedStory) -> None:
    by_value = {f.value: f for f in story.figures}
    assert figure_value(by_value[1200]) == "1,200"
    assert figure_value(by_value[1140]) == "about 1,140"
    ranged = by_value[1200].model_copy(update={"low": 1100.0, "high": 1300.0})
    assert figure_value(ranged) == "1,100–1,300"
    assert figure_value(by_value[1200].model_copy(update={"value": 2.5})) == "2.5"


def test_an_inferred_date_shows_why_and_a_document_without_outlet_its_file_name(
    story: ResolvedStory,
) -> None:
    doc_b = next(d for d in story.documents if d.published_basis == "inferred")
    plain = Document(id="0123456789abcdef", source="corpus/notes/visit.txt", text="A visit.")
    html = render_report(story.model_copy(update={"documents": [*story.documents, plain]}))
    source_b = html.split(f'id="doc-{doc_b.id}"', 1)[1].split("</article>", 1)[0]
    assert "Dated by" in source_b
    assert _escaped(doc_b.published_reasons[0]) in source_b
    source_plain = html.split('id="doc-0123456789abcdef"', 1)[1].split("</article>", 1)[0]
    assert "visit.txt" in source_plain
    assert "unknown outlet" not in source_plain
    assert "Dated by" not in source_plain


def test_an_event_shows_who_reported_it(story: ResolvedStory) -> None:
    ordered = story.in_contract_order()
    dated = next(e for e in ordered.events if e.id in {t.ref for t in story.timeline})
    teller = ordered.entities[0]
    told = dated.model_copy(update={"reported_by": teller.id})
    events = [told if e.id == dated.id else e for e in ordered.events]
    html = render_report(story.model_copy(update={"events": events}))
    assert _escaped(f"reported by {teller.name}") in html


def test_a_retelling_links_to_the_document_it_is_derived_from(story: ResolvedStory) -> None:
    [derivation] = story.derivations
    view = build_view(story)
    [row] = [s for s in view.sources if s.retells]
    assert row.anchor == f"doc-{derivation.doc}"
    assert row.retells[0][0] == f"doc-{derivation.derived_from}"
    assert row.draws_on == ["cites Harbor Wire"]
    html = render_report(story)
    assert f'Derived from</dt><dd><a href="#doc-{derivation.derived_from}">Harbor Wire</a>' in html


def test_a_figure_series_is_shown_with_each_point_linked_to_its_figure(
    story: ResolvedStory,
) -> None:
    from storyline.present.highlight import anchor
    from storyline.resolve.figure_series import figure_series
    from storyline.resolve.figures import own_context

    figures = [
        f.model_copy(update={"counts": "people killed", "value": 1000.0 + 500 * i, "as_of": day})
        for i, (f, day) in enumerate(
            zip(story.figures[:2], ("2024-03-05", "2024-03-06"), strict=True)
        )
    ]
    series = figure_series(figures, own_context(figures))
    assert series, "two tallies of one quantity make a series"
    changed = {f.id: f for f in figures}
    with_series = story.model_copy(
        update={"figures": [changed.get(f.id, f) for f in story.figures], "series": series}
    )
    html = render_report(with_series)
    page = parse(html)
    assert "Over time" in html
    assert f"<caption>{series[0].quantity}</caption>" in html
    for point in series[0].points:
        assert f"#{anchor('fig', point.figure)}" in page.hrefs
    assert [h for h in page.hrefs if h[1:] not in set(page.ids)] == []
