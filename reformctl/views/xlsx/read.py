"""Reading a workbook back, Chinese or English: every row of an importable sheet as field data, and every
cell that cannot be read as a problem naming its sheet, row and column."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional

from ...i18n.sheets import cell
from ...model import KINDS_BY_NAME
from .cells import _blank, from_cell
from .guard import MAX_MERGED_CELLS, _check_unzipped_size, _sheet_marks
from .labels import JSON_HEADERS, PROBLEM_SHEETS, _norm_header
from .sheets import PROBLEM_COLS, PROBLEM_SHEET, SHEETS, CellError, Col, Sheet

MAX_SHEET_ROWS = 200_000  # rows read from one sheet


# ---------------------------------------------------------------- reading
@dataclass
class SheetProblem:
    """What the reader could not read, at its place: a key of its messages (reformctl/i18n/sheets.py ``CELL``)
    and the values, said in either language by :meth:`text`."""

    sheet: str
    row: int
    column: str  # letter and header, e.g. "L (完成时限)"
    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return cell(self.key, lang, **self.params)

    @property
    def message(self) -> str:
        """The English."""
        return self.text("en")

    def __str__(self) -> str:
        where = f"sheet {self.sheet}, row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class RowData:
    """One row of an item sheet: the fields of its editable columns, the hidden JSON (``None`` when the column
    is missing or the cell empty), where it was read."""

    values: dict[str, Any]
    json: Optional[dict]
    row: int
    sheet: str
    where: dict[str, str]  # field -> "L (完成时限)"
    json_where: str = ""  # "T (数据(JSON))": the hidden column, when the sheet has it


@dataclass
class ProblemRow:
    notice: str
    no: int
    values: dict[str, Any]
    row: int
    where: dict[str, str]
    index: int = -1  # position of the problem in the notice's list, once merged
    sheet: str = PROBLEM_SHEET  # the title it was read from (整改问题 or Problems)


@dataclass
class ReadResult:
    items: dict[str, dict[str, RowData]] = field(default_factory=dict)  # kind -> id -> row
    problem_rows: list[ProblemRow] = field(default_factory=list)
    problems: list[SheetProblem] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)


def _colmap(head: Iterable[Any], cols: Iterable[Col]) -> list[tuple[int, Col, str]]:
    """(index, column, header as written) of every cell of the header row naming an editable column."""
    by_name: dict[str, Col] = {}
    for c in cols:
        if not c.readonly:
            for n in c.names():
                by_name.setdefault(n, c)
    out, seen = [], set()
    for i, h in enumerate(head):
        found = by_name.get(_norm_header(h))
        if found is not None and found.field not in seen:  # the first of two columns for one field wins
            seen.add(found.field)
            out.append((i, found, str(h).strip()))
    return out


def _read_cells(title: str, rno: int, values: list, colmap, res: ReadResult, marks: Optional[dict] = None):
    from openpyxl.utils import get_column_letter

    data: dict[str, Any] = {}
    where: dict[str, str] = {}
    ok = True
    for i, col, shown in colmap:
        letter = f"{get_column_letter(i + 1)} ({shown})"
        where[col.field] = letter
        value = values[i] if i < len(values) else None
        try:
            if marks and i in marks and _blank(value):
                raise CellError(marks[i])  # "formula" or "merged"
            data[col.field] = from_cell(value, col)
        except CellError as exc:
            res.problems.append(SheetProblem(title, rno, letter, exc.key, exc.params))
            ok = False
    return (data, where) if ok else (None, where)


def _titles(sheet_names: Iterable[str], names: Iterable[str]) -> list[str]:
    """The workbook's sheets called by any of ``names`` (Chinese or English), in workbook order."""
    wanted = {_norm_header(n) for n in names}
    return [t for t in sheet_names if _norm_header(t) in wanted]


def _sheet_rows(wb, fwb, title: str, res: ReadResult):
    """(row number, values, marks) of every row after the header of sheet ``title``: ``marks`` maps a column
    index to "formula" or "merged" where a cell is blank for that reason. Stops after :data:`MAX_SHEET_ROWS`."""
    ws = wb[title]
    marks = _sheet_marks(wb, ws)
    if marks.too_many_merged:
        res.problems.append(SheetProblem(title, 1, "", "too_many_merged", {"n": MAX_MERGED_CELLS}))
    frows = fwb[title].iter_rows(values_only=True) if marks.formulas else None
    for rno, values in enumerate(ws.iter_rows(values_only=True), start=1):
        fvalues = next(frows, None) if frows is not None else None
        if rno > MAX_SHEET_ROWS + 1:
            res.problems.append(SheetProblem(title, rno, "", "too_many_rows", {"n": MAX_SHEET_ROWS}))
            return
        values = list(values or ())
        cell_marks = {i: "merged" for i in marks.merged.get(rno, ())}
        if fvalues:
            for i, f in enumerate(fvalues):
                if isinstance(f, str) and f.startswith("=") and (i >= len(values) or _blank(values[i])):
                    cell_marks[i] = "formula"
        yield rno, values, cell_marks


