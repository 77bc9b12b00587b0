"""bench/timex/meantime_reader.py rebuilds a MEANTIME article from its tokens and puts the gold
TIMEX3 on that text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bench.timex.meantime import DATA as MEANTIME
from bench.timex.meantime_reader import load_meantime, read_meantime
from tests.shared_data import require_shared


def _tokens(sentences: list[list[str]]) -> str:
    lines, t_id = [], 0
    for sentence, words in enumerate(sentences):
        for word in words:
            t_id += 1
            lines.append(
                f'<token t_id="{t_id}" sentence="{sentence}" number="{t_id - 1}">{word}</token>'
            )
    return "\n".join(lines)


HEADLINE = ["Harbour", "board", "delays", "ferry", "tender"]
DATE_LINE = ["March", "04", ",", "2011"]
# The body as MEANTIME tokenises it: clitics, brackets and PTB quotes split off.
BODY = " ".join(
    [
        "The board 's chair ( a former pilot ) said `` not yet '' , and the vote was moved",
        "to next Tuesday . It did n't say why .",
    ]
).split(" ")
# t_ids: headline 1-5, date line 6-9, the body from 10.
NEXT, TUESDAY = 10 + BODY.index("next"), 10 + BODY.index("Tuesday")


def _cat_xml(creation_value: str = "2011-03-04", creation_anchors: str = "6 7 8 9") -> str:
    anchors = "".join(f'<token_anchor t_id="{t}"/>' for t in creation_anchors.split())
    return f"""<?xml version="1.0" ?>
<Document doc_id="1" doc_name="sample" lang="en" url="http://example.org/sample">
{_tokens([HEADLINE, DATE_LINE, BODY])}
<Markables>
<TIMEX3 m_id="20" type="DATE" value="{creation_value}" functionInDocument="CREATION_TIME"
 anchorTimeID="" beginPoint="" endPoint="" comment="">{anchors}</TIMEX3>
<TIMEX3 m_id="21" type="DATE" value="2011-03-08" functionInDocument="NONE" anchorTimeID="20"
 beginPoint="" endPoint="" comment=""><token_anchor t_id="{NEXT}"/><token_anchor t_id="{TUESDAY}"/>
</TIMEX3>
<TIMEX3 m_id="22" type="DATE" value="2011-03-01" functionInDocument="NONE" anchorTimeID="20"
 beginPoint="" endPoint="" comment="" TAG_DESCRIPTOR="a helper point"/>
<ENTITY_MENTION m_id="23"><token_anchor t_id="11"/></ENTITY_MENTION>
</Markables>
</Document>
"""


def _write(tmp_path: Path, xml: str) -> Path:
    folder = tmp_path / "corpus_airbus"
    folder.mkdir(exist_ok=True)
    path = folder / "1_sample.xml"
    path.write_text(xml, encoding="utf-8")
    return path


def test_text_reads_like_an_article(tmp_path: Path) -> None:
    doc = read_meantime(_write(tmp_path, _cat_xml()))
    assert doc.text == (
        "Harbour board delays ferry tender\n\nMarch 04, 2011\n\n"
        'The board\'s chair (a former pilot) said "not yet", and the vote was moved to next '
        "Tuesday. It didn't say why."
    )
    assert doc.name == "airbus/1_sample.xml"


def test_timexes_sit_on_their_words_and_the_empty_markable_is_skipped(tmp_path: Path) -> None:
    doc = read_meantime(_write(tmp_path, _cat_xml()))
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("March 04, 2011", "DATE", "2011-03-04"),
        ("next Tuesday", "DATE", "2011-03-08"),
    ]
    for timex in doc.timexes:
        assert doc.text[timex.start : timex.end] == timex.text
    assert doc.dct == "2011-03-04"


def test_creation_time_without_anchors_is_the_dct_but_not_gold(tmp_path: Path) -> None:
    doc = read_meantime(_write(tmp_path, _cat_xml("2011-03-05", creation_anchors="")))
    assert doc.dct == "2011-03-05"
    assert [t.text for t in doc.timexes] == ["next Tuesday"]


def test_a_malformed_creation_time_falls_back_to_the_date_line(tmp_path: Path) -> None:
    doc = read_meantime(_write(tmp_path, _cat_xml("04-03-2011")))
    assert doc.dct == "2011-03-04"
    assert doc.timexes[0].value == "2011-03-04"


def test_a_cut_that_would_drop_gold_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, _cat_xml())
    assert read_meantime(path, sentences=None).text.endswith("didn't say why.")
    with pytest.raises(ValueError):
        read_meantime(path, sentences=2)


def test_real_meantime_gold_matches_its_tokens() -> None:
    require_shared(MEANTIME)
    documents = load_meantime(MEANTIME)
    assert len(documents) == 90
    assert all(doc.dct and len(doc.dct) == 10 for doc in documents)
    first = sorted((MEANTIME / "intra_cross-doc_annotation" / "corpus_airbus").glob("*.xml"))[0]
    root = ET.parse(first).getroot()
    words = {t.attrib["t_id"]: t.text or "" for t in root.iter("token")}
    anchored = [
        "".join(words[a.attrib["t_id"]] for a in markable.iter("token_anchor"))
        for markable in root.iter("TIMEX3")
    ]
    doc = documents[0]
    # Independently of the reader's spacing: the timex text is its tokens, spaces aside.
    assert sorted(t.text.replace(" ", "") for t in doc.timexes) == sorted(a for a in anchored if a)
    for document in documents:
        for timex in document.timexes:
            assert document.text[timex.start : timex.end] == timex.text
            assert timex.text.strip() == timex.text and timex.text
