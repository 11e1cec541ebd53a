"""Every error Closeknit reports on purpose, each with a stable code.

The CLI prints ``[CODE] message`` and exits with the error's exit code; the web app
will turn the same errors into problem responses. Codes never change meaning.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Catalogue of error codes and their message templates."""

    EMPTY_TEXT = "E001"
    BAD_JSONL_LINE = "E002"
    BAD_ENCODING = "E003"
    MODEL_MISSING = "E004"
    MODEL_CORRUPT = "E005"
    UNKNOWN_COMPONENT = "E006"
    BAD_SETTING = "E007"
    INPUT_NOT_FOUND = "E008"
    BAD_BATCH_SIZE = "E009"
    CANNOT_WRITE = "E010"
    OUTPUT_IS_INPUT = "E011"


MESSAGES: dict[ErrorCode, str] = {
    ErrorCode.EMPTY_TEXT: "There is no text to analyse{where}: type a message with at least one word.",
    ErrorCode.BAD_JSONL_LINE: "Line {line} of {path} is not a usable record: {reason}.",
    ErrorCode.BAD_ENCODING: "Line {line} of {path} is not valid UTF-8 text; save the file as UTF-8 and try again.",
    ErrorCode.MODEL_MISSING: "The coach's model files are missing from {path}; reinstall Closeknit or run 'make model'.",
    ErrorCode.MODEL_CORRUPT: "The coach's model file {path} does not match its manifest ({reason}); reinstall Closeknit or run 'make model'.",
    ErrorCode.UNKNOWN_COMPONENT: "The model manifest names an unknown component '{name}'; this Closeknit version knows: {known}.",
    ErrorCode.BAD_SETTING: "Setting {name} is invalid: {reason}.",
    ErrorCode.INPUT_NOT_FOUND: "Cannot read {path}: {reason}.",
    ErrorCode.BAD_BATCH_SIZE: "The batch size must be between 1 and 4096, not {value}.",
    ErrorCode.CANNOT_WRITE: "Cannot write {path}: {reason}.",
    ErrorCode.OUTPUT_IS_INPUT: "The output file {path} is the input file; choose another --out so your input is not overwritten.",
}

EXIT_CODES: dict[ErrorCode, int] = {
    ErrorCode.EMPTY_TEXT: 2,
    ErrorCode.BAD_JSONL_LINE: 3,
    ErrorCode.BAD_ENCODING: 3,
    ErrorCode.MODEL_MISSING: 4,
    ErrorCode.MODEL_CORRUPT: 4,
    ErrorCode.UNKNOWN_COMPONENT: 4,
    ErrorCode.BAD_SETTING: 2,
    ErrorCode.INPUT_NOT_FOUND: 2,
    ErrorCode.BAD_BATCH_SIZE: 2,
    ErrorCode.CANNOT_WRITE: 2,
    ErrorCode.OUTPUT_IS_INPUT: 2,
}


class CloseknitError(Exception):
    """An error with a code from the catalogue and a message for people."""

    def __init__(self, code: ErrorCode, **details: object) -> None:
        self.code = code
        self.details = details
        self.message = MESSAGES[code].format(**details)
        super().__init__(f"[{code.value}] {self.message}")

    @property
    def exit_code(self) -> int:
        """Process exit status the CLI uses for this error."""
        return EXIT_CODES[self.code]
