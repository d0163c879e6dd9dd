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

from ..errors import BadRequest, NothingToDo, StoreError
from .commit import Store
from .files import atomic_write, unfinished_write, write_files
from .message import Action, Result, build_message, clean_line, parse_author
from .tx import Tx, kind_of_path, validate_text
from .git import Git, GitError
from .yamledit import Doc, append_entry, date_value, dump_data, flow_map, load_doc, new_doc, set_key, to_commented
from .ids import next_id

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
