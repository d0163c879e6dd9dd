"""The labels of `schedule`, `cases`, `assess` and `accountability` (tables, Markdown, the assess --write
messages) in Simplified Chinese and English, pinned byte for byte on the sample ledger: the labels live in
reformctl/i18n/__init__.py, and moving them there must not change a character of the output.

Regenerate (only when a change of output is intended, and review the diff): REFORMCTL_REGEN_GOLDEN=1 pytest
tests/test_programme_labels.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import SAMPLE

GOLDEN = Path(__file__).resolve().parent / "golden" / "programme"
REGEN = os.environ.get("REFORMCTL_REGEN_GOLDEN") == "1"
ENV = {"COLUMNS": "200", "NO_COLOR": "1"}

VIEWS = {
    "schedule": ("schedule",),
    "cases": ("cases",),
    "cases-markdown": ("cases", "--markdown", "-"),
    "assess": ("assess",),
    "accountability": ("accountability",),
}


def _compare(name: str, text: str) -> None:
    path = GOLDEN / name
    if REGEN:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run with REFORMCTL_REGEN_GOLDEN=1 once"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("view", sorted(VIEWS))
def test_programme_views_are_unchanged(cli, view, lang):
    r = cli(*VIEWS[view], "--ledger", SAMPLE, "--year", "2016", "--as-of", "2016-12-31", "--lang", lang, env=ENV)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.strip()
    _compare(f"{view}.{lang}.txt", f"--- stdout\n{r.stdout}--- stderr\n{r.stderr}")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_assess_write_messages_are_unchanged(cli, sample_repo, lang):
    args = (
        "assess",
        "--ledger",
        sample_repo,
        "--year",
        "2016",
        "--as-of",
        "2016-12-31",
        "--lang",
        lang,
        "--format",
        "json",
        "--write",
    )
    first = cli(*args, env=ENV)
    assert first.exit_code == 0, first.stderr
    second = cli(*args, env=ENV)
    assert second.exit_code == 0, second.stderr
    sha = re.compile(r"\b[0-9a-f]{10}\b")
    assert sha.search(first.stderr)
    _compare(f"assess-write.{lang}.txt", sha.sub("<sha>", first.stderr) + "--- again\n" + second.stderr)


def test_programme_labels_live_in_i18n_in_both_languages():
    from reformctl import i18n
    from reformctl.views import programme as view

    src = (Path(view.__file__)).read_text(encoding="utf-8")
    assert '"zh": {' not in src and "LABELS: dict[str, dict[str, str]] = {lang:" in src
    for lang in i18n.LANGS:
        assert view.L(lang) == {k: i18n.label("programme", k, lang) for k in i18n.PROGRAMME}
    # every key the views and commands look up exists
    used: set[str] = set()
    for path in [Path(view.__file__), *sorted((Path(view.__file__).parents[1] / "cli").glob("*.py"))]:
        used |= set(re.findall(r'\bT\["([a-z_]+)"\]', path.read_text(encoding="utf-8")))
    assert used and used <= set(i18n.PROGRAMME), sorted(used - set(i18n.PROGRAMME))
    assert view.ground_label("refused_rectification", "zh") == "督察发现问题拒不整改"
    assert view.ground_label("其他事由", "en") == "其他事由"
