"""Language identification behind a small protocol (py3langid by default, a fake in tests)."""

from __future__ import annotations

from typing import Protocol

from bilan.errors import LanguageError

#: below this many letters a text is too short to judge; it is accepted
MIN_LETTERS = 40


class LanguageDetector(Protocol):
    def detect(self, text: str) -> tuple[str, float]: ...

    def check(self, text: str, *, expected: str, source: str | None = None) -> None: ...


class Py3LangidDetector:
    """py3langid restricted to common news languages; rejects confident non-``expected`` texts."""

    LANGUAGES = ("fr", "en", "es", "de", "it", "pt", "nl", "ar", "ru", "tr")

    def __init__(self, *, sample_chars: int = 5000, threshold: float = 0.9) -> None:
        self.sample_chars = sample_chars
        self.threshold = threshold
        self._model = None

    def _identifier(self):  # type: ignore[no-untyped-def]
        if self._model is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            model.set_languages(list(self.LANGUAGES))
            self._model = model
        return self._model

    def detect(self, text: str) -> tuple[str, float]:
        lang, prob = self._identifier().classify(text[: self.sample_chars])
        return str(lang), float(prob)

    def check(self, text: str, *, expected: str, source: str | None = None) -> None:
        if sum(ch.isalpha() for ch in text[: self.sample_chars]) < MIN_LETTERS:
            return
        lang, prob = self.detect(text)
        if lang != expected and prob >= self.threshold:
            raise LanguageError(
                f"the text looks like {lang!r} (p={prob:.2f}), not {expected!r}; bilan reads "
                f"{expected!r} only (set check_language=false to force)",
                source=source,
            )

    def __reduce__(self) -> tuple[object, ...]:
        return (
            Py3LangidDetector,
            (),
            {"sample_chars": self.sample_chars, "threshold": self.threshold},
        )

    def __setstate__(self, state: dict[str, object]) -> None:
        self.sample_chars = int(state["sample_chars"])  # type: ignore[call-overload]
        self.threshold = float(state["threshold"])  # type: ignore[arg-type]
        self._model = None
