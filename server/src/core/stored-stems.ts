/**
 * The built-in catalog's stems as the build stores them: one string per accountability, phrases
 * split by `|` and stems by spaces (stems are single words). Half the size of nested arrays, so the
 * bundle stays small and loads fast.
 */
import type { CatalogStems } from "./matcher";

export interface StoredStems {
  phrases: string[];
  profiles: string[];
}

export function storeStems(stems: CatalogStems): StoredStems {
  return { phrases: stems.phrases.map((phrases) => phrases.map((s) => s.join(" ")).join("|")), profiles: stems.profiles.map((s) => s.join(" ")) };
}

export function readStems(stored: StoredStems): CatalogStems {
  const words = (text: string) => (text ? text.split(" ") : []);
  return { phrases: stored.phrases.map((phrases) => phrases.split("|").map(words)), profiles: stored.profiles.map(words) };
}
