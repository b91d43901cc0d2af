"""The learned mention model: a fine-tuned MiniLM-L6 encoder (int8 ONNX) and a linear head over
three pools of its token states (the sentence, the mention's tokens, six tokens either side); and,
on the same pass, the sentence head: a logistic regression over the sentence's mean token state
that gives P(subjective), the learned half of the loaded-sentence score (``combine``).

The encoder runs once per sentence and every mention in it is pooled from that one pass, one
sentence a run (a batch would make a score depend on the other sentences: see ``judge``).  The
head is linear, so the part each token plays in a mention's P(positive) - P(negative) logit gap
can be read off the head (``Judged.tokens``): the words a report shows as evidence.
Probabilities and token parts are rounded (DIGITS) and the session runs on a fixed number of
threads (THREADS), so a report is the same bytes run to run.

The files are in ``framing/models/stance/`` (MODEL.md there says what they are, the data and
licences, and how ``training/train_stance_encoder.py`` and ``training/train_sentence_head.py``
reproduce them).  The only module that imports onnxruntime and tokenizers.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnxruntime
from tokenizers import Tokenizer

from framing.records import Span

MODEL_DIR = Path(__file__).resolve().parent.parent.parent / "models" / "stance"
FILES = ("encoder.int8.onnx", "tokenizer.json", "head.npz", "sentence.npz")
# One thread per process: the pool runs one process per core, and a fixed count keeps the
# arithmetic, and so the rounded outputs, the same on every machine.
THREADS = 1
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
class Read:
    """One sentence: P(subjective) from the sentence head, and each asked mention's Judged
    (None when the sentence is too long for the mention to be read)."""

    subjective: float
    mentions: tuple[Judged | None, ...]


@dataclass(frozen=True, slots=True)
class _Model:
    session: onnxruntime.InferenceSession
    tokenizer: Tokenizer
    weight: np.ndarray  # (3, 3 * hidden)
    bias: np.ndarray  # (3,)
    sentence_weight: np.ndarray  # (hidden,), over the L2-normalised sentence mean
    sentence_bias: float
    # sorted reference scores of the training sentences, for ``combine``'s ranks
    subjective_reference: np.ndarray
    lexicon_reference: np.ndarray


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
def _encoder(folder: Path) -> tuple[onnxruntime.InferenceSession, Tokenizer]:
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = THREADS
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(
        str(folder / FILES[0]), options, providers=["CPUExecutionProvider"]
    )
    tokenizer = Tokenizer.from_file(str(folder / FILES[1]))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    return session, tokenizer


@functools.lru_cache(maxsize=2)
def _load(folder: Path) -> _Model:
    session, tokenizer = _encoder(folder)
    head = np.load(folder / FILES[2])
    sentence = np.load(folder / FILES[3])
    return _Model(
        session,
        tokenizer,
        head["weight"],
        head["bias"],
        sentence["weight"],
        float(sentence["bias"]),
        sentence["subjective_reference"],
        sentence["lexicon_reference"],
    )


def _states(session: onnxruntime.InferenceSession, ids: Sequence[int]) -> np.ndarray:
    """The encoder's token states of one sentence, (tokens, hidden)."""
    array = np.array([ids], dtype=np.int64)
    (states,) = session.run(["hidden"], {"input_ids": array, "attention_mask": np.ones_like(array)})
    return states[0]


def _unit_mean(states: np.ndarray) -> np.ndarray:
    """The sentence head's input: the mean token state ([CLS] and [SEP] too), L2-normalised."""
    mean = states.mean(axis=0)
    return mean / np.linalg.norm(mean)


def subjectivity(vector: np.ndarray, weight: np.ndarray, bias: float) -> float:
    """The sentence head's P(subjective) of one ``sentence_vectors`` row, rounded (DIGITS)."""
    logit = float(weight @ vector) + float(bias)
    return round(1.0 / (1.0 + float(np.exp(-logit))), DIGITS)


def sentence_vectors(texts: Sequence[str], *, folder: Path = MODEL_DIR) -> np.ndarray:
    """The sentence head's input for each text, (texts, hidden): what
    ``training/train_sentence_head.py`` fits the head on, made as ``judge`` makes it."""
    session, tokenizer = _encoder(folder)
    return np.array([_unit_mean(_states(session, e.ids)) for e in tokenizer.encode_batch(texts)])


