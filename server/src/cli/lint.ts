/** Lints files on disk: resolves paths and globs, reads each file, applies its config, fixes on request. */
import * as fs from "node:fs";
import * as path from "node:path";
import { globSync } from "tinyglobby";
import { analyze, type AnalyzeOptions } from "../core/analyze";
import type { Catalog } from "../core/catalog";
import { fixAll } from "../core/fix-all";
import { findConfigFile, loadCatalog, loadConfigFile } from "../node/files";
import { locateFindings, type FileReport } from "./report";

export const CHARTER_GLOB = "**/*.cto-charter.{yaml,yml}";
const IGNORED = ["**/node_modules/**", "**/.git/**"];

export class UsageError extends Error {
  override name = "UsageError";
}

/** Expands paths (files, directories, globs) to charter files, in a stable order. */
export function resolveTargets(patterns: string[], cwd: string): string[] {
  const files = new Set<string>();
  for (const pattern of patterns.length ? patterns : ["."]) {
    const absolute = path.resolve(cwd, pattern);
    let found: string[];
    if (fs.existsSync(absolute) && fs.statSync(absolute).isDirectory()) {
      found = globSync(CHARTER_GLOB, { cwd: absolute, ignore: IGNORED, absolute: true, dot: false });
    } else if (fs.existsSync(absolute)) {
      found = [absolute];
    } else {
      found = globSync(pattern, { cwd, ignore: IGNORED, absolute: true });
    }
    if (found.length === 0) throw new UsageError(`No charter files match "${pattern}".`);
    for (const file of found.sort()) files.add(path.normalize(file));
  }
  return [...files];
}

export interface LintOptions {
  fix: boolean;
  /** An explicit `--config`; otherwise the nearest `.cto-charter.json` above each file. */
  configFile?: string;
  cwd: string;
}

/** Options per config file, loaded once each, and the config file of each directory, looked up once each. */
export class OptionsCache {
  private readonly cache = new Map<string, AnalyzeOptions>();
  private readonly configFiles = new Map<string, string | undefined>();

  /** A library keeps thousands of charters in a few directories: ask the file system once per directory. */
  configFileFor(dir: string): string | undefined {
    if (!this.configFiles.has(dir)) this.configFiles.set(dir, findConfigFile(dir));
    return this.configFiles.get(dir);
  }

  get(configFile: string | undefined): AnalyzeOptions {
    if (!configFile) return {};
    let options = this.cache.get(configFile);
    if (!options) {
      const config = loadConfigFile(configFile);
      const catalog: Catalog | undefined = config.catalog ? loadCatalog(path.resolve(path.dirname(configFile), config.catalog)) : undefined;
      options = { severities: config.rules, catalog };
      this.cache.set(configFile, options);
    }
    return options;
  }
}

/** `cache` carries loaded configs and catalogs over calls, e.g. the batches a worker thread lints. */
export function lintFiles(files: string[], options: LintOptions, cache = new OptionsCache()): FileReport[] {
  const explicit = options.configFile ? path.resolve(options.cwd, options.configFile) : undefined;
  if (explicit && !fs.existsSync(explicit)) throw new UsageError(`Config file not found: ${options.configFile}`);
  return files.map((file) => {
    const analyzeOptions = cache.get(explicit ?? cache.configFileFor(path.dirname(file)));
    const text = readText(file);
    const display = path.relative(options.cwd, file) || file;
    if (!options.fix) return { path: display, findings: locateFindings(analyze(text, analyzeOptions)) };
    const result = fixAll(text, analyzeOptions);
    const fixed = result.text !== text;
    if (fixed) fs.writeFileSync(file, result.text);
    return { path: display, findings: locateFindings(result.analysis), fixed };
  });
}

/** Bytes that are not UTF-8 decode to U+FFFD, which the parser then reports where it stands. */
function readText(file: string): string {
  return new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(fs.readFileSync(file));
}
