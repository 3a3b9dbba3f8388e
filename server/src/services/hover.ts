/** Hover content: what the thing under the cursor means in the charter format and the catalog. */
import type { PersonaId } from "../../../schemas/catalog";
import type { Analysis } from "../core/analyze";
import { describePath, describeValue, valuesAt } from "../core/charter-schema";
import type { Item, Resolution, Sentence } from "../core/model";
import { RULES_BY_ID } from "../core/rules";
import type { OffsetRange } from "../core/types";
import { accountabilityMarkdown, domainLabel, personaMarkdown, ruleMarkdown } from "./markdown";
import { nodeAt, type NodeAt } from "./node-at";

export interface Hover {
  markdown: string;
  range: OffsetRange;
}

export function hoverAt(analysis: Analysis, offset: number): Hover | undefined {
  return directiveHover(analysis, offset) ?? nodeHover(analysis, offset);
}

function directiveHover(analysis: Analysis, offset: number): Hover | undefined {
  for (const directive of analysis.directives) {
    const hit = directive.ids.find((id) => id.start <= offset && offset <= id.end);
    if (!hit) continue;
    const rule = RULES_BY_ID.get(hit.id);
    const markdown = rule ? ruleMarkdown(rule) : `\`${hit.id}\` is not a rule id, so this comment suppresses nothing for it.`;
    return { markdown, range: { start: hit.start, end: hit.end } };
  }
  return undefined;
}

function nodeHover(analysis: Analysis, offset: number): Hover | undefined {
  const found = nodeAt(analysis.parsed.root, offset);
  if (!found) return undefined;
  const markdown = found.role === "key" ? keyMarkdown(found) : valueMarkdown(analysis, found, offset);
  return markdown ? { markdown, range: found.range } : undefined;
}

function keyMarkdown({ path }: NodeAt): string | undefined {
  const description = describePath(path);
  return description && `**\`${String(path[path.length - 1])}\`**: ${description}`;
}

function valueMarkdown(analysis: Analysis, found: NodeAt, offset: number): string | undefined {
  const { catalog, model } = analysis;
  const { path, node } = found;
  const value = typeof node.value === "string" ? node.value : String(node.value);
  const [head, index, field] = path;
  if (head === "persona") {
    const persona = catalog.personas.get(value as PersonaId);
    return persona && personaMarkdown(persona, catalog);
  }
  if ((head === "accountabilities" || head === "shared_with_cio") && typeof index === "number") {
    if (field === "id") {
      const accountability = catalog.accountabilities.get(value);
      return accountability && accountabilityMarkdown(accountability, catalog);
    }
    const items: Item[] = (head === "accountabilities" ? model?.accountabilities : model?.shared) ?? [];
    const item = items.find((i) => i.textNode === node);
    if (item) return matchMarkdown(item.resolution, item.unmatchedReason);
  }
  if (head === "job_description") {
    const sentence = model?.sentences.find((s) => s.range.start <= offset && offset <= s.range.end);
    if (sentence) return sentenceMarkdown(sentence);
  }
  const description = valuesAt(path).includes(value) ? describeValue(value) : undefined;
  return description && `**\`${value}\`**: ${description}`;
}

function sentenceMarkdown(sentence: Sentence): string {
  if (sentence.otherSubject) {
    return "This sentence is about someone else, so it states no accountability of this role and no rule counts it.";
  }
  return matchMarkdown(sentence.resolution, sentence.unmatchedReason);
}

function matchMarkdown(resolution: Resolution | undefined, unmatchedReason: string | undefined): string {
  if (!resolution?.match) {
    const why = unmatchedReason ?? "none of the catalog's phrases occurs in it.";
    return `**Matches no catalog accountability**: ${why}\n\nUse a catalog \`id\`, or name the accountability in words the catalog knows, for the rules to count it.`;
  }
  const { accountability, match } = resolution;
  const words = match.evidence.map((w) => `"${w}"`).join(", ");
  const qualifiers = match.qualifiers.length ? ` Whose work it is: ${match.qualifiers.map((w) => `"${w}"`).join(", ")}.` : "";
  return [
    `**Matches ${accountability.title}** (\`${accountability.id}\`), domain ${domainLabel(accountability.domain)}.`,
    match.via === "phrase"
      ? `**Evidence:** ${words}, from the catalog phrase${match.phrases.length > 1 ? "s" : ""} ${match.phrases.map((p) => `"${p}"`).join(", ")}.${qualifiers}`
      : `**Evidence:** no catalog phrase occurs, but ${words} resemble the entry's title and description.${qualifiers}`,
    `**Confidence:** ${Math.round(match.confidence * 100)}%.`,
    accountability.description,
  ].join("\n\n");
}
