"""Read YAML the way the ledger format says: PyYAML's C parser, YAML 1.2 core-schema scalars.

- ``yes``/``no``/``on``/``off`` stay strings; only ``true``/``false`` are booleans.
- No sexagesimal (``1:20``) and no ``0``-prefixed octal ints (``012`` is 12 as in YAML 1.2; ``0o12`` is 10).
- Dates are not resolved: ``2016-07-01`` reaches Pydantic as a string, so a bad date is reported with its line.
- Duplicate keys, anchors and aliases are refused (an alias bomb is refused before it is expanded).
"""

from __future__ import annotations

import re
from typing import Any, Callable, Optional, Union

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

try:  # the C parser; PyYAML wheels ship it. Fall back to the pure-Python one rather than fail.
    # (``yaml.CParser`` does not exist: the class lives in ``yaml._yaml``, re-exported by ``yaml.cyaml``.)
    from yaml.cyaml import CParser as _Parser

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - depends on the build of PyYAML
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)

    HAVE_LIBYAML = False


class YamlProblem(Exception):
    """A YAML file that cannot be read. ``line``/``column`` count from 1. ``key`` and ``params`` are the
    message of :mod:`reformctl.i18n.diagnostics` (its code is the key's first part), ``message`` its English."""

    def __init__(self, key: str, line: int = 1, column: int = 1, /, **params: Any):
        from ..i18n.diagnostics import render

        self.key, self.params = key, params
        self.code = key.partition(".")[0]
        self.message = render(key, params, "en")
        super().__init__(self.message)
        self.line = line
        self.column = column


class _Refused(ConstructorError):
    """What the constructor refuses in a ledger file, as a message key and its values."""

    def __init__(self, key: str, mark: Any, /, **params: Any):
        from ..i18n.diagnostics import render

        self.key, self.params = key, params
        super().__init__(None, None, render(key, params, "en"), mark)


class Resolver12(BaseResolver):
    """Implicit tags of the YAML 1.2 core schema (no timestamps: dates stay strings)."""


Resolver12.yaml_implicit_resolvers = {}
Resolver12.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
Resolver12.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"),
)
Resolver12.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+.0123456789"),
)
Resolver12.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


_STR, _INT, _BOOL, _NULL, _FLOAT, _TS = (
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "bool", "null", "float", "timestamp")
)
_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


def _fast_resolve(self, kind: type, value: Any, implicit: Any) -> str:
    """:meth:`BaseResolver.resolve` for our resolvers (no wildcard or path resolvers): the same tags, faster
    (plain scalars repeat a lot in a ledger: dates, unit ids, statuses; their tag is remembered)."""
    if kind is ScalarNode:
        return (_RESOLVED.get(value) or _plain_tag(value)) if implicit[0] else _STR
    return _SEQ if kind is SequenceNode else _MAP


def _plain_tag(value: str) -> str:
    """The tag of a plain scalar (YAML 1.2 core schema), remembered: dates, unit ids and statuses repeat."""
    tag = _RESOLVED.get(value)
    if tag is None:
        tag = _STR
        for t, regexp in _IMPLICIT.get(value[:1], ()):
            if regexp.match(value):
                tag = t
                break
        if len(_RESOLVED) > 200_000:
            _RESOLVED.clear()
        _RESOLVED[value] = tag
    return tag


_RESOLVED: dict[str, str] = {}
_IMPLICIT = {k: tuple(v) for k, v in Resolver12.yaml_implicit_resolvers.items()}
assert None not in _IMPLICIT and not Resolver12.yaml_path_resolvers
Resolver12.resolve = _fast_resolve


class _Fallback(Exception):
    """The fast builder met something it leaves to the full constructor (a float, a rare tag, a problem)."""


def _scalar(node: ScalarNode) -> Any:
    tag = node.tag
    if tag == _STR or tag == _TS:  # noqa: SIM109 - two comparisons, no tuple: the most frequent call
        return node.value
    return _typed(tag, node.value)


def _typed(tag: str, v: str) -> Any:
    """The value of a scalar tagged null, int or bool; anything else is left to the constructor."""
    if tag == _NULL:
        return None
    if tag == _INT:
        try:
            return int(v[2:], 8) if v.startswith("0o") else int(v[2:], 16) if v.startswith("0x") else int(v, 10)
        except ValueError:
            raise _Fallback from None
    if tag == _BOOL:
        return v.lower() == "true"
    raise _Fallback  # floats and the rest


