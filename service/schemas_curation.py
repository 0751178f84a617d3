"""What the curation endpoints accept and answer."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Reason = Field(
    min_length=1,
    max_length=500,
    description="why: kept in the change log and the audit",
    examples=["same plant: BYD's Jizzakh factory"],
)


class MergeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    into: str = Field(
        min_length=1,
        description="the surviving entity's id, or its whole name or alias",
        examples=["org:byd"],
    )
    reason: str = Reason


class SplitIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[str] = Field(
        min_length=1,
        max_length=1000,
        description="ids of the documents whose mentions move to the new entity",
    )
    name: str | None = Field(
        None,
        min_length=1,
        max_length=200,
        description="the new entity's name (its id is made from it); absent: the same name",
    )
    reason: str = Reason


class RenameIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200, examples=["BYD Uzbekistan"])
    reason: str = Reason


class ChangeOut(BaseModel):
    """One curation change: what, when, why, by which key, and whether it was undone."""

    id: str = Field(examples=["chg-20241203T091500-3f2a9c0d"])
    kind: Literal["merge", "split", "rename"]
    at: str = Field(description="UTC, ISO 8601")
    actor: str = Field(description="the key's name")
    role: str | None = None
    reason: str
    entities: list[str] = Field(description="the entities it touched (merged, survivor, new)")
    documents: list[str] = Field(
        default_factory=list, description="the documents whose mentions moved"
    )
    summary: str
    undone_at: str | None = None
    undone_by: str | None = None


class CandidateDocument(BaseModel):
    id: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    lang: str | None = None
    forms: list[str] = Field(default_factory=list, description="how this text names it")
    sentences: list[str] = Field(
        default_factory=list, description="sentences of this text about it"
    )


class CandidateSide(BaseModel):
    id: str
    name: str
    type: str
    subtype: str | None = None
    aliases: list[str] = Field(default_factory=list)
    titles: list[str] = Field(default_factory=list)
    doc_count: int = 0
    mention_count: int = 0
    documents: list[CandidateDocument] = Field(
        default_factory=list, description="its newest documents (at most 5)"
    )


class CandidateOut(BaseModel):
    """Two entities linking found alike but not alike enough to merge by itself."""

    id: str = Field(examples=["org:byd|org:byd-uzbekistan"])
    score: float = Field(description="linking's score, 0..1 (merging at 0.75 and above)")
    reason: str = Field(description="what linking found alike")
    doc_ids: list[str] = Field(default_factory=list, description="documents that raised it")
    created_at: str | None = None
    a: CandidateSide
    b: CandidateSide
