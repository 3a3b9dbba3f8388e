/**
 * The built-in catalog's stems as the build stores them: one string per accountability, phrases
 * split by `|` and stems by spaces (stems are single words). Half the size of nested arrays, so the
 * bundle stays small and loads fast. The phrase index's counts are one string of stems and counts,
 * its filing the index of a stem in each phrase.
 */
import type { CatalogStems } from "./matcher";

export interface StoredStems {
  phrases: string[];
  profiles: string[];
  index: { entries: string; filing: number[][] };
}

export function storeStems(stems: CatalogStems): StoredStems {
  return {
    phrases: stems.phrases.map((phrases) => phrases.map((s) => s.join(" ")).join("|")),
    profiles: stems.profiles.map((s) => s.join(" ")),
    index: { entries: [...stems.index.entries].map(([stem, count]) => `${stem} ${count}`).join(" "), filing: stems.index.filing },
  };
}

export function readStems(stored: StoredStems): CatalogStems {
  const words = (text: string) => (text ? text.split(" ") : []);
  const counts = words(stored.index.entries);
  const entries = new Map<string, number>();
  for (let i = 0; i < counts.length; i += 2) entries.set(counts[i], Number(counts[i + 1]));
  return {
    phrases: stored.phrases.map((phrases) => phrases.split("|").map(words)),
    profiles: stored.profiles.map(words),
    index: { entries, filing: stored.index.filing },
  };
}
