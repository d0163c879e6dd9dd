"""`reformctl report --html`: one self-contained page, checked as text and in headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(os.environ.get("REFORMCTL_TEST_ARTIFACTS", REPO / "test-artifacts"))


def make_report(cli, root, out, *extra):
    r = cli("report", "--ledger", root, "--html", out, "--as-of", "2016-12-31", *extra)
    assert r.exit_code == 0, r
    return out.read_text(encoding="utf-8")


def assert_self_contained(text: str) -> None:
    assert "<script" not in text.lower()
    assert "<link" not in text.lower()
    assert not re.search(r'(?:src|href)\s*=\s*["\']?(?:https?:)?//', text, re.I)
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", text, re.I)
    assert "@import" not in text


def test_sample_report_content(cli, sample_copy, tmp_path):
    text = make_report(cli, sample_copy, tmp_path / "r.html", "--lang", "zh")
    assert_self_contained(text)
    assert text.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in text
    for heading in (
        "各单位红黄灯概览",
        "红灯清单",
        "本季度任务推进情况",
        "任务完成趋势",
        "改革试点时间轴",
        "整改督办进展",
    ):
        assert heading in text
    assert text.count("<svg") == 4
    assert "Noto Sans CJK SC" in text
    # every pilot is on the timeline, every notice in the rectification chart
    for pid in ("P-2016-001", "P-2016-008"):
        assert f'data-pilot="{pid}"' in text
    assert 'data-notice="RN-2016-001"' in text


def test_report_escapes_what_users_wrote(cli, make_ledger, tmp_path):
    root = make_ledger(
        {
            "tasks/T-1.yaml": "id: T-1\ntitle: <script>alert(1)</script> & 任务\nlead_unit: 市发改委\n"
            "start: 2016-07-01\ndue: 2016-08-31\nstatus: in_progress\n"
        }
    )
    text = make_report(cli, root, tmp_path / "r.html", "--lang", "en")
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 任务" in text


def test_empty_ledger_report(cli, make_ledger, tmp_path):
    text = make_report(cli, make_ledger(), tmp_path / "e.html")
    assert_self_contained(text)
    assert 'data-kpi="open_tasks">0<' in text


def test_bad_usage(cli, sample_copy, tmp_path):
    r = cli("report", "--ledger", sample_copy, "--html", tmp_path / "r.pdf")
    assert r.exit_code == 2 and "--html wants a file name ending in .html" in r.stderr
    r = cli("report", "--ledger", sample_copy, "--html", tmp_path / "no" / "r.html")
    assert r.exit_code == 2 and "does not exist" in r.stderr


def _playwright():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("headless Chromium is not installed (Debian package `chromium`; .ci/run installs it)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    return sync_playwright


@pytest.mark.parametrize("which", ["sample", "empty"])
def test_report_in_headless_chromium(cli, sample_copy, make_ledger, tmp_path, which):
    sync_playwright = _playwright()
    root = sample_copy if which == "sample" else make_ledger()
    page_file = tmp_path / f"report-{which}.html"
    make_report(cli, root, page_file, "--lang", "zh")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"report-{which}.png"
    messages, errors, requests = [], [], []
    with sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=shutil.which("chromium") or CHROMIUM, args=CHROMIUM_ARGS)
        except Exception as exc:  # noqa: BLE001 - a browser that cannot start here is an environment problem
            pytest.skip(f"Chromium could not start: {exc}")
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda m: messages.append((m.type, m.text)))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_file.as_uri(), wait_until="load")
            assert page.title().startswith("测试台账" if which == "empty" else "成都市")
            assert page.locator("h2").first.inner_text() == "各单位红黄灯概览"
            assert page.locator("svg").count() == (4 if which == "sample" else 2)  # no pilots, no notices
            box = page.locator("#pilots svg").bounding_box() if which == "sample" else None
            if box is not None:
                assert box["width"] > 600 and box["height"] > 100
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert [m for m in messages if m[0] in ("error", "warning")] == []
    assert errors == []
    assert [u for u in requests if not u.startswith("file:")] == []
    assert shot.is_file() and shot.stat().st_size > 20_000
