"""The committed JSON Schemas are what the models generate, and they accept the sample ledger."""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import REPO, SAMPLE
from reformctl.load import yamlread


def test_committed_schemas_match_models(cli):
    r = cli("schema", "--check", "--out", REPO / "schemas")
    assert r.exit_code == 0, f"schemas drifted; run `reformctl schema --out schemas`\n{r.stderr}"


def test_schema_check_detects_drift(cli, tmp_path):
    assert cli("schema", "--out", tmp_path).exit_code == 0
    p = tmp_path / "task.schema.json"
    p.write_text(p.read_text().replace('"title"', '"titel"', 1))
    r = cli("schema", "--check", "--out", tmp_path)
    assert r.exit_code == 1 and "task.schema.json" in r.stderr
    zh = cli("schema", "--check", "--out", tmp_path, env={"LANG": "zh_CN.UTF-8"})  # no --lang: the locale's
    assert zh.exit_code == 1 and "模式文件已过时：task.schema.json" in zh.stderr, zh
    wrote = cli("schema", "--out", tmp_path, env={"LANG": "zh_CN.UTF-8"}).stderr
    assert wrote.startswith(f"已将 {len(list(tmp_path.glob('*.json')))} 个模式文件写入"), wrote


def _schema(name):
    return json.loads((REPO / "schemas" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "folder,name",
    [
        ("tasks", "task"),
        ("plans", "plan"),
        ("pilots", "pilot"),
        ("notices", "notice"),
        ("events", "event"),
        ("reports", "report"),
    ],
)
def test_sample_files_validate_against_schema(folder, name):
    schema = _schema(f"{name}.schema.json")
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    validator = jsonschema.Draft7Validator(schema)
    files = sorted((SAMPLE / folder).glob("*.yaml"))
    assert files
    for f in files:
        data = yamlread.parse(f.read_text(encoding="utf-8"))
        errors = list(validator.iter_errors(data))
        assert not errors, (f, errors[0].message)


def test_schema_refuses_unknown_key():
    validator = jsonschema.Draft7Validator(_schema("task.schema.json"))
    data = {
        "id": "T-1",
        "title": "x",
        "lead_unit": "u",
        "start": "2016-07-01",
        "due": "2016-08-01",
        "status": "planned",
        "titel": "typo",
    }
    assert list(validator.iter_errors(data))


def test_every_sample_file_has_modeline():
    for f in SAMPLE.rglob("*.yaml"):
        first = f.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), f
        target = (f.parent / first.split("$schema=", 1)[1].strip()).resolve()
        assert target.is_file(), (f, target)
