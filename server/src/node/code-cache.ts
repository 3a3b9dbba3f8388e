/** The bundle's side of launcher.ts: a way to save V8's code cache, which is there only under the launcher. */
import { underStartSettings } from "./v8-settings";
import type { CodeCache } from "./launcher";

/** Handed in by the launcher as an argument of the bundle's wrapper; undefined elsewhere (tests under tsx). */
declare const codeCache: CodeCache | undefined;

let asked = false;

/** Saves the code cache once the process has done its first piece of work; later calls do nothing. */
export function saveCodeCache(): void {
  if (asked || typeof codeCache === "undefined") return;
  asked = true;
  underStartSettings(() => codeCache!.save());
}
