"""Plain-text files: decoding, whitespace, ids."""

from __future__ import annotations

import codecs
from pathlib import Path

from storyline.config import Config
from storyline.ingest import ingest
from storyline.model import Document, Ingested, Rejection, document_id, sha256_hex

ARTICLE = (
    "The river rose above its banks on Monday night, flooding two villages.\r\n"
    "\r\n\r\n\r\n"
    "Rescue teams   reached the last stranded families by boat on Tuesday.   \r\n"
    "Officials said no one was hurt.\r\n"
)


def one_document(path: Path, config: Config | None = None) -> Document:
    [result] = list(ingest([str(path)], config or Config()))
    assert isinstance(result, Ingested), result
    return result.document


def test_plain_text_is_normalized(tmp_path: Path) -> None:
    path = tmp_path / "flood.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    doc = one_document(path)
    assert doc.text == (
        "The river rose above its banks on Monday night, flooding two villages.\n"
        "\n"
        "Rescue teams reached the last stranded families by boat on Tuesday.\n"
        "Officials said no one was hurt."
    )
    assert doc.source == str(path)
    assert doc.id == document_id(doc.text)
    assert doc.raw_ref == sha256_hex(path.read_bytes())
    assert doc.title is None  # a long first sentence is not a headline


def test_same_article_gets_same_id_whatever_the_bytes(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_bytes(ARTICLE.encode("utf-8"))
    second = tmp_path / "b.txt"
    second.write_bytes(codecs.BOM_UTF8 + ARTICLE.replace("\r\n", "\n").encode("utf-8"))
    one, two = (one_document(first), one_document(second))
    assert one.id == two.id
    assert one.raw_ref != two.raw_ref


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + "Café owners met on Friday.".encode())
    assert one_document(path).text == "Café owners met on Friday."


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    text = "Négociations à Genève : les délégués se sont retrouvés mardi."
    path.write_bytes(text.encode("utf-16"))  # writes a BOM
    assert one_document(path).text == text


def test_cp1252_text(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    text = "The naïve café owner’s “deal” – signed in São Paulo – was final."
    path.write_bytes(text.encode("cp1252"))
    assert one_document(path).text == text


def test_non_latin_single_byte_text_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "cyrillic.txt"
    text = "Президент заявил, что переговоры продолжатся в среду в Каире, сообщили источники."
    path.write_bytes(text.encode("cp1251"))
    assert one_document(path).text == text


def test_residue_is_removed_from_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "Top of page\n\nThe mill reopened on Monday after a year of repairs.\n\n"
        "Advertisement\n\nWorkers returned to the looms the same day.\n\n"
        "Subscribe to our newsletter\n\nBottom of page\n",
        encoding="utf-8",
    )
    doc = one_document(path)
    assert doc.text == (
        "The mill reopened on Monday after a year of repairs.\n\n"
        "Workers returned to the looms the same day."
    )


def test_residue_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "widgets.txt"
    path.write_text("Newsletter signup\n\nPlease wait...\n\nThank you for sign up!\n")
    [result] = list(ingest([str(path)], Config()))
    assert isinstance(result, Rejection)
    assert result.reason == "empty"
