"""JSON Schemas (draft-07, what the VS Code YAML extension reads) generated from the models."""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from . import FOLDER_KINDS, LIST_KINDS, Settings

DRAFT = "http://json-schema.org/draft-07/schema#"
BASE_URL = "https://reformctl.invalid/schemas/"


def _draft07(schema: dict[str, Any], name: str, title: str) -> dict[str, Any]:
    defs = schema.pop("$defs", None)
    text = json.dumps(schema, ensure_ascii=False).replace("#/$defs/", "#/definitions/")
    out: dict[str, Any] = {"$schema": DRAFT, "$id": f"{BASE_URL}{name}.schema.json", "title": title}
    out.update(json.loads(text))
    out["title"] = title
    if defs:
        out["definitions"] = json.loads(json.dumps(defs, ensure_ascii=False).replace("#/$defs/", "#/definitions/"))
    return out


def generate() -> dict[str, dict[str, Any]]:
    """File name -> schema for every kind."""
    out: dict[str, dict[str, Any]] = {}
    out["settings.schema.json"] = _draft07(
        Settings.model_json_schema(), "settings", "reformctl.yaml: 台账设置 / ledger settings"
    )
    for kind in LIST_KINDS:
        assert kind.list_file is not None  # list kinds have one
        name = kind.list_file.removesuffix(".yaml")
        schema = TypeAdapter(list[kind.model]).json_schema()  # type: ignore[name-defined]  # a class chosen at run time
        out[f"{name}.schema.json"] = _draft07(schema, name, f"{kind.list_file}: {kind.name} list")
    for kind in FOLDER_KINDS:
        out[f"{kind.name}.schema.json"] = _draft07(
            kind.model.model_json_schema(), kind.name, f"{kind.folder}/<ID>.yaml: {kind.name}"
        )
    return out


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
