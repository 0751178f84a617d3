"""All configuration, from environment variables with the KG_ prefix (documented in the README)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph_schema.embedded import EmbeddedConfig, EmbeddedServer
from graph_schema.graph import GraphConfig
from loaders.sources.fetch import FetchPolicy

# The schemes of the neo4j driver's Bolt protocol, which newsgraph speaks. The driver also takes
# http(s) URIs, for its HTTP query API; newsgraph does not use that (it needs aiohttp, which is
# not installed, and fails with an ImportError), so they are refused here with a sentence.
NEO4J_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KG_", extra="ignore")

    # The embedded ArcadeDB server (used unless KG_NEO4J_URI is set).
    data_dir: Path = Path("./data")
    bolt_port: int = Field(7687, ge=1, le=65535)
    arcadedb_http_port: int = Field(2480, ge=1, le=65535)
    database: str = "kg"
    arcadedb_heap: str = "1g"

    # An external Neo4j 5 server instead of the embedded one.
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("")
    neo4j_database: str = "neo4j"
    # A Neo4j user with only the reader role (Enterprise) for POST /query; unset, the
    # statements run as KG_NEO4J_USER in READ transactions, which Neo4j enforces.
    neo4j_query_user: str | None = None
    neo4j_query_password: SecretStr = SecretStr("")

    # Time budgets, in seconds. The write budget also bounds the embedded server's statements.
    read_timeout_s: float = Field(15.0, gt=0)
    write_timeout_s: float = Field(60.0, gt=0)

    # The HTTP service.
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    max_body_bytes: int = Field(5_000_000, gt=0)
    query_row_cap: int = Field(1000, gt=0)
    query_max_bytes: int = Field(10_000_000, gt=0)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    # Host headers the service answers to (comma list, "*" for any): a web page that rebinds
    # its own name to 127.0.0.1 sends its name, not these. Unset: loopback names and KG_HOST.
    allowed_hosts: str | None = None

    # Keys and limits (service.access, service.limits).
    reads_need_key: bool = False
    key_cache_s: float = Field(5.0, ge=0)
    writes_per_minute: int = Field(120, gt=0)
    queries_per_minute: int = Field(240, gt=0)
    expensive_reads_max: int = Field(2, gt=0)
    expensive_reads_wait_s: float = Field(5.0, ge=0)

    # POST /documents extracts in worker processes, never on the request threads.
    extract_workers: int = Field(1, gt=0)
    extract_queue: int = Field(4, ge=0)
    # Under this much free space on the embedded server's disk, writes answer 503
    # storage_full and /health says the disk is full.
    min_free_disk_mb: int = Field(64, ge=0)

    # Fetching pages and feeds (kg ingest URL, --feed, kg watch, POST /documents {"url"}).
    fetch_timeout_s: float = Field(10.0, gt=0)
    fetch_max_bytes: int = Field(5_000_000, gt=0)
    fetch_max_redirects: int = Field(5, ge=0, le=20)
    # POST /documents {"url"} fetches what a client names: only public addresses unless this
    # is set (the command line, run by the machine's own user, fetches any address).
    fetch_allow_private: bool = False

    # Statistical spaCy pipelines (package name or path; "none" to disable) used as an extra
    # extraction signal. Unset: an installed de_core_news_*/en_core_web_*/ru_core_news_* is used.
    spacy_model_de: str | None = None
    spacy_model_en: str | None = None
    spacy_model_ru: str | None = None

    @field_validator("log_level", mode="before")
    @classmethod
    def _log_level(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("neo4j_uri")
    @classmethod
    def _neo4j_uri(cls, value: str | None) -> str | None:
        if not value:
            return None
        scheme = urlsplit(value).scheme.lower()
        if scheme not in NEO4J_SCHEMES or "://" not in value:
            raise ValueError(
                f"{value!r} is no Bolt address: the scheme must be one of "
                f"{', '.join(NEO4J_SCHEMES)} (e.g. bolt://localhost:7687)"
            )
        return value

    @field_validator("data_dir")
    @classmethod
    def _data_dir(cls, value: Path) -> Path:
        if value.exists() and not value.is_dir():
            raise ValueError(f"{str(value)!r} is a file, not a folder")
        return value

    def host_names(self) -> frozenset[str] | None:
        """Allowed Host names (no port, lower case); None: any host."""
        if self.allowed_hosts is not None:
            names = {n.strip().lower() for n in self.allowed_hosts.split(",") if n.strip()}
            return None if "*" in names else frozenset(names)
        return frozenset({"localhost", "127.0.0.1", "::1", self.host.lower()})

    @property
    def uses_neo4j(self) -> bool:
        return bool(self.neo4j_uri)

    def embedded_config(self) -> EmbeddedConfig:
        return EmbeddedConfig(
            data_dir=self.data_dir,
            bolt_port=self.bolt_port,
            http_port=self.arcadedb_http_port,
            database=self.database,
            heap=self.arcadedb_heap,
            command_timeout_ms=int(self.write_timeout_s * 1000),
        )

    def graph_config(self, embedded: EmbeddedServer | None = None) -> GraphConfig:
        """The Neo4j server of KG_NEO4J_*, else the embedded server's (given)."""
        if self.neo4j_uri:
            return GraphConfig(
                uri=self.neo4j_uri,
                user=self.neo4j_user,
                password=self.neo4j_password.get_secret_value(),
                database=self.neo4j_database,
                read_timeout_s=self.read_timeout_s,
                write_timeout_s=self.write_timeout_s,
                query_user=self.neo4j_query_user or None,
                query_password=self.neo4j_query_password.get_secret_value(),
            )
        if embedded is None:
            raise ValueError("the embedded server is needed when KG_NEO4J_URI is not set")
        return embedded.graph_config(
            read_timeout_s=self.read_timeout_s,
            write_timeout_s=self.write_timeout_s,
            min_free_mb=self.min_free_disk_mb,
        )

    def fetch_policy(self, *, for_service: bool = False) -> FetchPolicy:
        return FetchPolicy(
            timeout_s=self.fetch_timeout_s,
            max_bytes=self.fetch_max_bytes,
            max_redirects=self.fetch_max_redirects,
            allow_private=self.fetch_allow_private or not for_service,
        )

    def spacy_models(self) -> dict[str, str | None]:
        """Per language: "auto" (unset: the pack's default model), "on" (the pack's model), a
        spaCy package or path, or None ("none"/"off": the rule-based pipeline alone)."""
        chosen = {"de": self.spacy_model_de, "en": self.spacy_model_en, "ru": self.spacy_model_ru}
        return {
            lang: None if (value or "").lower() in ("none", "off") else (value or "auto")
            for lang, value in chosen.items()
        }


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
