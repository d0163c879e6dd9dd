"""Pickling validated records for the per-file cache (:mod:`.cache`) and the remembered answers of members:
small and quick to load (records as their field dicts, equal values shared, no validators run), and read back
by an unpickler that accepts only the classes of the model and load layers, so a doctored file cannot run code."""

from __future__ import annotations

import copyreg
import datetime as _dt
import io
import pickle
from typing import Any


_new = object.__new__
_set = object.__setattr__


def _set_model_state(obj: Any, state: tuple) -> None:
    _set(obj, "__dict__", state[0])
    _set(obj, "__pydantic_fields_set__", state[1])
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)


class _Pickler(pickle.Pickler):
    """Pickles pydantic records as (class, field dict, fields set), with equal strings, dates and field sets
    shared, so the cache is small and loads without running validators or ``__setstate__``. The records are
    found through a dispatch table: one Python call per record (a ``reducer_override`` is called for every
    object pickled, every string and number too: it made writing the cache twice as slow)."""

    def __init__(self, file: io.BytesIO):
        super().__init__(file, protocol=5)
        # a function over the shared values, not a method: a method would tie the pickler (its memo, its
        # output) into a reference cycle, kept until a collection the loader has turned off
        reduce = _model_reducer({})
        table = dict(copyreg.dispatch_table)
        for cls in _model_classes():
            table[cls] = reduce
        self.dispatch_table = table


def _model_reducer(canon: dict) -> Any:
    def reduce(obj: Any) -> Any:
        if obj.__pydantic_extra__ is not None or obj.__pydantic_private__ is not None:
            return obj.__reduce_ex__(5)
        d = obj.__dict__
        for k, v in d.items():  # in place (equal values): a copy of every record would double the memory
            t = type(v)
            if t is str or t is _dt.date:
                d[k] = canon.setdefault(v, v)
            elif t is list:
                for i, x in enumerate(v):  # in place too: equal immutable values, no copy of the list
                    tx = type(x)
                    if tx is str or tx is _dt.date:
                        v[i] = canon.setdefault(x, x)
        fs = obj.__pydantic_fields_set__
        return (
            copyreg.__newobj__,  # type: ignore[attr-defined]  # there at run time, not in the stubs
            (type(obj),),
            (d, canon.setdefault(("fs", frozenset(fs)), fs)),
            None,
            None,
            _set_model_state,
        )

    return reduce


def _model_classes() -> list[type]:
    """Every record class of reformctl's model loaded so far (subclasses of pydantic's BaseModel)."""
    from pydantic import BaseModel

    out, todo = [], list(BaseModel.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("reformctl.model"):
            out.append(cls)
    return out


_ALLOWED = {
    ("datetime", "date"),
    ("copyreg", "__newobj__"),
    ("copyreg", "_reconstructor"),
    ("builtins", "set"),
    ("builtins", "frozenset"),
    ("builtins", "object"),
    ("pathlib", "PosixPath"),
    ("pathlib", "WindowsPath"),
    ("reformctl.load.pickling", "_set_model_state"),
}


class _Unpickler(pickle.Unpickler):
    """Only the classes of reformctl's model and load layers (records, enums, diagnostics, file results; none
    does anything when built), dates and a few builtins: a doctored cache file cannot run code."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        if module.startswith(("reformctl.model", "reformctl.load")):
            obj = super().find_class(module, name)
            if isinstance(obj, type):
                return obj
        raise pickle.UnpicklingError(f"refusing {module}.{name} in the reformctl cache")


def dumps(obj: Any) -> bytes:
    buf = io.BytesIO()
    _Pickler(buf).dump(obj)
    return buf.getvalue()


def loads(data: bytes) -> Any:
    return _Unpickler(io.BytesIO(data)).load()
