/**
 * The V8 settings of the server's process, kept so that V8 accepts the code caches it is given.
 *
 * V8 stamps a code cache with a hash of its settings and rejects one made under other settings. Node
 * ships a code cache of its own modules made under V8's defaults, so a single setting on the command
 * line (the server's `--max-semi-space-size=2`) made Node compile every module of its own that the
 * server loads (streams, sockets, child processes, crypto) from source: 15 ms of each start. So:
 * - heap sizes, which V8 reads once, when it makes the heap, are set back to their defaults as soon as
 *   the launcher runs (`forgetHeapSizes`): the heap keeps its size, and the hash is V8's default again;
 * - settings V8 reads as it goes are changed while the process runs (`change`), after Node has loaded
 *   its modules, and our own code cache is made under the start's settings (`underStartSettings`).
 */
import * as v8 from "node:v8";

/** The heap size the server's options set (server-launch.ts); 0 is its default. */
const HEAP_SIZE = "--max-semi-space-size";

export function forgetHeapSizes(): void {
  if (process.execArgv.some((option) => option.startsWith(`${HEAP_SIZE}=`))) v8.setFlagsFromString(`${HEAP_SIZE}=0`);
}

/** Each flag changed at run time: its setting now, and at start. */
const changed = new Map<string, { now: string; atStart: string }>();

/** Sets a V8 flag while the process runs (`--no-regexp-tier-up`); `atStart` is its setting at start (`--regexp-tier-up`). */
export function change(setting: string, atStart: string): void {
  changed.set(atStart.split("=")[0], { now: setting, atStart });
  v8.setFlagsFromString(setting);
}

/** Runs `work` under V8's settings as the process started: a code cache made there is one a later start accepts. */
export function underStartSettings<T>(work: () => T): T {
  for (const { atStart } of changed.values()) v8.setFlagsFromString(atStart);
  try {
    return work();
  } finally {
    for (const { now } of changed.values()) v8.setFlagsFromString(now);
  }
}
