"""What a workbook must not do to the reader: decompress beyond a limit, cover a sheet with merged cells; and
what the XML says that the values alone do not (merged cells, formulas without a saved value)."""

from __future__ import annotations

import re

MAX_UNZIPPED_BYTES = 256 * 1024 * 1024  # what the workbook's parts may hold once decompressed, all together


class WorkbookTooLarge(ValueError):
    """The workbook decompresses to more than :data:`MAX_UNZIPPED_BYTES` (or its zip says so)."""

    def __init__(self, size: int, limit: int):
        self.size, self.limit = size, limit
        super().__init__(f"the workbook decompresses to {size:,} bytes, over the limit of {limit:,}")


def _check_unzipped_size(path) -> None:
    """Refuse a workbook whose parts decompress to more than :data:`MAX_UNZIPPED_BYTES` before openpyxl reads
    it: an 868 KB file can hold an 800 MB cell. zipfile never yields more than a member's recorded size (it
    fails on the CRC instead), so the sizes recorded in the archive are a safe bound."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        size = 0
        for info in z.infolist():
            size += info.file_size
            if size > MAX_UNZIPPED_BYTES:
                raise WorkbookTooLarge(size, MAX_UNZIPPED_BYTES)


_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?"')
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
MAX_MERGED_CELLS = 1_000_000


class _Marks:
    """What the XML of one sheet says that the values alone do not: the cells covered by a merge (all but the
    first, which holds the value) and whether any cell holds a formula."""

    def __init__(self) -> None:
        self.merged: dict[int, set[int]] = {}  # row -> 0-based columns covered by a merge, not its first cell
        self.formulas = False
        self.too_many_merged = False


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def _sheet_marks(wb, ws) -> _Marks:
    marks = _Marks()
    path = getattr(ws, "_worksheet_path", None)
    archive = getattr(wb, "_archive", None)
    if not path or archive is None:
        return marks
    count = 0
    tail = b""
    with archive.open(path) as fh:
        while True:
            chunk = fh.read(1 << 20)
            if not chunk:
                break
            buf = tail + chunk
            if not marks.formulas and _FORMULA.search(buf):
                marks.formulas = True
            cut = buf.rfind(b"<")  # a tag cut in two is searched whole with the next chunk
            cut = cut if cut > 0 and len(buf) - cut < 4096 else len(buf)
            for m in _MERGE_REF.finditer(buf, 0, cut):
                c1, r1 = _col_index(m.group(1)), int(m.group(2))
                c2, r2 = (_col_index(m.group(3)), int(m.group(4))) if m.group(3) else (c1, r1)
                count += max(0, (r2 - r1 + 1) * (c2 - c1 + 1))
                if count > MAX_MERGED_CELLS:
                    marks.too_many_merged = True
                    return marks
                for r in range(r1, r2 + 1):
                    cols = marks.merged.setdefault(r, set())
                    cols.update(c - 1 for c in range(c1, c2 + 1) if (r, c) != (r1, c1))
            tail = buf[cut:]
    return marks
