"""The learned part of the engine: an int8 ONNX encoder with one sigmoid head.

Input is the message, optionally paired with the other person's previous turn
(as a second segment, so the message's tokens can attend to it); the model pools
over the message's own tokens only. Output is one probability per model output.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import onnxruntime as ort
from tokenizers import Encoding, Tokenizer

Pair = tuple[str, str | None]
FloatArray = npt.NDArray[np.float32]


class OnnxEncoderClassifier:
    """Registry name ``closeknit.OnnxEncoderClassifier.v1``."""

    def __init__(self, onnx_path: Path, tokenizer_path: Path, *, max_length: int, threads: int) -> None:
        self._tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(max_length=max_length)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        self._session = ort.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])

    def predict(self, pairs: Sequence[Pair]) -> FloatArray:
        """Return an array of shape (len(pairs), n_outputs) of probabilities."""
        if not pairs:
            return np.zeros((0, 0), dtype=np.float32)
        inputs = [(text, context) if context else text for text, context in pairs]
        encodings = self._tokenizer.encode_batch(inputs)
        feeds = _pad(encodings)
        (logits,) = self._session.run(["logits"], feeds)
        result: FloatArray = (1.0 / (1.0 + np.exp(-np.asarray(logits, dtype=np.float32)))).astype(np.float32)
        return result


def _pad(encodings: list[Encoding]) -> dict[str, npt.NDArray[np.int64]]:
    width = max(len(e.ids) for e in encodings)
    ids = np.zeros((len(encodings), width), dtype=np.int64)
    types = np.zeros_like(ids)
    mask = np.zeros_like(ids)
    for row, enc in enumerate(encodings):
        n = len(enc.ids)
        ids[row, :n] = enc.ids
        types[row, :n] = enc.type_ids
        mask[row, :n] = 1
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
