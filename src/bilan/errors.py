"""One exception tree for bilan. Every error carries a stable ``code`` and a process exit code.

    BilanError                     base; ``code`` (str) and ``exit_code`` (int)
    ├── InputError                 the input cannot be read as an article (exit 3..9)
    │   ├── EmptyInputError        empty or whitespace-only text            (E_EMPTY, 3)
    │   ├── UnreadableInputError   missing path, permission, directory      (E_UNREADABLE, 4)
    │   ├── BinaryInputError       PDF, image or other binary bytes         (E_BINARY, 5)
    │   ├── EncodingError          bytes that decode in no known encoding   (E_ENCODING, 6)
    │   ├── LanguageError          text not in a supported language         (E_LANGUAGE, 7)
    │   ├── FormatError            malformed JSONL/HTML/feed record         (E_FORMAT, 8)
    │   ├── FetchError             a URL that cannot be fetched             (E_FETCH, 4)
    │   └── TooLargeError          text over the configured size limit      (E_TOO_LARGE, 9)
    ├── ConfigError                invalid settings                          (E_CONFIG, 10)
    ├── PipelineError              stages misordered or unknown              (E_PIPELINE, 11)
    ├── GoldError                  a gold file that does not follow GOLD.md  (E_GOLD, 12)
    ├── StoreError                 database problems                         (E_STORE, 13)
    │   └── NotFoundError          no stored record with that id             (E_NOT_FOUND, 13)
    └── GateError                  a quality-gate floor not met              (E_GATE, 14)

Messages say what happened and what to do; the CLI prints ``error[CODE]: message``.
"""

from __future__ import annotations


class BilanError(Exception):
    code = "E_BILAN"
    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.message = message
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class InputError(BilanError):
    code = "E_INPUT"
    exit_code = 2


class EmptyInputError(InputError):
    code = "E_EMPTY"
    exit_code = 3


class UnreadableInputError(InputError):
    code = "E_UNREADABLE"
    exit_code = 4


class BinaryInputError(InputError):
    code = "E_BINARY"
    exit_code = 5


class EncodingError(InputError):
    code = "E_ENCODING"
    exit_code = 6


class LanguageError(InputError):
    code = "E_LANGUAGE"
    exit_code = 7


class FormatError(InputError):
    code = "E_FORMAT"
    exit_code = 8


class FetchError(InputError):
    code = "E_FETCH"
    exit_code = 4


class TooLargeError(InputError):
    code = "E_TOO_LARGE"
    exit_code = 9


class ConfigError(BilanError):
    code = "E_CONFIG"
    exit_code = 10


class PipelineError(BilanError):
    code = "E_PIPELINE"
    exit_code = 11


class GoldError(BilanError):
    code = "E_GOLD"
    exit_code = 12


class StoreError(BilanError):
    code = "E_STORE"
    exit_code = 13


class NotFoundError(StoreError):
    code = "E_NOT_FOUND"
    exit_code = 13


class GateError(BilanError):
    code = "E_GATE"
    exit_code = 14