def _build(node: Node) -> Any:
    """Python data from a node tree without aliases (refused before), for the common tags; anything else,
    and every error, raises :class:`_Fallback` so that :class:`Constructor12` decides and words the error.
    (Plain strings, the bulk of a ledger, are taken inline rather than through a call each.)"""
    t = type(node)
    if t is ScalarNode:
        return _scalar(node)
    if t is MappingNode:
        if node.tag != _MAP:
            raise _Fallback
        out: dict = {}
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode or key_node.tag != _STR:
                raise _Fallback  # numbers, booleans, null or tags as keys: rare, the constructor handles them
            key = key_node.value
            if key in out:
                raise _Fallback
            if type(value_node) is ScalarNode:
                out[key] = value_node.value if value_node.tag == _STR else _scalar(value_node)
            else:
                out[key] = _build(value_node)
        return out
    if t is SequenceNode:
        if node.tag != _SEQ:
            raise _Fallback
        return [(x.value if x.tag == _STR else _scalar(x)) if type(x) is ScalarNode else _build(x) for x in node.value]
    raise _Fallback


class Constructor12(SafeConstructor):
    """SafeConstructor with YAML 1.2 scalars, refusing duplicate keys and shared (aliased) nodes."""

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _Refused("yaml_alias.constructed", node.start_mark)
        return super().construct_object(node, deep=deep)

    def construct_yaml_bool(self, node: ScalarNode) -> bool:
        return self.construct_scalar(node).lower() == "true"

    def construct_yaml_int(self, node: ScalarNode) -> int:
        value = self.construct_scalar(node)
        if value.startswith("0o"):
            return int(value[2:], 8)
        if value.startswith("0x"):
            return int(value[2:], 16)
        return int(value, 10)

    def construct_yaml_str_plain(self, node: ScalarNode) -> str:
        return self.construct_scalar(node)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict:
        if not isinstance(node, MappingNode):
            raise _Refused("yaml_construct.not_mapping", node.start_mark, found=node.id)
        if any(k.tag == "tag:yaml.org,2002:merge" for k, _ in node.value):
            raise _Refused("yaml_construct.merge", node.start_mark)
        mapping: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Refused("yaml_construct.key", key_node.start_mark)
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, (str, int, bool, float)) and key is not None:
                raise _Refused("yaml_construct.key", key_node.start_mark)
            key = str(key) if not isinstance(key, str) else key
            if key in mapping:
                raise _Refused("yaml_duplicate_key", key_node.start_mark, key=repr(key))
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    # timestamps are never resolved implicitly; an explicit !!timestamp is treated as text too
    def construct_yaml_timestamp(self, node: ScalarNode) -> str:
        return self.construct_scalar(node)


Constructor12.yaml_constructors = dict(SafeConstructor.yaml_constructors)


def _undefined(constructor: SafeConstructor, node: Node) -> Any:
    raise _Refused("yaml_tag", node.start_mark, tag=repr(node.tag))


Constructor12.add_constructor(None, _undefined)
Constructor12.add_constructor("tag:yaml.org,2002:bool", Constructor12.construct_yaml_bool)
Constructor12.add_constructor("tag:yaml.org,2002:int", Constructor12.construct_yaml_int)
Constructor12.add_constructor("tag:yaml.org,2002:timestamp", Constructor12.construct_yaml_timestamp)


class Loader12(_Parser, Constructor12, Resolver12):
    def __init__(self, stream):
        _Parser.__init__(self, stream)
        Constructor12.__init__(self)
        Resolver12.__init__(self)


class Composer12(_Parser, Resolver12):
    """Builds the node tree only (for source positions)."""

    def __init__(self, stream):
        _Parser.__init__(self, stream)
        Resolver12.__init__(self)


def _mark(exc: yaml.MarkedYAMLError) -> tuple[int, int]:
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return 1, 1
    return mark.line + 1, mark.column + 1


