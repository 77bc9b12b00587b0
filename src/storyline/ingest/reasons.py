"""Why an input was rejected: the reason strings ingest uses, and the exception readers raise."""

from __future__ import annotations

from storyline.model import Rejection

# Every reason a Rejection from ingest can carry, with the one-line meaning the CLI documents.
REJECTION_REASONS: dict[str, str] = {
    "missing": "the path does not exist, or a glob pattern matched no file",
    "unreadable": "the file or directory could not be read (permissions, I/O error)",
    "too-large": "the input is larger than max_bytes (files are checked before reading)",
    "binary": "the content is not text (NUL or control bytes, compressed data)",
    "encoding": "the bytes could not be decoded as text in any likely encoding",
    "empty": "nothing but whitespace, or nothing left once page residue was removed",
    "malformed-html": "an HTML page from which no main text could be extracted",
    "bad-json": "a JSON Lines line (or JSON file) that is not valid JSON or not an object",
    "no-text": "a JSON record without a text field, or a WARC file without HTML records",
    "malformed-warc": "a WARC file that could not be parsed (records before the damage are kept)",
    "bad-archive": "a gzip or zip input that is damaged or truncated (articles before the damage "
    "are kept), a zip member that cannot be opened, or an archive inside an archive",
    "error": "an unexpected failure while reading this input (a bug worth reporting)",
}


class Rejected(Exception):
    """Raised inside ingest when an input cannot become a Document; never escapes ingest()."""

    def __init__(self, reason: str, detail: str = "") -> None:
        if reason not in REJECTION_REASONS:
            raise ValueError(f"unknown rejection reason {reason!r}")
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail

    def rejection(self, source: str) -> Rejection:
        return Rejection(source=source, reason=self.reason, detail=self.detail)
