"""The report file: one page, the story embedded once as escaped JSON, an app script the page's
policy allows and nothing else. What the page shows is tested in Chromium
(test_report_browser.py); here, what it is made of."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest

from storyline.model import PLOVER_TYPES, Document, ResolvedStory, TimelineEntry
from storyline.present.export import TABLES
from storyline.present.report import APP_SCRIPTS, app_script, asset, render_report, report_data
from storyline.present.report_view import event_groups, figure_value, time_span

URL_IN_DATA = "https://news.example/velmora?a=1&b=2"
BREAKOUTS = ("</script><script>alert(1)</script>", "<!--", "\u2028", "<script>", "]]>")


class _Page(HTMLParser):
    """The page as a browser's parser sees it: its elements and each script's content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def embedded(html: str) -> Any:
    """The data the page carries, decoded as its boot script decodes it."""
    [(attrs, text)] = [s for s in parse(html).scripts if s[0].get("id") == "storyline-data"]
    assert attrs.get("type") == "application/json"
    if attrs.get("data-encoding") == "gzip-base64":
        return json.loads(gzip.decompress(base64.b64decode(text)))
    assert attrs.get("data-encoding") == "json"
    return json.loads(text)


def hostile(story: ResolvedStory) -> ResolvedStory:
    """The story with every break-out string in a title, an outlet and a text."""
    junk = " ".join(BREAKOUTS)
    docs = [
        d.model_copy(update={"title": junk, "outlet": junk, "text": d.text + " " + junk})
        for d in story.documents
    ]
    return story.model_copy(update={"documents": docs})


def test_report_is_one_self_contained_page(story: ResolvedStory) -> None:
    html = render_report(story)
    assert html.lstrip().lower().startswith("<!doctype html>")
    # The SVG namespace is a name, not an address anything loads.
    addresses = html.replace('"http://www.w3.org/2000/svg"', "")
    assert "http://" not in addresses
    assert "https://" not in addresses
    assert "@import" not in html
    assert "url(" not in html
    page = parse(html)
    loaders = [
        (tag, name)
        for tag, attrs in page.tags
        for name in ("src", "srcset", "href", "data", "action", "poster")
        if name in attrs
    ]
    assert loaders == []
    assert [tag for tag, _ in page.tags if tag in {"link", "iframe", "img", "object"}] == []
    assert len(page.scripts) == 2, "the data and the app"


def test_the_page_policy_runs_only_the_app_script(story: ResolvedStory) -> None:
    html = render_report(story)
    page = parse(html)
    [policy] = [
        a["content"]
        for t, a in page.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert policy is not None
    assert "default-src 'none'" in policy
    [(_, app)] = [s for s in page.scripts if "id" not in s[0]]
    assert app == app_script()
    digest = base64.b64encode(hashlib.sha256(app.encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
    assert "unsafe-inline" not in policy.split("style-src")[0], "no inline script but the app"


def test_the_views_and_their_stylesheet_are_served_by_name_only() -> None:
    assert app_script() == "\n".join(asset(name) for name in APP_SCRIPTS)
    assert "EmbeddedSource" in asset("report_source.js") and ":root" in asset("report.css")
    with pytest.raises(KeyError):
        asset("../report.py")


def test_the_data_is_the_export_records_plus_timeline_and_labels(story: ResolvedStory) -> None:
    data = embedded(render_report(story))
    assert data == report_data(story)
    assert data["schema"] == "storyline/1"
    assert set(TABLES) - set(data) == {"times"}, "every table the views read"
    assert len(data["documents"]) == 3 and all(d["text"] for d in data["documents"])
    assert [e["date"] for e in data["timeline"]] == sorted(e.date for e in story.timeline)
    view = data["view"]
    assert view["title"] == "Velmora docks reopen"
    assert view["span"]["start"] == "2024-03-05" and view["span"]["end"] == "2024-03-06"
    inferred = next(d for d in story.documents if d.published_basis == "inferred")
    assert view["documents"][inferred.id] == {
        "outlet": "Coastal Times",
        "published": "2024-03-06 (2024-03-05 – 2024-03-07)",
        "basis": "inferred from other reports",
        "day": "2024-03-06",
    }
    plain = next(d for d in story.documents if d.outlet and "Evil" in d.outlet)
    assert view["documents"][plain.id]["published"] == "undated"
    assert sorted(view["figures"].values()) == ["1,200", "about 1,140"]


def test_no_string_in_the_data_can_leave_its_script_element(story: ResolvedStory) -> None:
    bad = hostile(story)
    html = render_report(bad)
    page = parse(html)
    assert len(page.scripts) == 2
    for breakout in BREAKOUTS:
        assert breakout not in html.split('id="storyline-data"', 1)[1].split("</script>", 1)[0]
    assert "<!--" not in html
    assert embedded(html) == report_data(bad), "escaped, the data reads back unchanged"


def test_a_large_story_is_embedded_gzipped_and_reads_back_the_same(story: ResolvedStory) -> None:
    bad = hostile(story)
    html = render_report(bad, compress=True)
    assert 'data-encoding="gzip-base64"' in html
    assert embedded(html) == report_data(bad)
    assert re.search(r'id="storyline-data"[^>]*>[A-Za-z0-9+/=]+</script>', html)


def test_urls_stay_data_never_links(story: ResolvedStory) -> None:
    docs = [d.model_copy(update={"url": URL_IN_DATA}) for d in story.documents]
    html = render_report(story.model_copy(update={"documents": docs}))
    assert 'href="' not in html
    assert URL_IN_DATA.replace("&", "\\u0026") in html


def test_title_argument_wins_and_is_escaped(story: ResolvedStory) -> None:
    html = render_report(story, title="Docks & <ports>")
    assert "<title>Docks &amp; &lt;ports&gt;</title>" in html
    assert embedded(html)["view"]["title"] == "Docks & <ports>"


def test_empty_story_renders(empty_story: ResolvedStory) -> None:
    html = render_report(empty_story)
    assert "<title>Storyline report</title>" in html
    data = embedded(html)
    assert data["timeline"] == [] and data["documents"] == []
    assert data["view"]["span"]["start"] is None


def _entry(date: str) -> TimelineEntry:
    return TimelineEntry(
        date=date, kind="event", summary="x", ref=f"ev:{date}", citations=[], documents=[]
    )


def test_a_year_read_from_a_house_number_does_not_stretch_the_span(story: ResolvedStory) -> None:
    odd = story.model_copy(
        update={"timeline": [*story.timeline, _entry("1119"), _entry("2031-05")]}
    )
    span = time_span(odd)
    assert (span["start"], span["end"]) == ("2024-03-05", "2024-03-06")
    assert span["outside"] == 2
    assert span["outside_dates"] == ["1119", "2031-05"]
    assert span["basis"] == "publication dates"
    # What happened a month before the first report still counts; a year before does not.
    recent = [_entry("2024-02-01"), _entry("2023-03")]
    spanned = time_span(story.model_copy(update={"timeline": [*story.timeline, *recent]}))
    assert (spanned["start"], spanned["outside_dates"]) == ("2024-02-01", ["2023-03"])


def test_without_publication_dates_the_bulk_of_the_timeline_sets_the_span() -> None:
    doc = Document(id="d" * 16, source="s", text="t")
    dates = ["1119", "2020-01-02", "2020-01-05", "2020-02-01", "2020-03-01", "XXXX-10-07"]
    span = time_span(ResolvedStory(documents=[doc], timeline=[_entry(d) for d in dates]))
    assert (span["start"], span["end"], span["outside"]) == ("2020-01-02", "2020-03-01", 1)
    assert span["basis"] == "timeline dates"


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
