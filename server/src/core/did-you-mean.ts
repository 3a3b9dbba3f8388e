/** Suggests the intended word for a misspelt key or value. */

/**
 * Edit distance counting an adjacent transposition as one edit (optimal string alignment). Any
 * distance above `limit` comes back as `limit + 1`. Under a limit only the cells within `limit` of the
 * diagonal are computed, since a path through any other costs more (Ukkonen's band): a 25-letter id
 * takes 5 cells a row instead of 25, with two edits allowed. The rest are decided as soon as two rows
 * in a row exceed the limit (a transposition skips one row, never two).
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const over = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return over;
  const cols = b.length + 1;
  let beforePrevious: number[] = new Array(cols).fill(over);
  let previous = Array.from({ length: cols }, (_, j) => (j <= limit ? j : over));
  let current: number[] = new Array(cols).fill(over);
  let previousMin = 0;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    // The cell left of the band reads as beyond the limit (the arrays are reused row after row, and
    // so hold older rows there); those right of it were never written and still do.
    current[from - 1] = from === 1 ? i : over;
    let rowMin = from === 1 ? i : over;
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, beforePrevious[j - 2] + 1);
      current[j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit && previousMin > limit) return over;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
    previousMin = rowMin;
  }
  return Math.min(previous[b.length], over);
}

/**
 * The closest candidate when it is close enough to be a typo: at most two edits, and fewer than a
 * third of the written value's length. Ties go to no suggestion, since either guess could mislead.
 */
export function didYouMean(written: string, candidates: Iterable<string>): string | undefined {
  if (written.length > 64) return undefined;
  const limit = Math.min(2, Math.ceil(written.length / 3) - 1);
  const lower = written.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const candidate of candidates) {
    if (candidate === written || Math.abs(candidate.length - written.length) > limit) continue;
    // Distances beyond the limit are capped: they can only lose, however they compare among themselves.
    const distance = editDistance(lower, candidate.toLowerCase(), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) {
      tie = true;
    }
  }
  return best !== undefined && bestDistance <= limit && !tie ? best : undefined;
}