def _rank(reference: np.ndarray, value: float) -> float:
    """The share of ``reference`` below ``value``, ties counting half (a mid-rank)."""
    low = np.searchsorted(reference, value, side="left")
    high = np.searchsorted(reference, value, side="right")
    return float(low + high) / (2 * len(reference))


def combine(lexicon: float, subjective: float | None, *, folder: Path = MODEL_DIR) -> float:
    """A sentence's loaded score: the mean of its lexicon score's rank and its P(subjective)'s
    rank among the training sentences (NewsSD-ENG train and val, scored when the head was made);
    ``subjective`` None (a sentence the outlet quotes) leaves the model's half out, and a quoted
    sentence with no term of the outlet's own scores 0.  Ranks against a fixed reference rather
    than within a run, so a sentence's score does not depend on the articles read with it; an
    equal-weight rank average, the rule the issue measured (BABE dev 0.775 within one set)."""
    if subjective is None and lexicon <= 0:
        return 0.0
    model = _load(folder)
    score = _rank(model.lexicon_reference, lexicon)
    if subjective is not None:
        score += _rank(model.subjective_reference, subjective)
    return round(score / 2, DIGITS)


# A sentence more than half inside double quotations is the outlet quoting someone: the model
# reads the speaker's tone there, not the outlet's, so its half is left out.
QUOTED = 0.5


def loaded_sentences(
    lexicon: Sequence[tuple[Span, float]],
    subjective: Mapping[Span, float] | None,
    *,
    quoted: Callable[[int, int], float],
    folder: Path = MODEL_DIR,
) -> tuple[tuple[Span, float], ...]:
    """Each sentence's loaded score from its lexicon score (the outlet's own terms) and, unless
    ``subjective`` is None (``--fast``: the lexicon score as it is), its P(subjective): ``combine``
    of the two, the model's half left out where ``quoted(start, end)`` (the share of the
    sentence inside quotations) is above QUOTED."""
    if subjective is None:
        return tuple(lexicon)
    return tuple(
        (
            span,
            combine(
                score,
                None if quoted(span.start, span.end) > QUOTED else subjective.get(span),
                folder=folder,
            ),
        )
        for span, score in lexicon
    )


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
) -> list[Read]:
    """For each (sentence, mention spans), its Read, in the order given: one encoder pass serves
    the sentence head and every mention."""
    model = _load(folder)
    encodings = model.tokenizer.encode_batch([text for text, _ in sentences])
    found: list[Read | None] = [None] * len(sentences)
    hidden_size = model.weight.shape[1] // 3
    gap = model.weight[2] - model.weight[0]  # the positive-minus-negative direction of the head
    # Shortest first, one sentence a run.  The int8 graph quantises its activations with one
    # scale per input tensor, so in a batch a sentence's probabilities depend on its neighbours
    # (one mention went from P(neutral) 0.755 alone to 0.534 beside a longer sentence); alone
    # they depend on the sentence only.  Measured on 60 ABP articles, one thread: batches of 1,
    # 2, 4, 8, 16 and 32 read 310, 350, 340, 315, 266 and 203 sentences/s (padding costs more
    # than batching saves), and on NewsMTSC devtest_mt one at a time gives macro-F1 0.747
    # against 0.743 in batches of 32.
    for i in sorted(range(len(encodings)), key=lambda i: (len(encodings[i].ids), i)):
        encoding = encodings[i]
        width = len(encoding.ids)
        hidden = _states(model.session, encoding.ids)
        subjective = subjectivity(_unit_mean(hidden), model.sentence_weight, model.sentence_bias)
        # each token's part in the gap, per pool: (3, width)
        parts = np.stack([hidden @ gap[k * hidden_size : (k + 1) * hidden_size] for k in range(3)])
        mentions: list[Judged | None] = []
        for span in sentences[i][1]:
            pools = _pools(encoding.offsets, encoding.special_tokens_mask, span, width)
            if pools is None:
                mentions.append(None)
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
            mentions.append(Judged((rounded[0], rounded[1], rounded[2]), tokens))
        found[i] = Read(subjective, tuple(mentions))
    return [read for read in found if read is not None]
