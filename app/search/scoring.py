"""How close two texts are: the one scorer of precedent search, provenance and clause history.

Calibrated on the Mali conclusions (the letter to the Government, 7(a)-(i), repeats the
public statement's 5(n)-(v) with small changes): `fuzz.ratio` finds the parallel of a
whole segment every time but only 2 in 18 from its first 30%, while `partial_ratio` finds
16 in 18 from the first 30%. So the start of the longer text of a pair is also scored
against the shorter, at PARTIAL_WEIGHT (a prefix typed exactly shows as 90, never as a
full match), and the best candidates are rescored with `partial_ratio` (a match anywhere
inside); the better score counts. `partial_ratio` costs about 0.5 ms on two long
paragraphs, so it runs on the best `refine` texts by score and, when the caller knows
which texts contain the query's words (`hint`, from the segment index), on the best
`refine` by that too: a text holding the whole query is rescored even when its plain
ratio ranks it low.

All texts are already passed through `rapidfuzz.utils.default_process`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process

PARTIAL_WEIGHT = 0.9
REFINE = 50
CEILING = 100 * PARTIAL_WEIGHT  # a weighted prefix or partial match never scores above this
_PARALLEL_FROM = 10_000  # below this many texts rapidfuzz's threads cost more than they save


def _workers(n: int) -> int:
    return -1 if n >= _PARALLEL_FROM else 1


def score_row(
    query: str,
    texts: Sequence[str],
    *,
    hint: np.ndarray | None = None,
    allowed: np.ndarray | None = None,
    refine: int = REFINE,
    cutoff: float = 0.0,
    min_share: float = 0.0,
    every_match: bool = False,
    min_opening_share: float | None = None,
    first: np.ndarray | None = None,
    best: int | None = None,
) -> np.ndarray:
    """Similarity (0-100) of `query` to each of `texts`, in order.

    Scores under `cutoff` may come back lower than they are (rapidfuzz stops early), so a
    caller keeping only scores from `cutoff` up sees the same. `allowed` (bool per text)
    marks the texts that may be returned; others score -1 and are never refined. A query
    whose best is already CEILING or more is not refined: a weighted partial match cannot
    pass it, unless `every_match` (the caller wants every text containing the query, not
    the best one). With `min_share`, the prefix and partial parts only count for pairs
    whose shorter text is at least that share of the longer; `min_opening_share` is the
    share asked of a text shorter than the query (a heading opening a typed paragraph is
    not where the paragraph comes from), `min_share` by default. With `best` and `first`
    (a guess at each text's closeness), only the best `best` scores need be exact: the
    likeliest texts are scored first and the rest only against the bar they set, which
    lets rapidfuzz stop early on most of them.
    """
    m = len(texts)
    if not query or not m:
        return np.zeros(m)
    lq = len(query)
    clen = np.fromiter((len(c) for c in texts), dtype=np.int64, count=m)
    shorter, longer = np.minimum(clen, lq), np.maximum(clen, lq)
    share_ok = shorter >= min_share * longer
    if min_opening_share is not None:
        share_ok = np.where(clen < lq, shorter >= min_opening_share * longer, share_ok)
    prefix_ok = share_ok & (clen != lq)
    scores = np.zeros(m)
    if best is not None and first is not None and m > 4 * best:
        # The likeliest texts first; the best `best` of them set the bar the others must pass.
        likely = np.union1d(np.argsort(-first, kind="stable")[: 2 * best],
                            np.argsort(-hint, kind="stable")[: 2 * best] if hint is not None else [])
        likely = likely.astype(np.int64)
        _whole(query, texts, likely, clen, prefix_ok, cutoff, scores)
        # less a tenth: scores that round to the same shown value still tie
        bar = max(cutoff, float(np.sort(scores[likely])[-best]) - 0.1)
        rest = np.setdiff1d(np.arange(m), likely)
        _whole(query, texts, rest, clen, prefix_ok, bar, scores)
    else:
        _whole(query, texts, np.arange(m), clen, prefix_ok, cutoff, scores)
    prefix_cutoff = cutoff / PARTIAL_WEIGHT if cutoff else None
    if allowed is not None:
        scores[~allowed] = -1
    if not every_match and scores.max(initial=-1) >= CEILING:
        return scores
    top = np.argsort(-scores, kind="stable")[:refine]
    if hint is not None:
        by_hint = np.argsort(-np.where(scores < 0, -1, hint), kind="stable")[:refine]
        top = np.concatenate([top, by_hint[~np.isin(by_hint, top)]])
    if best is not None and m > best:  # a partial match must beat the best `best` to matter
        bar = (float(np.sort(scores)[-best]) - 0.1) / PARTIAL_WEIGHT
        prefix_cutoff = max(prefix_cutoff or 0.0, bar) or None
    for i in top.tolist():
        if scores[i] < 0 or not share_ok[i]:
            continue
        partial = fuzz.partial_ratio(query, texts[i], score_cutoff=prefix_cutoff)
        scores[i] = max(scores[i], partial * PARTIAL_WEIGHT)
    return scores


def _whole(query: str, texts: Sequence[str], which: np.ndarray, clen: np.ndarray, prefix_ok: np.ndarray,
           cutoff: float, scores: np.ndarray) -> None:
    """`ratio` and the weighted common-prefix score of `texts[which]` into `scores` (under
    `cutoff`: 0 or too low)."""
    if not len(which):
        return
    lq = len(query)
    chosen = [texts[i] for i in which.tolist()]
    workers = _workers(len(chosen))
    ratio = process.cdist([query], chosen, scorer=fuzz.ratio, processor=None, workers=workers,
                          score_cutoff=cutoff or None)[0].astype(np.float64)
    ok = prefix_ok[which]
    prefix_cutoff = cutoff / PARTIAL_WEIGHT if cutoff else None
    if ok.any() and (prefix_cutoff is None or prefix_cutoff <= 100):
        heads_q = [query[:n] if n < lq else query for n in clen[which].tolist()]
        heads_c = [c[:lq] for c in chosen]
        prefix = process.cpdist(heads_q, heads_c, scorer=fuzz.ratio, processor=None, workers=workers,
                                score_cutoff=prefix_cutoff)
        ratio = np.maximum(ratio, np.where(ok, prefix * PARTIAL_WEIGHT, 0))
    scores[which] = ratio


def score_matrix(
    queries: Sequence[str],
    processed: Sequence[str],
    allowed: np.ndarray | None = None,
    refine: int = REFINE,
    cutoff: float = 0.0,
    min_share: float = 0.0,
    every_match: bool = False,
) -> np.ndarray:
    """`score_row` for each query: a `len(queries) x len(processed)` array (`allowed` per pair)."""
    out = np.zeros((len(queries), len(processed)))
    for r, q in enumerate(queries):
        out[r] = score_row(q, processed, allowed=None if allowed is None else allowed[r], refine=refine,
                           cutoff=cutoff, min_share=min_share, every_match=every_match)
    return out
