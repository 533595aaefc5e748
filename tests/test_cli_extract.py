"""`bilan extract` as a user runs it: real processes, exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from bilan.contract import schema
from bilan.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    FormatError,
    LanguageError,
    UnreadableInputError,
)

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "bilan", "extract", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )


def test_cli_extract_seed_prints_contract_json(seed_text: str, tmp_path: Path) -> None:
    from tests.conftest import SEED_TEXT

    proc = run(str(SEED_TEXT), "--published", "2016-11-30", "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout)
    jsonschema.validate(data, schema())
    assert data["article"]["published"] == "2016-11-30"
    for fact in data["counts"] + data["quotes"]:
        ev = fact["evidence"]
        assert seed_text[ev["start"] : ev["end"]] == ev["text"]


def test_cli_extract_jsonl_one_document_per_line_in_order(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        "\n".join(
            [
                json.dumps(
                    {
                        "id": "a",
                        "text": "Au moins 26 civils ont été tués mercredi à Alep.",
                        "published": "2016-11-30",
                    }
                ),
                "{broken",
                json.dumps(
                    {
                        "id": "c",
                        "text": "Plus de 50.000 habitants ont fui la ville ces derniers jours.",
                    }
                ),
            ]
        ),
        encoding="utf-8",
    )
    proc = run(str(batch), "--format", "json")
    lines = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [d["article"]["id"] for d in lines] == ["a", f"{batch}:2", "c"]
    assert lines[1]["error"]["code"] == "E_FORMAT"
    assert "E_FORMAT" in proc.stderr.decode()
    assert proc.returncode == FormatError.exit_code


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("empty.txt", b"", EmptyInputError),
        ("blank.txt", b"  \n \t\n", EmptyInputError),
        ("scan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", BinaryInputError),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInputError),
        ("noise.txt", bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D] * 100), EncodingError),
    ],
)
def test_cli_extract_bad_input_has_typed_error_and_exit_code(
    tmp_path: Path, name: str, content: bytes, error: type
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    proc = run(str(path), "--format", "json")
    assert proc.returncode == error.exit_code
    assert f"error[{error.code}]" in proc.stderr.decode()
    assert proc.stdout == b""


def test_cli_extract_missing_file_is_unreadable(tmp_path: Path) -> None:
    proc = run(str(tmp_path / "absent.txt"))
    assert proc.returncode == UnreadableInputError.exit_code
    assert "no such file" in proc.stderr.decode()


def test_cli_extract_unreadable_permissions(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Au moins 26 civils ont été tués.", encoding="utf-8")
    path.chmod(0)
    try:
        proc = run(str(path))
        import os

        if os.geteuid() == 0:  # root reads anyway: then the article is processed
            assert proc.returncode == 0
        else:
            assert proc.returncode == UnreadableInputError.exit_code
    finally:
        path.chmod(0o644)


def test_cli_extract_english_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text(
        "At least 26 civilians were killed by regime artillery fire in eastern Aleppo on "
        "Wednesday, according to the Syrian Observatory for Human Rights.",
        encoding="utf-8",
    )
    proc = run(str(path), "--format", "json")
    assert proc.returncode == LanguageError.exit_code
    assert "E_LANGUAGE" in proc.stderr.decode()


def test_cli_extract_latin1_file_warns_and_succeeds(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(
        "Huit habitants ont été tués mercredi à Alep, selon l'agence Sana.".encode("latin-1")
    )
    proc = run(str(path), "--format", "json", "--published", "2016-11-30")
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout)
    assert any("latin-1" in w["message"] or "cp1252" in w["message"] for w in data["warnings"])


def test_cli_extract_stdin(tmp_path: Path) -> None:
    proc = run(
        "-",
        "--format",
        "json",
        stdin="Huit habitants ont été tués mercredi à Alep, selon l'agence Sana.".encode(),
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["article"]["id"] == "stdin"


def test_cli_extract_bad_date_is_a_usage_error() -> None:
    proc = run("-", "--published", "30/11/2016", stdin=b"Texte.")
    assert proc.returncode == 2
    assert "YYYY-MM-DD" in proc.stderr.decode()