def _refuse_anchors(text: str) -> None:
    """Refuse anchors and aliases by reading the event stream (linear, nothing is expanded)."""
    loader = Composer12(text)
    try:
        while loader.check_event():
            ev = loader.get_event()
            if isinstance(ev, yaml.AliasEvent):
                raise YamlProblem("yaml_alias", ev.start_mark.line + 1, ev.start_mark.column + 1)
            if getattr(ev, "anchor", None):
                raise YamlProblem(
                    "yaml_alias.anchor", ev.start_mark.line + 1, ev.start_mark.column + 1, anchor=ev.anchor
                )
    finally:
        loader.dispose()


if HAVE_LIBYAML:

    class _QuickComposer(_Parser):
        """The C composer with the resolver's Python hooks replaced by C callables that do nothing useful: the
        node tree of a ledger file for :func:`_quick_build`, about a quarter faster to compose.

        - ``descend_resolver``/``ascend_resolver`` (two Python calls per node) do nothing without path
          resolvers, which we have none of: ``{}.get(parent, index)`` and ``tuple()`` do nothing in C;
        - ``resolve`` (a Python call per node) is deferred: ``slice(kind, value, implicit)`` just keeps its
          arguments as the node's tag, and :func:`_quick_build` resolves plain scalars from a memo.
        An explicit tag (``!!str``) is still given as text. Nothing here is used for errors or positions:
        whatever :func:`_quick_build` does not take, :func:`parse` reads again with :class:`Loader12`."""

        descend_resolver: Callable[..., Any] = {}.get
        ascend_resolver = tuple
        resolve = slice


def _quick_scalar(node: ScalarNode) -> Any:
    tag = node.tag
    if type(tag) is slice:
        if not tag.step[0]:  # quoted or block scalar without a tag: text
            return node.value
        tag = _RESOLVED.get(node.value) or _plain_tag(node.value)
        if tag == _STR:
            return node.value
    elif tag != _STR:
        raise _Fallback  # an explicit tag: the constructor decides
    else:
        return node.value
    return _typed(tag, node.value)


def _quick_build(node: Node) -> Any:
    """:func:`_build` for a tree of :class:`_QuickComposer` (tags deferred): maps with text keys, lists, text,
    integers, booleans and nulls; anything else raises :class:`_Fallback`."""
    t = type(node)
    if t is ScalarNode:
        return _quick_scalar(node)
    if type(node.tag) is not slice:
        raise _Fallback  # an explicit !!map or !!seq: rare, the constructor handles it
    if t is MappingNode:
        out: dict = {}
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                raise _Fallback
            key = key_node.value
            ktag = key_node.tag
            if type(ktag) is not slice or (ktag.step[0] and (_RESOLVED.get(key) or _plain_tag(key)) != _STR):
                raise _Fallback  # numbers, booleans, null or tags as keys: rare, the constructor handles them
            if key in out:
                raise _Fallback
            if type(value_node) is ScalarNode:
                tag = value_node.tag
                v = value_node.value
                if type(tag) is slice and (not tag.step[0] or _RESOLVED.get(v) == _STR):
                    out[key] = v
                else:
                    out[key] = _quick_scalar(value_node)
            else:
                out[key] = _quick_build(value_node)
        return out
    if t is SequenceNode:
        out_list: list[Any] = []
        append = out_list.append
        for x in node.value:
            if type(x) is ScalarNode:
                tag = x.tag
                v = x.value
                append(v if type(tag) is slice and (not tag.step[0] or _RESOLVED.get(v) == _STR) else _quick_scalar(x))
            else:
                append(_quick_build(x))
        return out_list
    raise _Fallback


def _quick_parse(text: Union[str, bytes]) -> Any:
    """The common case of :func:`parse` (one document of maps, lists and plain values, no anchors), or
    :class:`_Fallback` for anything else, errors included."""
    composer = _QuickComposer(text)
    try:
        node = composer.get_single_node()
    except Exception:  # noqa: BLE001 - every problem is read again and worded by the full path
        raise _Fallback from None
    finally:
        composer.dispose()
    if node is None:
        return None
    try:
        return _quick_build(node)
    except RecursionError:
        raise _Fallback from None


NOT_QUICK = object()  # what :func:`parse_quick` returns for a file it leaves to :func:`parse`


