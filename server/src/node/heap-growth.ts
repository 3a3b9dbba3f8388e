/**
 * How far V8 lets the old generation grow past what is live before it collects again. For a small
 * heap V8 allows up to four times the live size; a language server runs for hours with a few
 * megabytes of charters, so while the open documents are of usual size the heap grows by a tenth
 * (1,000 lines: 22 MB less at peak). Past `LARGE_TEXT` V8's own factor returns: collecting a large
 * heap that often would cost each keystroke more time (10,000 lines: a third more) than the memory is
 * worth.
 *
 * The factor is one of the settings V8 reads anew at every collection, so it can change while the
 * server runs (v8-settings.ts); a runtime that ignores it only keeps V8's default.
 */
import { change } from "./v8-settings";

/** Characters of open documents past which V8's own growth factor is used (about 4,000 lines). */
export const LARGE_TEXT = 250_000;
const TIGHT_PERCENT = 10;

let tight = false;

export function fitHeapGrowth(openCharacters: number): void {
  const wanted = openCharacters < LARGE_TEXT;
  if (wanted !== tight) setTight(wanted);
}

function setTight(value: boolean): void {
  tight = value;
  // 0, as at start, leaves the factor to V8's own heuristics.
  change(`--heap-growing-percent=${value ? TIGHT_PERCENT : 0}`, "--heap-growing-percent=0");
}
