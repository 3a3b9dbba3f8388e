/**
 * Project configuration (`.cto-charter.json`, and the editor's `ctoCharter.*` settings): rule
 * severities and an organisation catalog. Parsing is pure; finding the file is the adapters' job.
 */
import * as z from "zod/mini";
import { described } from "../../../schemas/zod-support";
import type { Rule } from "./rules/rule";
import type { Severity, SeveritySetting } from "./types";

export const severitySetting = z.enum(["error", "warning", "info", "hint", "off"]);

export const configSchema = z.strictObject({
  $schema: z.optional(z.string()),
  rules: described(z.optional(z.record(z.string(), severitySetting)), "Severity per rule id; `off` disables a rule."),
  catalog: described(z.optional(z.string()), "Path to an organisation catalog file (YAML or JSON), relative to this file."),
});

export type CharterConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export function parseConfig(text: string, origin: string, knownRules: ReadonlySet<string>): CharterConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${origin} is not valid JSON: ${(error as Error).message}`);
  }
  const result = configSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(`${origin}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  const unknown = Object.keys(result.data.rules ?? {}).filter((id) => !knownRules.has(id));
  if (unknown.length) throw new ConfigError(`${origin}: unknown rule id${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}`);
  return result.data;
}

/** The severity a rule runs at, or undefined when it is switched off. */
export function effectiveSeverity(rule: Rule, severities: Readonly<Record<string, SeveritySetting>> | undefined): Severity | undefined {
  const setting = severities?.[rule.id] ?? rule.severity;
  return setting === "off" ? undefined : setting;
}
