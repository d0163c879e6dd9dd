"""The fast YAML path (issue 6) gives exactly what the full constructor gives, and bad tagged values are
findings, not crashes."""

from __future__ import annotations

import pytest

from reformctl.load import yamlread

SAMPLES = [
    "a: [1, 2.5, 0o17, 0x1F, true, False, null, ~, no, on, yes, 012, -3, +4, '5', \"6\", 2016-07-01, .inf]\n",
    "{1: a, true: b, null: c, 2.5: d}\n",
    "a: !!float 1_0\nb: !!str 12\nc: !!binary aGVsbG8=\nd: !!set {x}\n",
    "- {name: 制定方案, due: 2016-09-30, done: 2016-09-20}\n- name: 完成\n  evidence: [a, b]\n",
    "id: T-1\nextra:\n  nested:\n    - [1, [2, [3, {k: v}]]]\n",
    "a: !!timestamp 2016-07-01\nb: !!null ''\nc: !!bool yes\n",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_fast_builder_equals_full_constructor(text):
    loader = yamlread.Loader12(text)
    try:
        node = loader.get_single_node()
        slow = loader.construct_document(node)
    finally:
        loader.dispose()
    assert yamlread.parse(text) == slow
    assert type(yamlread.parse(text)) is type(slow)


@pytest.mark.parametrize("text,line,col", [("id: !!int abc\n", 1, 5), ("a: 1\nb: [1, !!int x1]\n", 2, 8),
                                           ("a: !!float nope\n", 1, 4)])
def test_badly_tagged_value_is_a_problem_not_a_crash(text, line, col):
    # a bug fixed: `!!int abc` raised ValueError out of the loader (exit 3, a traceback)
    with pytest.raises(yamlread.YamlProblem) as exc:
        yamlread.parse(text)
    assert (exc.value.code, exc.value.line, exc.value.column) == ("yaml_construct", line, col)


def test_badly_tagged_value_via_check(cli, make_ledger):
    root = make_ledger({"tasks/T-1.yaml": "id: T-1\nyear: !!int twenty\n"})
    r = cli("check", "--ledger", root)
    assert r.exit_code == 1 and "tasks/T-1.yaml:2:7: error [yaml_construct]" in r.stdout, r
