"""What the key endpoints accept and answer."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from service.auth import Role


class ApiKeyInfo(BaseModel):
    """A key as it is listed: never the key itself, which only its creation answers."""

    name: str = Field(examples=["analyst-1"])
    role: Role
    prefix: str = Field(description="the key's first characters", examples=["kg_3f2a9c"])
    created_at: str = Field(examples=["2024-06-11T10:15:00Z"])


class NewApiKey(ApiKeyInfo):
    key: str = Field(description="the key; shown this once, stored only as a hash")


class ApiKeyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Role
    name: str | None = Field(
        None, min_length=1, max_length=64, description="unique; made from the key when absent"
    )
