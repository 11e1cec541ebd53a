"""``closeknit analyze``: the card, JSON, bulk JSONL, and every bad-input case."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from closeknit.cli.main import run


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_card_shows_labels_evidence_and_rewrite(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["analyze", "You never listen to me"]) == 0
    out = capsys.readouterr().out
    assert "Criticism" in out and "never" in out
    assert "Gentle start-up" in out and "Rewrite: I feel" in out


def test_json_output_is_the_analysis(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["analyze", "Thank you so much for cooking tonight, I really appreciate you", "--json", "--context", "dinner's ready"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "appreciation" in data["present_labels"]
    assert data["context"] == "dinner's ready"
    assert len(data["labels"]) == 19 and len(data["emotions"]) == 28


def test_crisis_card_shows_help_not_coaching(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["analyze", "I want to kill myself"]) == 0
    out = capsys.readouterr().out
    assert "988" in out and "findahelpline.com" in out
    assert "Rewrite" not in out


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_text_is_a_clear_error(text: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["analyze", text]) == 2
    assert "E001" in capsys.readouterr().err


def test_missing_text_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["analyze"]) == 2
    assert "no text to analyse" in capsys.readouterr().err


def test_very_long_text_gets_a_notice(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["analyze", "We went to the beach and it was sunny. " * 150, "--json"]) == 0
    assert "long_text" in [n["code"] for n in json.loads(capsys.readouterr().out)["notices"]]


def test_jsonl_writes_one_line_per_input_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = ["You never listen to me", "Thank you so much for today", "I don't want to be alive anymore", "ok see you at 7"]
    src = _write(tmp_path / "in.jsonl", [json.dumps({"id": f"m{i}", "text": t}) for i, t in enumerate(texts)])
    out = tmp_path / "out.jsonl"
    assert run(["analyze", "--jsonl", str(src), "--out", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["m0", "m1", "m2", "m3"]
    assert set(rows[0]) >= {"id", "labels", "scores", "emotions", "emotion_scores"}
    assert "criticism" in rows[0]["labels"] and "crisis" in rows[2]["labels"]
    assert len(rows[1]["scores"]) == 19 and len(rows[1]["emotion_scores"]) == 28
    assert "Wrote 4 result line(s)" in capsys.readouterr().err


def test_jsonl_takes_context(tmp_path: Path) -> None:
    line = {"id": 1, "text": "That makes total sense, anyone would be upset.", "context": "I'm so hurt they forgot me."}
    src = _write(tmp_path / "in.jsonl", [json.dumps(line)])
    out = tmp_path / "out.jsonl"
    assert run(["analyze", "--jsonl", str(src), "--out", str(out)]) == 0
    assert "validation" in json.loads(out.read_text())["labels"]


def test_malformed_line_stops_with_its_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _write(tmp_path / "in.jsonl", [json.dumps({"text": "hi there"}), "{not json", json.dumps({"text": "bye"})])
    assert run(["analyze", "--jsonl", str(src), "--out", str(tmp_path / "o.jsonl")]) == 3
    err = capsys.readouterr().err
    assert "E002" in err and "Line 2" in err and "not valid JSON" in err


def test_skip_bad_lists_every_skipped_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [json.dumps({"text": "hi there"}), "{not json", json.dumps({"text": "  "}), "[1, 2]", json.dumps({"text": "bye", "context": 5})]
    src = _write(tmp_path / "in.jsonl", [*lines, json.dumps({"text": "see you"})])
    out = tmp_path / "o.jsonl"
    assert run(["analyze", "--jsonl", str(src), "--out", str(out), "--skip-bad"]) == 0
    assert len(out.read_text().splitlines()) == 2
    err = capsys.readouterr().err
    assert "Skipped 4 line(s)" in err
    for number in (2, 3, 4, 5):
        assert f"line {number}:" in err


def test_invalid_utf8_names_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"text": "fine"}\n{"text": "caf\xe9 \xff"}\n')
    assert run(["analyze", "--jsonl", str(src), "--out", str(tmp_path / "o.jsonl")]) == 3
    err = capsys.readouterr().err
    assert "E003" in err and "Line 2" in err and "UTF-8" in err


def test_missing_input_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["analyze", "--jsonl", str(tmp_path / "nope.jsonl")]) == 2
    assert "E008" in capsys.readouterr().err


def test_bad_setting_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--batch-size", "0", "analyze", "hi"]) == 2
    assert "CLOSEKNIT_BATCH_SIZE" in capsys.readouterr().err


def test_installed_command_streams_stdout(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.jsonl", [json.dumps({"id": "a", "text": "Could we talk tonight?"})])
    exe = Path(sys.executable).with_name("closeknit")
    done = subprocess.run([str(exe), "analyze", "--jsonl", str(src)], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)["id"] == "a"


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["analyze", "--bogus"]) == 2
    assert "No such option" in capsys.readouterr().err


def test_failed_run_leaves_no_partial_output(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    out.write_text("earlier results\n")
    src = _write(tmp_path / "in.jsonl", [json.dumps({"text": "hi there"}), "{broken"])
    assert run(["analyze", "--jsonl", str(src), "--out", str(out)]) == 3
    assert out.read_text() == "earlier results\n"
    assert not (tmp_path / "o.jsonl.partial").exists()


def test_output_that_is_the_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _write(tmp_path / "in.jsonl", [json.dumps({"text": "hi there"})])
    assert run(["analyze", "--jsonl", str(src), "--out", str(src)]) == 2
    assert "E011" in capsys.readouterr().err
    assert json.loads(src.read_text())["text"] == "hi there"


def test_unwritable_output_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _write(tmp_path / "in.jsonl", [json.dumps({"text": "hi there"})])
    assert run(["analyze", "--jsonl", str(src), "--out", str(tmp_path / "missing" / "o.jsonl")]) == 2
    assert "E010" in capsys.readouterr().err
