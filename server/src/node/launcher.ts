/**
 * The entry of `dist/server.js` and `dist/cli.js`: it loads the real bundle beside it
 * (`server-main.js`, `cli-main.js`) with V8's code cache, so that every start after the first
 * skips compiling half a megabyte of JavaScript (about 45 ms and 6 MB on a 2-core machine).
 *
 * The cache holds V8's compiled form of that one bundle, nothing else: it is keyed by the bundle's
 * version, size and modification time and by V8's own version tag, kept in the user's cache folder
 * (never the workspace), and written once, after the first analysis, when V8 has compiled what a
 * session needs. A missing, unreadable or rejected cache costs a normal start, never an error.
 * `CTO_CHARTER_CODE_CACHE=off` turns it off; `CTO_CHARTER_CACHE_DIR` moves it (the VS Code client
 * points it at its storage).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as v8 from "node:v8";
import * as vm from "node:vm";
import { forgetHeapSizes } from "./v8-settings";

declare const LAUNCH_TARGET: string;
declare const CTO_CHARTER_VERSION: string;

/** What the bundle is handed: a way to save the cache once it has done its first piece of work. */
export interface CodeCache {
  save(): void;
}

// Before Node loads any module of its own, and before the cache's key reads V8's settings.
forgetHeapSizes();

const target = path.join(__dirname, LAUNCH_TARGET);
/** Cache files are named after the bundle: `server-main-<version>-<size>-<mtime>-<node>-<arch>-<V8 tag>.v8cache`. */
const prefix = `${path.basename(target, ".js")}-`;
const cacheFile = cachePath();
const { script, accepted } = compile(cacheFile);
let saved = accepted;
const codeCache: CodeCache = {
  save() {
    if (saved || !cacheFile) return;
    saved = true;
    writeCache(cacheFile, script.createCachedData());
  },
};
// The launcher's own module stands for the bundle's, so `require.main === module` holds as before.
script.runInThisContext()(module.exports, require, module, target, __dirname, codeCache);

/** The bundle as a script, with the cache when there is one; the file's text and the cache's bytes are not kept. */
function compile(file: string | undefined): { script: vm.Script; accepted: boolean } {
  // A bundle's `#!` line is a comment here: it is valid only at the very start of a file.
  const source = fs.readFileSync(target, "utf8").replace(/^#!/, "//");
  const cachedData = file ? readCache(file) : undefined;
  // The bundle runs as a CommonJS module would, with one more argument: the code cache.
  const compiled = new vm.Script(`(function (exports, require, module, __filename, __dirname, codeCache) {${source}\n})`, { filename: target, cachedData });
  return { script: compiled, accepted: cachedData !== undefined && !compiled.cachedDataRejected };
}

/**
 * V8 checks only a cache's length against the source, so the name must change with the bundle. Its
 * size and modification time change with every build and install, and reading them is free, where
 * hashing the text cost 4 ms and loading OpenSSL 2 MB of memory at each start.
 */
function cachePath(): string | undefined {
  if (process.env.CTO_CHARTER_CODE_CACHE === "off") return undefined;
  const folder = process.env.CTO_CHARTER_CACHE_DIR || userCacheFolder();
  if (!folder) return undefined;
  const { size, mtimeMs } = fs.statSync(target);
  const key = [CTO_CHARTER_VERSION, size, Math.round(mtimeMs), process.version, process.arch, v8.cachedDataVersionTag()].join("-");
  return path.join(folder, `${prefix}${key}.v8cache`);
}

function userCacheFolder(): string | undefined {
  const home = os.homedir();
  if (process.platform === "win32") return process.env.LOCALAPPDATA ? path.join(process.env.LOCALAPPDATA, "cto-charter", "Cache") : undefined;
  if (process.platform === "darwin") return path.join(home, "Library", "Caches", "cto-charter");
  return path.join(process.env.XDG_CACHE_HOME || path.join(home, ".cache"), "cto-charter");
}

function readCache(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written under a temporary name and renamed, so a concurrent start never reads half a file; older caches of this bundle go. */
function writeCache(file: string, data: Buffer): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, file);
    for (const name of fs.readdirSync(path.dirname(file))) {
      if (name.startsWith(prefix) && name.endsWith(".v8cache") && name !== path.basename(file)) fs.rmSync(path.join(path.dirname(file), name), { force: true });
    }
  } catch {
    // A read-only or full disk only means the next start compiles again.
  }
}
