"""Who said what: the shared machinery behind quotes, statements and count sources.

One resolver serves both (issue 5): :class:`~bilan.speech.resolver.SpeakerResolver` finds the
speaker of a speech verb, of a "selon X" cue or of a floating quotation, reads the noun phrase as
an :class:`~bilan.model.EntityRef` (name, role, kind) and resolves pronouns to the last compatible
person or organization. The stages ``entities``, ``attribution`` and ``quotes`` call it.

Modules, by concept:

- :mod:`~bilan.speech.lexicon`   French data (lang/fr/speech_verbs, speakers, attribution, quotes)
- :mod:`~bilan.speech.marks`     quotation spans in raw text (« », “ ”, "…", ‹ ›, over paragraphs)
- :mod:`~bilan.speech.sentences` sentences that never split a quotation, paragraphs as limits
- :mod:`~bilan.speech.phrases`   noun phrases → EntityRef (name, role, kind, gender, number)
- :mod:`~bilan.speech.resolver`  speech verbs' subjects, inversions, pronouns, "selon X"
"""

from bilan.speech.lexicon import SpeechLexicon, Verb
from bilan.speech.marks import QuoteSpan, find_quotes
from bilan.speech.sentences import Sentence, split_sentences

__all__ = ["QuoteSpan", "Sentence", "SpeechLexicon", "Verb", "find_quotes", "split_sentences"]
