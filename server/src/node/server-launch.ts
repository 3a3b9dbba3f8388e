/**
 * How the language server process is started: the VS Code client starts it this way, and the
 * protocol tests and the benchmark start it the same way, so they measure what users run.
 */

/**
 * Node options for the server:
 * - A young generation of 2 MB semi-spaces, where V8 would let it grow to 16 MB each. A keystroke's
 *   garbage is far smaller (the old generation's growth is tuned while the server runs,
 *   heap-growth.ts). 1 MB was too small: a keystroke on a 100-line charter leaves about 0.5 MB while
 *   the code is still warming up, so every other one paid for a scavenge (2 MB: median 2.00 → 1.79×
 *   the parse floor over 10 interleaved sessions, peak RSS 1–2 MB more). V8 reads it once, when it
 *   makes the heap; the launcher then sets it back to its default (v8-settings.ts says why).
 * - One helper thread for V8, where Node starts four. During the first analysis V8 compiles about 160
 *   hot functions on its helpers; on two cores four of them took the core the server's own thread
 *   was running on, which then waited 52 ms of a 1,000-line start-up (10 ms with one helper; start-up
 *   329 → 300 ms, medians of 25 interleaved starts). It is an option of Node's, not of V8's, so the
 *   code caches keep matching.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ["--max-semi-space-size=2", "--v8-pool-size=1"];

/**
 * The server's environment: the client's own, with two changes.
 * - No `NODE_EXTRA_CA_CERTS`: the server never opens a network connection, and Node parses every
 *   certificate that variable names at start, before any code runs (45 ms for a system bundle on a
 *   2-core machine).
 * - One malloc arena (glibc; other C libraries ignore it): V8's compiler and collector threads would
 *   each get their own, and the memory they free there stays resident (9 MB at 1,000 lines).
 */
export function serverEnvironment(base: NodeJS.ProcessEnv, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _unused, ...env } = base;
  return { ...env, MALLOC_ARENA_MAX: "1", ...extra };
}
