/** Fixes that several rules offer, built from the minimal edits in `../edits`. */
import { appendToList, idEntry, removeListItem } from "../edits";
import type { CharterModel, Item } from "../model";
import type { ParsedCharter } from "../parse";
import type { Fix } from "../types";

export function addToShared(parsed: ParsedCharter, id: string, preferred = false): Fix {
  return {
    title: `Add \`${id}\` to shared_with_cio (agreed as joint with the CIO)`,
    edits: [appendToList(parsed, "shared_with_cio", idEntry(id))],
    safe: false,
    preferred,
  };
}

export function removeItem(parsed: ParsedCharter, model: CharterModel, item: Item, title: string): Fix {
  const listNode = model.pairs.get(item.list)?.value;
  return { title, edits: removeListItem(parsed, item, listNode!), safe: false };
}

/** Move an accountability to `shared_with_cio`: remove the item, list its catalog id there. */
export function moveToShared(parsed: ParsedCharter, model: CharterModel, item: Item, id: string): Fix {
  const remove = removeItem(parsed, model, item, "");
  return {
    title: `Move \`${id}\` to shared_with_cio`,
    edits: [...remove.edits, appendToList(parsed, "shared_with_cio", idEntry(id))],
    safe: false,
    preferred: true,
  };
}
