/**
 * The markdown the editor shows about catalog entries and rules. Hover and completion documentation
 * both use it, so a persona or an accountability reads the same wherever it appears.
 */
import type { Domain, SourceRef } from "../../../schemas/catalog";
import type { Accountability, Catalog, Persona } from "../core/catalog";
import { ruleDocUrl, type Rule } from "../core/rules";

const DOMAIN_LABELS: Record<Domain, string> = {
  cto: "CTO",
  cio: "CIO",
  shared: "shared",
};

const DOMAIN_MEANINGS: Record<Domain, string> = {
  cto: "the CTO's side: products, customers and the technology inside them",
  cio: "the CIO's side: the organisation's own staff, systems and IT estate",
  shared: "a zone the CTO and the CIO share; agree who owns what in `shared_with_cio`",
};

/** The short domain label used in completion lists: CTO, CIO or shared. */
export function domainLabel(domain: Domain): string {
  return DOMAIN_LABELS[domain];
}

export function sourceLine(source: SourceRef): string {
  return `_Source: ${source.file}, "${source.section}"._`;
}

export function personaMarkdown(persona: Persona, catalog: Catalog): string {
  const core = persona.core.map((c) => `- ${catalog.accountabilities.get(c.id)?.title ?? c.id} (\`${c.id}\`)`);
  return [
    `**${persona.name}** persona (\`${persona.id}\`)`,
    `${persona.summary}.`,
    `**Focus.** ${persona.focus}`,
    `**Typical reporting line:** \`${persona.reportsTo}\`. ${persona.reportingNote}`,
    `**Core accountabilities**\n\n${core.join("\n")}`,
    sourceLine(persona.source),
  ].join("\n\n");
}

export function accountabilityMarkdown(accountability: Accountability, catalog: Catalog): string {
  const holders = catalog.heldBy(accountability.id);
  const held = holders.length
    ? holders.map((h) => `- **${h.persona.name}**: ${h.why}`).join("\n")
    : "No persona holds it as a core accountability.";
  return [
    `**${accountability.title}** (\`${accountability.id}\`)`,
    accountability.description,
    `**Domain: ${DOMAIN_LABELS[accountability.domain]}**, ${DOMAIN_MEANINGS[accountability.domain]}.`,
    `**Held by**\n\n${held}`,
    sourceLine(accountability.source),
  ].join("\n\n");
}

export function ruleMarkdown(rule: Rule): string {
  return [`**Rule \`${rule.id}\`** (default: ${rule.severity})`, rule.summary, rule.doc, `[Rule documentation](${ruleDocUrl(rule.id)})`].join("\n\n");
}
