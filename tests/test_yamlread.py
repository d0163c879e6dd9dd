"""YAML 1.2 semantics of the reader (reformctl.load.yamlread)."""

from __future__ import annotations

import pytest

from reformctl.load.yamlread import YamlProblem, compose, locate_in_node, parse


@pytest.mark.parametrize(
    "text,value",
    [
        ("a: yes", "yes"),
        ("a: no", "no"),
        ("a: on", "on"),
        ("a: off", "off"),
        ("a: y", "y"),
        ("a: true", True),
        ("a: False", False),
        ("a: TRUE", True),
        ("a: 012", 12),
        ("a: 0o12", 10),
        ("a: 0x1F", 31),
        ("a: -7", -7),
        ("a: 1:20", "1:20"),
        ("a: 1_000", "1_000"),
        ("a: 2016-07-01", "2016-07-01"),
        ("a: 2016-07-01 10:00:00", "2016-07-01 10:00:00"),
        ("a: 1.5", 1.5),
        ("a: ~", None),
        ("a:", None),
        ("a: null", None),
        ("no: 1", 1),
    ],
)
def test_scalars_follow_yaml_12(text, value):
    data = parse(text + "\n")
    assert list(data.values()) == [value]
    assert all(isinstance(k, str) for k in data)


def test_no_key_is_the_string_no():
    assert parse("no: 1\n") == {"no": 1}


@pytest.mark.parametrize(
    "text,code,line",
    [
        ("a: 1\na: 2\n", "yaml_duplicate_key", 2),
        ("a: &x 1\nb: *x\n", "yaml_alias", 1),
        ("base: &b {x: 1}\nother:\n  <<: *b\n", "yaml_alias", 1),
        ("a: !!python/object:os.system x\n", "yaml_tag", 1),
        ("a: [1, 2\n", "yaml_syntax", 2),
        ("a: 1\n---\nb: 2\n", "yaml_multiple_documents", 3),
    ],
)
def test_refused(text, code, line):
    with pytest.raises(YamlProblem) as exc:
        parse(text)
    assert exc.value.code == code
    assert exc.value.line == line


def test_billion_laughs_refused_without_expanding():
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 30):
        levels.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    with pytest.raises(YamlProblem) as exc:
        parse("\n".join(levels) + "\n")
    assert exc.value.code == "yaml_alias"


def test_empty_document_is_none():
    assert parse("") is None
    assert parse("# only a comment\n") is None


def test_locate_paths():
    text = "id: T-1\nmilestones:\n  - name: a\n    due: 2016-01-01\n  - {name: b, due: 2016-02-30}\n"
    node = compose(text)
    assert locate_in_node(node, ("id",)) == (1, 1)
    assert locate_in_node(node, ("milestones", 0, "due")) == (4, 5)
    assert locate_in_node(node, ("milestones", 1, "due")) == (5, 15)
    assert locate_in_node(node, ("milestones", 1, "nope")) == (5, 5)
    assert locate_in_node(node, ("nope",)) == (1, 1)
