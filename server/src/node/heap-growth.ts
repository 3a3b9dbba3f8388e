/**
 * How far V8 lets the old generation grow past what is live before it collects again. For a small
 * heap V8 allows up to four times the live size; a language server runs for hours with a few
 * megabytes of charters, so while the open documents are of usual size the heap grows by a tenth
 * (1,000 lines: 22 MB less at peak). Past `LARGE_TEXT` V8's own factor returns: collecting a large
 * heap that often would cost each keystroke more time (10,000 lines: a third more) than the memory is
 * worth.
 *
 * The factor is one of the few V8 settings read anew at every collection, so it can change while
 * the server runs; a runtime that ignores it only keeps V8's default. V8 stamps a code cache with a
 * hash of its settings, though, and rejects one made under others: `underStartSettings` makes it
 * under the settings the process started with.
 */
import * as v8 from "node:v8";

/** Characters of open documents past which V8's own growth factor is used (about 4,000 lines). */
export const LARGE_TEXT = 250_000;
const TIGHT_PERCENT = 10;

let tight = false;

export function fitHeapGrowth(openCharacters: number): void {
  const wanted = openCharacters < LARGE_TEXT;
  if (wanted !== tight) setTight(wanted);
}

/** Runs `work` under V8's settings as the process started, with no growth factor of ours. */
export function underStartSettings<T>(work: () => T): T {
  const was = tight;
  if (was) setTight(false);
  try {
    return work();
  } finally {
    if (was) setTight(true);
  }
}

function setTight(value: boolean): void {
  tight = value;
  // 0, as at start, leaves the factor to V8's own heuristics.
  v8.setFlagsFromString(`--heap-growing-percent=${value ? TIGHT_PERCENT : 0}`);
}
