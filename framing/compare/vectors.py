"""Texts and sets as sparse TF-IDF vectors, and the sums and products over them that grouping
stories and matching claims need: the one module that imports scikit-learn, and the numpy
arithmetic on its matrices."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

Matrix = Any  # a SciPy sparse CSR matrix, as scikit-learn returns it (untyped)
STOP_WORDS = ENGLISH_STOP_WORDS  # scikit-learn's English stop words


def word_weights(texts: Sequence[str], *, min_run: int) -> tuple[Sequence[str], Matrix]:
    """The words and the TF-IDF of each text (English stop words out, sublinear counts, not
    normalised), IDF as if there were at least ``min_run`` texts; ValueError when no word is
    left."""
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, use_idf=False, norm=None)
    counted = vectorizer.fit_transform(texts).tocsr()
    runs = max(len(texts), min_run)
    used = np.bincount(counted.indices, minlength=counted.shape[1])
    counted.data *= (np.log((1 + runs) / (1 + used)) + 1)[counted.indices]
    return vectorizer.get_feature_names_out(), counted


def set_weights(sets: Sequence[Collection[str]], *, empty: Matrix) -> Matrix:
    """The TF-IDF of the items of each set (each item once: the actors a document names);
    ``empty`` cut to no columns when no set holds an item (a matrix of the right height)."""
    named = TfidfVectorizer(analyzer=sorted, lowercase=False)
    try:
        return named.fit_transform(list(sets))
    except ValueError:
        return empty[:, :0]


def drop_common(matrix: Matrix, *, postings_max: int) -> Matrix:
    """The rows without the words (or actors) of more than ``postings_max`` documents, normalised
    again to unit length."""
    matrix = matrix.tocsr(copy=True)
    common = np.bincount(matrix.indices, minlength=matrix.shape[1]) > postings_max
    matrix.data[common[matrix.indices]] = 0.0
    matrix.eliminate_zeros()
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    norms = np.sqrt(np.bincount(rows, weights=matrix.data**2, minlength=matrix.shape[0]))
    matrix.data /= norms[rows]
    return matrix


def links(
    words: Matrix,
    actors: Matrix,
    days: Sequence[int],
    *,
    link_min: float,
    window_days: int,
    neighbours: int,
    actor_weight: float,
    block_rows: int,
) -> list[tuple[float, int, int]]:
    """Each document's best ``neighbours`` links at ``link_min`` or above, within the window:
    (-score, i, j), strongest first."""
    day = np.asarray(days)
    found = []
    for first in range(0, words.shape[0], block_rows):
        last = min(first + block_rows, words.shape[0])
        block = _scores(words, actors, slice(first, last), actor_weight).tocsr()
        for row in range(last - first):
            i = first + row
            start, end = block.indptr[row], block.indptr[row + 1]
            others, scores = block.indices[start:end], block.data[start:end]
            keep = (scores >= link_min) & (others != i)
            if day[i] >= 0:
                keep &= (day[others] < 0) | (np.abs(day[others] - day[i]) <= window_days)
            others, scores = others[keep], scores[keep]
            best = np.lexsort((others, -scores))[:neighbours]
            found += [
                (-float(scores[k]), min(i, int(others[k])), max(i, int(others[k]))) for k in best
            ]
    return sorted(set(found))


def pair_scores(words: Matrix, actors: Matrix, *, actor_weight: float) -> np.ndarray:
    """The score of every pair of documents, dense (for a small run): ``links``' score."""
    return np.asarray(_scores(words, actors, slice(None), actor_weight).todense())


def _scores(words: Matrix, actors: Matrix, rows: slice, actor_weight: float) -> Matrix:
    """The scores of the documents ``rows`` against every document, sparse: the words' cosine
    and the actors', weighted."""
    return (words[rows] @ words.T) * (1 - actor_weight) + (actors[rows] @ actors.T) * actor_weight


Vector = tuple[np.ndarray, np.ndarray]  # sorted feature indices, their values


def vector(words: Matrix, actors: Matrix, i: int, actor_weight: float) -> Vector:
    """Document ``i``'s words and actors as one vector, weighted so that the dot product of two
    is their score; actor features come after the words."""
    parts = []
    for matrix, weight, offset in (
        (words, 1 - actor_weight, 0),
        (actors, actor_weight, words.shape[1]),
    ):
        start, end = matrix.indptr[i], matrix.indptr[i + 1]
        parts.append((matrix.indices[start:end] + offset, matrix.data[start:end] * weight**0.5))
    indices = np.concatenate([p[0] for p in parts])
    order = np.argsort(indices, kind="stable")
    return indices[order], np.concatenate([p[1] for p in parts])[order]


def dot(a: Vector, b: Vector) -> float:
    _, left, right = np.intersect1d(a[0], b[0], assume_unique=True, return_indices=True)
    return float(a[1][left] @ b[1][right])


def add(a: Vector, b: Vector) -> Vector:
    indices, where = np.unique(np.concatenate([a[0], b[0]]), return_inverse=True)
    return indices, np.bincount(where, weights=np.concatenate([a[1], b[1]]))


def ranked_terms(
    counted: Matrix, names: Sequence[str], rows: Sequence[int], *, limit: int
) -> list[str]:
    """The ``limit`` words that weigh most in ``rows`` of ``counted`` (``word_weights``), those
    of weight 0 left out: a word's weight there times the share of the texts using it that are
    among ``rows`` ("said" is heavy everywhere and names none)."""
    used_by = np.bincount(counted.indices, minlength=counted.shape[1])
    mine = counted[list(rows)]
    share = np.bincount(mine.indices, minlength=mine.shape[1]) / np.maximum(used_by, 1)
    weights = np.asarray(mine.sum(axis=0)).ravel() * share
    top = np.lexsort((np.arange(len(weights)), -weights))[:limit]
    return [str(names[k]) for k in top if weights[k] > 0]


def tfidf(texts: Sequence[str]) -> Matrix:
    """The TF-IDF of each text, unit length (English stop words out, sublinear counts)."""
    return TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
