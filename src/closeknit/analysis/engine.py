"""The analysis engine: one object that turns messages into :class:`Analysis`.

Create it with :meth:`Engine.load` (reads and verifies the model folder); nothing
happens at import time. One engine is safe to share between threads.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

import numpy as np

from closeknit.analysis import rules
from closeknit.analysis.coaching import suggestions_for
from closeknit.analysis.decide import Scores, Thresholds, decide_emotions, decide_labels, with_evidence
from closeknit.analysis.encoder import OnnxEncoderClassifier
from closeknit.analysis.language import detect_language, preload
from closeknit.analysis.manifest import ENCODER, Manifest, load_manifest, shipped_model_dir
from closeknit.analysis.safety import safety_block
from closeknit.analysis.text import CHUNK_CHARS, MAX_CHARS, normalise, sentence_pieces, split_sentences
from closeknit.domain.analysis import Analysis, Evidence, LabelResult, Notice
from closeknit.domain.items import Item, ItemLike, as_item
from closeknit.domain.labels import CODEBOOK_LABELS, PITFALLS
from closeknit.errors import CloseknitError, ErrorCode
from closeknit.settings import Settings, load_settings

LONG_TEXT_NOTICE = Notice(
    "long_text",
    f"This text is longer than {MAX_CHARS:,} characters, so it was read sentence by sentence; "
    "a label counts as present when any sentence shows it.",
)
NOT_ENGLISH_NOTICE = Notice(
    "not_english",
    "This doesn't look like English ({language}). The coach only understands English for now, "
    "so it shows no labels or emotions for this text rather than guessing.",
)


@dataclass(frozen=True)
class _Prepared:
    item: Item
    pieces: tuple[str, ...]
    context: str | None
    language: str | None


MODEL_BATCH = 32
"""Messages per model call. Within a window, messages are sorted by length first so
each call pads little; 16-32 was fastest on two cores (the int8 model is
batch-invariant, so this never changes a result)."""


class Engine:
    """Analyses messages with the model named by a manifest plus Closeknit's rules."""

    def __init__(self, manifest: Manifest, settings: Settings) -> None:
        self.manifest = manifest
        self.settings = settings
        encoder = manifest.components[ENCODER]
        self._classifier = OnnxEncoderClassifier(
            manifest.encoder_file("file"),
            manifest.encoder_file("tokenizer"),
            max_length=int(encoder["max_length"]),
            threads=settings.threads,
        )
        self._thresholds = Thresholds.from_mapping(manifest.thresholds)
        self._n_labels = len(CODEBOOK_LABELS)
        if settings.language_check:
            preload()

    @classmethod
    def load(cls, settings: Settings | None = None) -> Engine:
        """Load the model from ``settings.model_dir`` or the one shipped in the package."""
        settings = settings or load_settings()
        return cls(load_manifest(settings.model_dir or shipped_model_dir()), settings)

    def analyze(self, text: str, *, context: str | None = None) -> Analysis:
        """Analyse one message; ``context`` is the other person's previous turn."""
        return next(self.analyze_many([Item(text, context)], batch_size=1))

    def analyze_many(self, items: Iterable[ItemLike], *, batch_size: int | None = None, explain: bool = True) -> Iterator[Analysis]:
        """Analyse messages in batches, yielding results in input order.

        ``batch_size`` messages are read at a time (a window), sorted by length
        and run through the model in chunks, so memory stays bounded by the
        window. With ``explain=False`` the per-sentence evidence pass is skipped
        (faster for bulk coding).
        """
        size = self.settings.batch_size if batch_size is None else batch_size
        if not 1 <= size <= 4096:
            raise CloseknitError(ErrorCode.BAD_BATCH_SIZE, value=size)
        iterator = iter(items)
        while batch := [self._prepare(as_item(value)) for value in islice(iterator, size)]:
            yield from self._run_batch(batch, explain)

    def _prepare(self, item: Item) -> _Prepared:
        if not item.text or not item.text.strip():
            where = f" in item {item.id}" if item.id else ""
            raise CloseknitError(ErrorCode.EMPTY_TEXT, where=where)
        pieces = (item.text,) if len(item.text) <= CHUNK_CHARS else tuple(sentence_pieces(item.text))
        language = detect_language(item.text[:2000]) if self.settings.language_check else None
        context = normalise(item.context) if item.context and item.context.strip() else None
        return _Prepared(item, pieces, context, language)

    def _run_batch(self, batch: list[_Prepared], explain: bool) -> Iterator[Analysis]:
        flat = [(normalise(piece), prep.context) for prep in batch for piece in prep.pieces]
        probabilities = self._predict_sorted(flat)
        offset = 0
        for prep in batch:
            rows = probabilities[offset : offset + len(prep.pieces)]
            offset += len(prep.pieces)
            yield self._build(prep, rows, explain)

    def _predict_sorted(self, pairs: list[tuple[str, str | None]]) -> np.ndarray:
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1] or ""))
        result = np.zeros((len(pairs), len(self.manifest.outputs)), dtype=np.float32)
        for start in range(0, len(order), MODEL_BATCH):
            chunk = order[start : start + MODEL_BATCH]
            result[chunk] = self._classifier.predict([pairs[i] for i in chunk])
        return result

    def _build(self, prep: _Prepared, rows: np.ndarray, explain: bool) -> Analysis:
        text = prep.item.text
        row = rows.max(axis=0)
        scores = Scores(row[: self._n_labels], row[self._n_labels :])
        withhold = prep.language not in (None, "en")
        labels = decide_labels(text, scores, self._thresholds, withhold=withhold)
        labels = self._explain(prep, rows, labels, explain)
        emotions = decide_emotions(scores, self._thresholds, withhold=withhold)
        present = [item.label for item in labels if item.present]
        signals = [label for label in ("crisis", "abuse_risk") if label in present]
        safety = safety_block(signals, self.settings.country) if signals else None
        present_emotions = [e.emotion for e in emotions if e.present]
        pitfalls = [label for label in PITFALLS if label in present]
        suggestions = () if safety or withhold else suggestions_for(text, pitfalls, present_emotions)
        notices = [LONG_TEXT_NOTICE] if len(text) > MAX_CHARS else []
        if withhold:
            notices.append(Notice(NOT_ENGLISH_NOTICE.code, NOT_ENGLISH_NOTICE.message.format(language=prep.language)))
        return Analysis(
            text=text,
            context=prep.item.context,
            labels=tuple(labels),
            emotions=tuple(emotions),
            suggestions=suggestions,
            safety=safety,
            notices=tuple(notices),
            model=self.manifest.model_id,
            language=prep.language,
            extra={"id": prep.item.id} if prep.item.id else {},
        )

    def _explain(self, prep: _Prepared, rows: np.ndarray, labels: list[LabelResult], explain: bool) -> list[LabelResult]:
        text = prep.item.text
        needs_sentences: list[int] = []
        result = list(labels)
        for i, item in enumerate(labels):
            if not item.present:
                continue
            cues = rules.cue_evidence(item.label, text)
            if cues:
                result[i] = with_evidence(item, cues)
            else:
                needs_sentences.append(i)
        if needs_sentences:
            sentence_evidence = self._sentence_evidence(prep, rows, [labels[i].label for i in needs_sentences], explain)
            for i, evidence in zip(needs_sentences, sentence_evidence, strict=True):
                result[i] = with_evidence(labels[i], (evidence,))
        return result

    def _sentence_evidence(self, prep: _Prepared, rows: np.ndarray, names: list[str], explain: bool) -> list[Evidence]:
        """The sentence that scored highest for each label. A long text was already
        scored sentence by sentence; a short one is only split when ``explain`` asks."""
        text = prep.item.text
        whole = Evidence(text, 0, len(text), "text")
        if len(prep.pieces) > 1:
            sentences, scores = list(prep.pieces), rows
        else:
            sentences = split_sentences(text) if explain else []
            if len(sentences) < 2:
                return [whole for _ in names]
            scores = self._classifier.predict([(normalise(s), prep.context) for s in sentences])
        found = []
        for name in names:
            best = sentences[int(np.argmax(scores[:, CODEBOOK_LABELS.index(name)]))]
            start = text.find(best)
            found.append(Evidence(best, start, start + len(best), "sentence") if start >= 0 else whole)
        return found