def parse_quick(data: bytes) -> Any:
    """The document in ``data`` (the bytes of a file) when it is the common case that :func:`parse` would read
    without a problem, straight from the bytes (no decoding to text and encoding back for libyaml), else
    :data:`NOT_QUICK`: decode the file and call :func:`parse`, which words any problem. Bytes that text
    decoding would refuse never pass here: libyaml refuses invalid UTF-8 and NUL; UTF-16 (which libyaml would
    read from its byte-order mark, the loader not) is left out by that mark."""
    if not HAVE_LIBYAML or b"&" in data or b"*" in data or b"\0" in data or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return NOT_QUICK
    try:
        return _quick_parse(data)
    except _Fallback:
        return NOT_QUICK


def parse(text: str) -> Any:
    """Parse one YAML document. Raises :class:`YamlProblem` with a stable code and a 1-based position."""
    if HAVE_LIBYAML and "&" not in text and "*" not in text:
        try:
            return _quick_parse(text)
        except _Fallback:
            pass
    return _parse_full(text)


def _parse_full(text: str) -> Any:
    """:func:`parse` through PyYAML's resolver and constructor: every construct, and the words of every error."""
    if "&" in text or "*" in text:
        try:
            _refuse_anchors(text)
        except yaml.MarkedYAMLError as exc:
            line, col = _mark(exc)
            raise YamlProblem("yaml_syntax", line, col, problem=_problem_text(exc)) from None
    loader = Loader12(text)
    try:
        if not loader.check_node():
            return None
        node = loader.get_node()
        if loader.check_node():
            nxt = loader.get_node()
            raise YamlProblem("yaml_multiple_documents", nxt.start_mark.line + 1, 1)
        try:
            return _build(node)
        except (_Fallback, RecursionError):
            pass
        try:
            return loader.construct_document(node)
        except (ValueError, TypeError, OverflowError) as exc:  # e.g. `!!int abc`, `!!float x`
            line, col = _first_bad_mark(node)
            raise YamlProblem("yaml_construct", line, col, error=str(exc)) from None
    except _Refused as exc:
        line, col = _mark(exc)
        raise YamlProblem(exc.key, line, col, **exc.params) from None
    except ConstructorError as exc:  # PyYAML's own words
        line, col = _mark(exc)
        raise YamlProblem("yaml_construct.other", line, col, problem=exc.problem or str(exc)) from None
    except yaml.MarkedYAMLError as exc:
        line, col = _mark(exc)
        raise YamlProblem("yaml_syntax", line, col, problem=_problem_text(exc)) from None
    except yaml.YAMLError as exc:  # e.g. a reader error without a mark
        raise YamlProblem("yaml_syntax", problem=str(exc).splitlines()[0]) from None
    except RecursionError:
        raise YamlProblem("yaml_syntax.too_deep") from None
    finally:
        loader.dispose()


def _first_bad_mark(node: Node) -> tuple[int, int]:
    """Position of the first scalar that cannot be converted to its tag's type (``!!int abc``)."""
    constructor = Constructor12()
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, ScalarNode):
            try:
                constructor.construct_object(n)
            except (ValueError, TypeError, OverflowError):
                return n.start_mark.line + 1, n.start_mark.column + 1
            except Exception:  # noqa: BLE001 - other problems are not the one looked for
                pass
        elif isinstance(n, SequenceNode):
            stack.extend(reversed(n.value))
        elif isinstance(n, MappingNode):
            for k, v in reversed(n.value):
                stack.extend((v, k))
    return (node.start_mark.line + 1, node.start_mark.column + 1) if node.start_mark else (1, 1)


def _problem_text(exc: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (exc.context, exc.problem) if p]
    return ", ".join(parts) if parts else str(exc).splitlines()[0]


PathPart = Union[str, int]


def compose(text: str) -> Optional[Node]:
    loader = Composer12(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def locate_in_node(node: Optional[Node], path: tuple[PathPart, ...]) -> tuple[int, int]:
    """1-based (line, column) of ``path`` inside a composed document; the deepest part found wins."""
    if node is None:
        return 1, 1
    pos = (node.start_mark.line + 1, node.start_mark.column + 1)
    for part in path:
        if isinstance(node, MappingNode):
            for k, v in node.value:
                if isinstance(k, ScalarNode) and k.value == str(part):
                    pos = (k.start_mark.line + 1, k.start_mark.column + 1)
                    node = v
                    break
            else:
                return pos
        elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            pos = (node.start_mark.line + 1, node.start_mark.column + 1)
        else:
            return pos
    return pos
