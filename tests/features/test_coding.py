"""Bulk coding through the library: order, records and bad lines."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from closeknit.analysis.engine import Engine
from closeknit.errors import CloseknitError, ErrorCode
from closeknit.features.coding import code_jsonl


def _source(*lines: str) -> io.BytesIO:
    return io.BytesIO("".join(line + "\n" for line in lines).encode("utf-8"))


def test_records_keep_input_order_and_ids(engine: Engine) -> None:
    texts = [f"message number {i}, thanks for everything" for i in range(70)]
    out = io.StringIO()
    report = code_jsonl(
        _source(*(json.dumps({"id": f"x{i}", "text": t}) for i, t in enumerate(texts))), out, engine, path=Path("m.jsonl"), batch_size=16
    )
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert report.written == 70 and [r["id"] for r in rows] == [f"x{i}" for i in range(70)]


def test_missing_id_falls_back_to_line_number(engine: Engine) -> None:
    out = io.StringIO()
    code_jsonl(_source("", json.dumps({"text": "hello there"})), out, engine, path=Path("m.jsonl"))
    assert json.loads(out.getvalue())["id"] == "2"


def test_bad_line_raises_with_number_unless_skipped(engine: Engine) -> None:
    with pytest.raises(CloseknitError) as info:
        code_jsonl(_source(json.dumps({"text": "ok"}), '"just a string"'), io.StringIO(), engine, path=Path("m.jsonl"))
    assert info.value.code is ErrorCode.BAD_JSONL_LINE and info.value.details["line"] == 2
    report = code_jsonl(_source(json.dumps({"text": "ok"}), '"just a string"'), io.StringIO(), engine, path=Path("m.jsonl"), skip_bad=True)
    assert report.written == 1 and [bad.line for bad in report.skipped] == [2]
