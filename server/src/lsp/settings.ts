/**
 * The analysis options for a document: rule severities from the editor's `ctoCharter` settings laid
 * over the nearest `.cto-charter.json` (settings win), and an organisation catalog, read only when the
 * client says the workspace is trusted. A broken config or catalog is reported once; the built-in
 * catalog keeps working.
 */
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type { Connection } from "vscode-languageserver/node";
import { MessageType, ShowMessageNotification } from "./library";
import type { AnalyzeOptions } from "../core/analyze";
import type { Catalog } from "../core/catalog";
import { severitySetting, type CharterConfig } from "../core/config";
import { RULES_BY_ID } from "../core/rules";
import type { SeveritySetting } from "../core/types";
import { CONFIG_FILE, findConfigFile, loadCatalog, loadConfigFile } from "../node/files";

export const SETTINGS_SECTION = "ctoCharter";

/** The `ctoCharter` settings as a client sends them. */
export interface ClientSettings {
  /** Severity per rule id; VS Code also folds `ctoCharter.rules.<id>` entries into it. */
  rules?: Record<string, unknown>;
  catalogPath?: string;
  /** `rules.<id>` keys, as clients that do not nest dotted settings send them. */
  [flat: string]: unknown;
}

export interface SettingsInit {
  /** The client answers `workspace/configuration`; otherwise settings arrive with didChangeConfiguration. */
  pull: boolean;
  trusted: boolean;
  /** Workspace folders as file-system paths, for a relative `catalogPath`. */
  folders: string[];
}

type Loaded<T> = { value: T } | { error: string };

export class Settings {
  private readonly options = new Map<string, Promise<AnalyzeOptions>>();
  private readonly configs = new Map<string, Loaded<CharterConfig>>();
  private readonly catalogs = new Map<string, Loaded<Catalog>>();
  private readonly reported = new Set<string>();
  private pushed: ClientSettings = {};
  private init: SettingsInit = { pull: false, trusted: false, folders: [] };

  constructor(private readonly connection: Connection) {}

  /** What the client said at initialization. */
  configure(init: SettingsInit): void {
    this.init = init;
    this.reset();
  }

  /** Options for a document (or, without a uri, for the workspace), resolved once until the next reset. */
  optionsFor(uri?: string): Promise<AnalyzeOptions> {
    const key = uri ?? "";
    let pending = this.options.get(key);
    if (!pending) {
      pending = this.resolve(uri);
      this.options.set(key, pending);
    }
    return pending;
  }

  /** Forget everything read so far: settings, config files or catalogs changed. */
  reset(pushed?: ClientSettings): void {
    if (pushed) this.pushed = pushed;
    this.options.clear();
    this.configs.clear();
    this.catalogs.clear();
  }

  /** Whether the options depend on this file: any `.cto-charter.json`, or an organisation catalog read so far. */
  dependsOn(file: string): boolean {
    return path.basename(file) === CONFIG_FILE || this.catalogs.has(path.resolve(file));
  }

  forget(uri: string): void {
    this.options.delete(uri);
  }

  trust(): void {
    this.init.trusted = true;
    this.reset();
  }

  private async resolve(uri: string | undefined): Promise<AnalyzeOptions> {
    const settings = await this.clientSettings(uri);
    const file = uri?.startsWith("file:") ? fileURLToPath(uri) : undefined;
    const dir = file ? path.dirname(file) : this.init.folders[0];
    const configFile = dir ? findConfigFile(dir) : undefined;
    const config = configFile ? this.load(this.configs, configFile, loadConfigFile, "Its settings are ignored until it is fixed.") : undefined;
    const severities = { ...config?.rules, ...this.ruleSettings(settings) };
    const catalogFile = this.catalogFile(settings, file, configFile, config);
    if (!catalogFile) return { severities };
    if (!this.init.trusted) {
      this.reportOnce("info", `Organisation catalog ${catalogFile} not read: the workspace is not trusted.`);
      return { severities };
    }
    return { severities, catalog: this.load(this.catalogs, catalogFile, loadCatalog, "The built-in catalog is used until it is fixed.") };
  }

  private async clientSettings(uri: string | undefined): Promise<ClientSettings> {
    if (!this.init.pull) return this.pushed;
    try {
      const settings: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
      return typeof settings === "object" && settings !== null ? (settings as ClientSettings) : {};
    } catch (error) {
      this.connection.console.warn(`Could not read the ${SETTINGS_SECTION} settings: ${(error as Error).message}`);
      return {};
    }
  }

  /** `rules` entries and flat `rules.<id>` keys, keeping valid ones and reporting the rest once. */
  private ruleSettings(settings: ClientSettings): Record<string, SeveritySetting> {
    const entries = Object.entries(settings.rules && typeof settings.rules === "object" ? settings.rules : {});
    for (const [key, value] of Object.entries(settings)) if (key.startsWith("rules.")) entries.push([key.slice("rules.".length), value]);
    const severities: Record<string, SeveritySetting> = {};
    for (const [id, value] of entries) {
      const severity = severitySetting.safeParse(value);
      if (RULES_BY_ID.has(id) && severity.success) severities[id] = severity.data;
      else this.reportOnce("warning", `Setting ${SETTINGS_SECTION}.rules.${id} is ignored: ${RULES_BY_ID.has(id) ? `"${String(value)}" is not one of error, warning, info, hint, off` : "there is no rule with that id"}.`);
    }
    return severities;
  }

  /** The setting wins over `.cto-charter.json`; a relative setting is read from the document's workspace folder. */
  private catalogFile(settings: ClientSettings, file: string | undefined, configFile: string | undefined, config: CharterConfig | undefined): string | undefined {
    if (typeof settings.catalogPath === "string" && settings.catalogPath.trim()) {
      if (path.isAbsolute(settings.catalogPath)) return path.resolve(settings.catalogPath);
      const folder = this.init.folders.find((f) => file?.startsWith(f + path.sep)) ?? this.init.folders[0];
      if (folder) return path.resolve(folder, settings.catalogPath);
      this.reportOnce("warning", `${SETTINGS_SECTION}.catalogPath "${settings.catalogPath}" is relative, but there is no workspace folder to read it from.`);
      return undefined;
    }
    return config?.catalog && configFile ? path.resolve(path.dirname(configFile), config.catalog) : undefined;
  }

  private load<T>(cache: Map<string, Loaded<T>>, file: string, read: (file: string) => T, fallback: string): T | undefined {
    let loaded = cache.get(file);
    if (!loaded) {
      try {
        loaded = { value: read(file) };
      } catch (error) {
        loaded = { error: (error as Error).message };
      }
      cache.set(file, loaded);
    }
    if ("value" in loaded) return loaded.value;
    this.reportOnce("error", `${loaded.error} ${fallback}`);
    return undefined;
  }

  /** Errors and warnings are shown to the user; `info` only goes to the log. */
  private reportOnce(level: "error" | "warning" | "info", message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    if (level === "info") return this.connection.console.info(message);
    this.connection.console[level === "error" ? "error" : "warn"](message);
    // A notification, not a request: nothing waits on the user to dismiss it.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: level === "error" ? MessageType.Error : MessageType.Warning, message });
  }
}
