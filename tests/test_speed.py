"""Speed-related behaviour (issue 6): the C YAML parser is really used, start-up stays lazy.

No test here measures time (speed is measured in benchmarks/); they check the mechanisms that make it fast."""

from __future__ import annotations

import yaml

from reformctl.load import yamlread


def test_the_libyaml_parser_is_used_when_pyyaml_has_it():
    # A bug fixed: `from yaml import CParser` always failed (the class lives in yaml.cyaml), so every file was
    # parsed by the pure-Python parser, about seven times slower.
    assert yamlread.HAVE_LIBYAML == bool(getattr(yaml, "__with_libyaml__", False))
    if yamlread.HAVE_LIBYAML:
        assert yamlread.Loader12.__mro__[1].__module__ == "yaml._yaml"
