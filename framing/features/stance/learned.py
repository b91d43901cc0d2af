"""The learned mention model: a fine-tuned MiniLM-L6 encoder (int8 ONNX) and a linear head over
three pools of its token states (the sentence, the mention's tokens, six tokens either side).

The encoder runs once per sentence and every mention in it is pooled from that one pass, one
sentence a run (see BATCH: batching makes a score depend on other sentences).  The head is linear,
so the part each token plays in a mention's P(positive) - P(negative) logit gap can be read off
the head (``Judged.tokens``): the words a report shows as evidence.  Probabilities and token
parts are rounded (DIGITS) and the session runs on a fixed number of threads (THREADS), so a
report is the same bytes run to run.

The files are in ``framing/models/stance/`` (MODEL.md there says what they are, the data and
licences, and how ``training/train_stance_encoder.py`` reproduces them).  The only module that
imports onnxruntime and tokenizers.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnxruntime
from tokenizers import Tokenizer

MODEL_DIR = Path(__file__).resolve().parent.parent.parent / "models" / "stance"
FILES = ("encoder.int8.onnx", "tokenizer.json", "head.npz")
# One thread per process: the pool runs one process per core, and a fixed count keeps the
# arithmetic, and so the rounded outputs, the same on every machine.
THREADS = 1
# One sentence a run.  The int8 graph quantises its activations with one scale per input
# tensor, so in a batch a sentence's probabilities depend on its neighbours (one mention went
# from P(neutral) 0.755 alone to 0.534 beside a longer sentence); alone they depend on the
# sentence only.  Measured on 60 ABP articles, one thread: batches of 1, 2, 4, 8, 16 and 32 read
# 310, 350, 340, 315, 266 and 203 sentences/s (padding costs more than batching saves), and on
# NewsMTSC devtest_mt one at a time gives macro-F1 0.747 against 0.743 in batches of 32.
BATCH = 1
MAX_TOKENS = 512  # the encoder's position limit; a mention beyond it is left to the rules
WINDOW = 6  # tokens either side of a mention in its context pool, as in training
DIGITS = 3


@dataclass(frozen=True, slots=True)
class Judged:
    """One mention: P(negative), P(neutral), P(positive), and each word piece's part in the
    positive-minus-negative logit gap as (start, end, part), offsets into the sentence."""

    probabilities: tuple[float, float, float]
    tokens: tuple[tuple[int, int, float], ...]


@dataclass(frozen=True, slots=True)
class _Model:
    session: onnxruntime.InferenceSession
    tokenizer: Tokenizer
    weight: np.ndarray  # (3, 3 * hidden)
    bias: np.ndarray  # (3,)


@functools.lru_cache(maxsize=2)
def fingerprint(folder: Path = MODEL_DIR) -> str:
    """The model files' SHA-256, for the stage cache's key."""
    digest = hashlib.sha256()
    for name in FILES:
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()


def available(folder: Path = MODEL_DIR) -> bool:
    return all((folder / name).is_file() for name in FILES)


@functools.lru_cache(maxsize=2)
def _load(folder: Path) -> _Model:
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = THREADS
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(
        str(folder / FILES[0]), options, providers=["CPUExecutionProvider"]
    )
    tokenizer = Tokenizer.from_file(str(folder / FILES[1]))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    head = np.load(folder / FILES[2])
    return _Model(session, tokenizer, head["weight"], head["bias"])


def _pools(
    offsets: Sequence[tuple[int, int]], special: Sequence[int], span: tuple[int, int], width: int
) -> np.ndarray | None:
    """(3, width) weights that average the sentence, the mention's tokens and its context (the
    tokens within WINDOW of it, the mention left out); None when truncation cut the mention."""
    start, end = span
    n = len(offsets)
    target = [
        i for i, (a, b) in enumerate(offsets) if not special[i] and b > a and a < end and b > start
    ]
    if not target:
        return None
    pools = np.zeros((3, width), dtype=np.float32)
    pools[0, :n] = 1.0 / n  # every token of the sentence, [CLS] and [SEP] too, as in training
    pools[1, target] = 1.0 / len(target)
    low, high = max(0, target[0] - WINDOW), min(n, target[-1] + WINDOW + 1)
    context = [i for i in range(low, high) if not special[i] and not target[0] <= i <= target[-1]]
    if context:
        pools[2, context] = 1.0 / len(context)
    else:  # a mention that fills its sentence has no context of its own
        pools[2] = pools[0]
    return pools


def judge(
    sentences: Sequence[tuple[str, Sequence[tuple[int, int]]]], *, folder: Path = MODEL_DIR
) -> list[list[Judged | None]]:
    """For each (sentence, mention spans), each mention's Judged (None when the sentence is too
    long for the mention to be read), in the order given."""
    model = _load(folder)
    encodings = model.tokenizer.encode_batch([text for text, _ in sentences])
    found: list[list[Judged | None]] = [[] for _ in sentences]
    hidden_size = model.weight.shape[1] // 3
    gap = model.weight[2] - model.weight[0]  # the positive-minus-negative direction of the head
    order = sorted(range(len(encodings)), key=lambda i: (len(encodings[i].ids), i))
    for first in range(0, len(order), BATCH):
        batch = order[first : first + BATCH]
        width = max(len(encodings[i].ids) for i in batch)
        ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, i in enumerate(batch):
            ids[row, : len(encodings[i].ids)] = encodings[i].ids
            mask[row, : len(encodings[i].ids)] = 1
        states = model.session.run(["hidden"], {"input_ids": ids, "attention_mask": mask})[0]
        for row, i in enumerate(batch):
            encoding = encodings[i]
            hidden = states[row]
            # each token's part in the gap, per pool: (3, width)
            parts = np.stack(
                [hidden @ gap[k * hidden_size : (k + 1) * hidden_size] for k in range(3)]
            )
            for span in sentences[i][1]:
                pools = _pools(encoding.offsets, encoding.special_tokens_mask, span, width)
                if pools is None:
                    found[i].append(None)
                    continue
                logits = model.weight @ (pools @ hidden).reshape(-1) + model.bias
                exp = np.exp(logits - logits.max())
                probs = exp / exp.sum()
                share = (pools * parts).sum(axis=0)
                tokens = tuple(
                    (a, b, round(float(share[t]), DIGITS))
                    for t, (a, b) in enumerate(encoding.offsets)
                    if not encoding.special_tokens_mask[t] and b > a
                )
                rounded = tuple(round(float(p), DIGITS) for p in probs)
                found[i].append(Judged((rounded[0], rounded[1], rounded[2]), tokens))
    return found
