"""Figures the source document gives are labelled as its own; figures it does not give are labelled as the
tool's choice, wherever a default is shown (init template, settings schema, assess --help)."""

from __future__ import annotations

import json
import re

from conftest import REPO

SEED = ("update_interval_months", "pilot_term_months", "pilot_max_months")
TOOL = ("report_due_days", "pilot_filing_days", "due_soon_days", "year_grace_days", "docking_days")


def test_init_template_says_whose_figure_each_default_is(cli, tmp_path):
    led = tmp_path / "l"
    assert cli("init", led, "--name", "某区改革台账", "--level", "district", "--start", "2025-01-01").exit_code == 0
    text = (led / "reformctl.yaml").read_text(encoding="utf-8")
    assert "来自《实施意见》）" not in text  # the old header claimed every default was the seed's
    for key in SEED:
        assert re.search(rf"^  {key}: \d+ +# .*原文数值", text, re.M), key
    for key in TOOL:
        assert re.search(rf"^  {key}: \d+ +# .*本工具默认值", text, re.M), key


def test_settings_schema_descriptions_say_whose_figure():
    schema = json.loads((REPO / "schemas" / "settings.schema.json").read_text(encoding="utf-8"))
    text = json.dumps(schema, ensure_ascii=False)
    assert "defaults from the seed" not in text and "默认值来自原文" not in text
    found = {}

    def walk(node):
        if isinstance(node, dict):
            for k, v in (node.get("properties") or {}).items():
                if isinstance(v, dict) and "description" in v:
                    found.setdefault(k, v["description"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(schema)
    for key in SEED:
        assert "seed's figure" in found[key] and "原文数值" in found[key], (key, found[key])
    for key in TOOL:
        assert "tool's choice" in found[key] and "本工具" in found[key], (key, found[key])


def test_assess_points_are_the_tools_choice(cli):
    r = cli("assess", "--help")
    assert "tool's choice" in " ".join(r.stdout.split())
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert "The 3, 2 and 1 points are the tool's choice" in readme
