"""The store layer: every change to the ledger is one git commit, made with round-trip YAML edits.

Typical use (see :mod:`reformctl.store.commit` for the guarantees; :mod:`.tx` the transaction, :mod:`.files` the
atomic writes and the lock, :mod:`.message` the commit message)::

    from reformctl.store import Action, Store

    store = Store(ledger_root, author=None)          # BadRequest when not in a git repository
    def build(tx):                                   # may run more than once: read inside it
        doc = tx.edit("tasks/T-2016-001.yaml")        # ruamel round-trip document
        doc.data["status"] = TaskStatus.completed.value
        tx.create("tasks/T-2016-037.yaml", {...})     # several files -> still one commit
    result = store.apply(Action("complete", ["T-2016-001"], "完成任务 T-2016-001", as_of), build)
    result.commit, result.paths, result.diff
"""

from typing import TYPE_CHECKING, Any

from ..errors import BadRequest, NothingToDo, StoreError

# The names below are imported when first asked for: a read command that needs one small helper of the store
# (``store.files.unfinished_write`` on every command) must not pay for ruamel.yaml and the commit machinery.
_WHERE = {
    "Store": "commit",
    "atomic_write": "files",
    "unfinished_write": "files",
    "write_files": "files",
    "Action": "message",
    "Result": "message",
    "build_message": "message",
    "clean_line": "message",
    "parse_author": "message",
    "Tx": "tx",
    "kind_of_path": "tx",
    "validate_text": "tx",
    "Git": "git",
    "GitError": "git",
    "Doc": "yamledit",
    "append_entry": "yamledit",
    "date_value": "yamledit",
    "dump_data": "yamledit",
    "flow_map": "yamledit",
    "load_doc": "yamledit",
    "new_doc": "yamledit",
    "set_key": "yamledit",
    "to_commented": "yamledit",
    "next_id": "ids",
}

if TYPE_CHECKING:
    from .commit import Store
    from .files import atomic_write, unfinished_write, write_files
    from .git import Git, GitError
    from .ids import next_id
    from .message import Action, Result, build_message, clean_line, parse_author
    from .tx import Tx, kind_of_path, validate_text
    from .yamledit import (
        Doc,
        append_entry,
        date_value,
        dump_data,
        flow_map,
        load_doc,
        new_doc,
        set_key,
        to_commented,
    )


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{where}"), name)
    globals()[name] = value
    return value


__all__ = [
    "Action",
    "BadRequest",
    "Doc",
    "Git",
    "GitError",
    "NothingToDo",
    "Result",
    "Store",
    "StoreError",
    "Tx",
    "append_entry",
    "atomic_write",
    "build_message",
    "clean_line",
    "date_value",
    "dump_data",
    "flow_map",
    "kind_of_path",
    "load_doc",
    "new_doc",
    "next_id",
    "parse_author",
    "set_key",
    "to_commented",
    "unfinished_write",
    "validate_text",
    "write_files",
]