def read_workbook(path, progress=None) -> ReadResult:
    """Read every importable sheet, Chinese or English: each row becomes field data (cells parsed; the models
    validate later)."""
    from openpyxl import load_workbook

    _check_unzipped_size(path)
    wb = load_workbook(path, data_only=True, read_only=True)
    # the formulas themselves, to tell a formula without a saved value from an empty cell (opened only when a
    # sheet has a formula)
    fwb_box: list = []

    def formulas_book():
        if not fwb_box:
            fwb_box.append(load_workbook(path, data_only=False, read_only=True))
        return fwb_box[0]

    res = ReadResult()
    sheets = [(s, t) for s in SHEETS if s.importable for t in _titles(wb.sheetnames, (s.title, s.en))]
    total = sum(max((wb[t].max_row or 1) - 1, 0) for _, t in sheets)
    task = progress.add(total, "读取 xlsx") if progress else None

    def advance() -> None:
        if progress:
            progress.advance(task)

    seen_at: dict[tuple[str, str], tuple[str, int]] = {}
    for sheet, title in sheets:
        res.sheets.append(title)
        _read_item_sheet(sheet, title, _sheet_rows(wb, _LazyBook(formulas_book), title, res), res, seen_at, advance)
    for title in _titles(wb.sheetnames, PROBLEM_SHEETS.values()):
        res.sheets.append(title)
        _read_problem_sheet(title, _sheet_rows(wb, _LazyBook(formulas_book), title, res), res)
    wb.close()
    for fwb in fwb_box:
        fwb.close()
    return res


def _read_item_sheet(sheet: Sheet, title: str, rows, res: ReadResult, seen_at: dict, advance) -> None:
    """Every row of one item sheet into ``res.items`` (``seen_at``: where each id was read first)."""
    from openpyxl.utils import get_column_letter

    first = next(rows, None)
    head = first[1] if first is not None else None
    if head is None:
        return
    heads = [_norm_header(h) for h in head]
    colmap = _colmap(head, sheet.cols)
    json_names = {_norm_header(h) for h in JSON_HEADERS.values()}
    json_at = next((i for i, h in enumerate(heads) if h in json_names), None)
    json_where = f"{get_column_letter(json_at + 1)} ({str(head[json_at]).strip()})" if json_at is not None else ""
    key = KINDS_BY_NAME[sheet.kind].key
    if not any(c.field == key for _, c, _h in colmap):
        id_col = next(c for c in sheet.cols if c.field == key)
        res.problems.append(
            SheetProblem(title, 1, "", "no_id_column", {"header": id_col.header, "header_en": id_col.head("en")})
        )
        return
    bucket = res.items.setdefault(sheet.kind, {})
    for rno, values, marks in rows:
        advance()
        if all(_blank(v) for v in values):
            continue
        ok, extra = _hidden_json(values, json_at, title, rno, json_where, res)
        if not ok:
            continue
        data, where = _read_cells(title, rno, values, colmap, res, marks)
        if data is None:
            continue
        item_id = data.get(key)
        if item_id in (None, "", []):
            res.problems.append(SheetProblem(title, rno, where.get(key, ""), "id_empty"))
            continue
        item_id = str(item_id)
        if item_id in bucket:
            first_sheet, first_row = seen_at[(sheet.kind, item_id)]
            twice = {"id": item_id, "row": first_row}
            if first_sheet != title:
                twice["sheet"] = first_sheet
            res.problems.append(
                SheetProblem(
                    title, rno, where.get(key, ""), "id_twice_sheet" if "sheet" in twice else "id_twice", twice
                )
            )
            continue
        bucket[item_id] = RowData(data, extra, rno, title, where, json_where)
        seen_at[(sheet.kind, item_id)] = (title, rno)


def _hidden_json(values: list, json_at: Optional[int], title: str, rno: int, json_where: str, res: ReadResult):
    """(readable, the hidden JSON column's object or None); a problem is added when it cannot be read."""
    if json_at is None or json_at >= len(values) or _blank(values[json_at]):
        return True, None
    try:
        extra = json.loads(values[json_at])
    except (TypeError, ValueError) as exc:
        res.problems.append(SheetProblem(title, rno, json_where, "json_invalid", {"error": str(exc)}))
        return False, None
    if not isinstance(extra, dict):
        res.problems.append(SheetProblem(title, rno, json_where, "json_not_object"))
        return False, None
    return True, extra


def _read_problem_sheet(title: str, rows, res: ReadResult) -> None:
    """Every row of a problems sheet into ``res.problem_rows``."""
    first = next(rows, None)
    head = first[1] if first is not None else None
    colmap = _colmap(head or (), PROBLEM_COLS)
    if head is not None and not {"notice", "no"} <= {c.field for _, c, _h in colmap}:
        res.problems.append(SheetProblem(title, 1, "", "problem_columns"))
        return
    if head is None:
        return
    for rno, values, marks in rows:
        if all(_blank(v) for v in values):
            continue
        data, where = _read_cells(title, rno, values, colmap, res, marks)
        if data is None:
            continue
        nid, no = data.pop("notice"), data.get("no")
        if not nid or no is None:
            res.problems.append(SheetProblem(title, rno, where["notice" if not nid else "no"], "problem_ids"))
            continue
        res.problem_rows.append(ProblemRow(str(nid), no, data, rno, where, sheet=title))


class _LazyBook:
    """``book[title]`` of a workbook opened on first use."""

    def __init__(self, open_book: Callable[[], Any]):
        self._open = open_book

    def __getitem__(self, title: str):
        return self._open()[title]


def iter_sheet_kinds() -> Iterable[str]:
    return (s.kind for s in SHEETS if s.importable)
