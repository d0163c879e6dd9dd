"""The load layer: find the ledger, read every file, validate it, and return records *and* diagnostics.

Like beancount's loader, :func:`load_ledger` never stops at the first problem: it returns a
:class:`LoadResult` holding the :class:`~reformctl.model.Ledger` built from every file that could be read
and the diagnostics of every file that could not. Only an unusable root (no folder, no readable
``reformctl.yaml``) raises :class:`~reformctl.errors.LedgerRootError`.

This module holds the public entry points only; the work is done in

- :mod:`.root`: finding the ledger root;
- :mod:`.listing`: listing the ledger's files;
- :mod:`.reader`: reading one file's bytes (folder descriptors, size limit) and decoding them;
- :mod:`.parse`: parsing bytes or text into plain data (with :mod:`.yamlread`);
- :mod:`.validation`: validating plain data into records, pydantic's errors as diagnostics, their lines;
- :mod:`.assembly`: the ledger from the files' records (duplicate ids);
- :mod:`.orchestrate`: the whole load with the per-file cache (:mod:`.cache`, records pickled by
  :mod:`.pickling`) and the workers (:mod:`.pool`);
- :mod:`.blobs`: a ledger from file contents (a member's ledger out of git); :mod:`.memo`: remembered answers.
"""

from __future__ import annotations

from ..errors import LedgerRootError
from .assembly import LoadResult, assemble
from .listing import ledger_files, list_files
from .orchestrate import load_ledger
from .parse import CONTROL_CODE, parse_bytes, parse_file, parse_text
from .pool import ENV_JOBS, PARALLEL_MIN_FILES
from .reader import (
    DEFAULT_MAX_BYTES,
    ENV_MAX_BYTES,
    decode,
    held_to_limits,
    max_bytes,
    read_bytes,
    read_text,
    too_large,
)
from .root import DEFAULT_FOLDER, ENV_LEDGER, find_ledger
from .validation import (
    FileResult,
    load_bytes,
    load_settings,
    locate,
    locate_in,
    settings_result,
    validate,
    validation_diagnostics,
)

__all__ = [
    "CONTROL_CODE",
    "DEFAULT_FOLDER",
    "DEFAULT_MAX_BYTES",
    "ENV_JOBS",
    "ENV_LEDGER",
    "ENV_MAX_BYTES",
    "PARALLEL_MIN_FILES",
    "FileResult",
    "LedgerRootError",
    "LoadResult",
    "assemble",
    "decode",
    "find_ledger",
    "held_to_limits",
    "ledger_files",
    "list_files",
    "load_bytes",
    "load_ledger",
    "load_settings",
    "locate",
    "locate_in",
    "max_bytes",
    "parse_bytes",
    "parse_file",
    "parse_text",
    "read_bytes",
    "read_text",
    "settings_result",
    "too_large",
    "validate",
    "validation_diagnostics",
]
