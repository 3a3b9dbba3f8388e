/**
 * How well a charter fits each persona, and why: the core's persona-fit coverage, with the items
 * and sentences that cover each accountability and what the matcher saw in them.
 */
import type { PersonaId } from "../../../schemas/catalog";
import type { Analysis } from "../core/analyze";
import type { CharterModel, Resolution } from "../core/model";
import { FIT_MARGIN, FIT_MIN_COVERED, personaFit } from "../core/rules/persona-fit";
import type { LineIndex } from "../core/text";
import type { OffsetRange } from "../core/types";

export interface Claim {
  /** The item or sentence as written. */
  text: string;
  via: "id" | "text" | "sentence" | "shared";
  range: OffsetRange;
  /** For free text: the words that matched, and how sure the match is (0..1). */
  evidence?: string[];
  confidence?: number;
}

export interface Coverage {
  id: string;
  title: string;
  claims: Claim[];
}

export interface Fit {
  persona: PersonaId;
  name: string;
  declared: boolean;
  /** Share of the persona's core the charter covers, 0..1. */
  coverage: number;
  covered: Coverage[];
  missing: { id: string; title: string }[];
}

export interface FitReport {
  declared: PersonaId[];
  /** Best fit first. */
  fits: Fit[];
  markdown: string;
}

export function personaFitReport(analysis: Analysis): FitReport {
  const { model, catalog, parsed } = analysis;
  if (!model) {
    return { declared: [], fits: [], markdown: "# Persona fit\n\nThe file is not a charter yet (its root is not a mapping of keys), so there is nothing to compare." };
  }
  const claims = claimsById(model);
  const declared = model.personas.map((p) => p.id);
  const title = (id: string) => catalog.accountabilities.get(id)?.title ?? id;
  const fits = personaFit(model, catalog).map((fit) => ({
    persona: fit.persona,
    name: fit.name,
    declared: declared.includes(fit.persona),
    coverage: fit.coverage,
    covered: fit.covered.map((id) => ({ id, title: title(id), claims: claims.get(id) ?? [] })),
    missing: fit.missing.map((id) => ({ id, title: title(id) })),
  }));
  return { declared, fits, markdown: render(fits, parsed.lines) };
}

function claimsById(model: CharterModel): Map<string, Claim[]> {
  const byId = new Map<string, Claim[]>();
  const add = (resolution: Resolution | undefined, text: string, via: Claim["via"], range: OffsetRange) => {
    if (!resolution) return;
    const claim: Claim = { text, via, range };
    if (resolution.match) {
      claim.evidence = resolution.match.evidence;
      claim.confidence = resolution.match.confidence;
    }
    const id = resolution.accountability.id;
    byId.set(id, [...(byId.get(id) ?? []), claim]);
  };
  for (const item of model.accountabilities) add(item.resolution, item.text ?? `id: ${item.id}`, item.id !== undefined ? "id" : "text", item.range);
  for (const sentence of model.sentences) add(sentence.resolution, sentence.text, "sentence", sentence.range);
  for (const item of model.shared) add(item.resolution, item.text ?? `id: ${item.id}`, "shared", item.range);
  return byId;
}

const VIA: Record<Claim["via"], string> = {
  id: "accountability by id",
  text: "accountability text",
  sentence: "job description",
  shared: "shared with the CIO",
};

function render(fits: Fit[], lines: LineIndex): string {
  const pct = (value: number) => `${Math.round(value * 100)}%`;
  const out = ["# Persona fit"];
  const declared = fits.filter((f) => f.declared);
  const best = fits[0];
  if (declared.length === 0) {
    out.push("The charter declares no persona yet; the fits below show which one its accountabilities suggest.");
  } else {
    const declaredBest = Math.max(...declared.map((f) => f.coverage));
    out.push(`Declared: ${declared.map((f) => `**${f.name}** (${pct(f.coverage)} of its core covered)`).join(" and ")}.`);
    // The persona-fit rule's own test, so this view and the diagnostic agree.
    const lead = fits.find((f) => !f.declared && f.covered.length >= FIT_MIN_COVERED && f.coverage - declaredBest >= FIT_MARGIN);
    out.push(
      lead
        ? `**${lead.name}** fits clearly better: it leads by ${pct(lead.coverage - declaredBest)}, above the ${pct(FIT_MARGIN)} margin of the \`persona-fit\` rule.`
        : "No other persona fits clearly better than the declared one.",
    );
  }
  for (const fit of fits) {
    out.push(`## ${fit.name}${fit.declared ? " (declared)" : ""}${fit === best ? " · best fit" : ""}: ${pct(fit.coverage)}`);
    const covered = fit.covered.map((c) => `- ✓ **${c.title}** (\`${c.id}\`), covered by ${c.claims.map((claim) => describeClaim(claim, lines)).join("; ")}`);
    const missing = fit.missing.map((m) => `- ✗ **${m.title}** (\`${m.id}\`): not covered`);
    out.push([...covered, ...missing].join("\n"));
  }
  return out.join("\n\n");
}

function describeClaim(claim: Claim, lines: LineIndex): string {
  const line = lines.positionAt(claim.range.start).line + 1;
  const evidence = claim.evidence ? `, matched on ${claim.evidence.map((w) => `"${w}"`).join(", ")} at ${Math.round((claim.confidence ?? 0) * 100)}% confidence` : "";
  return `line ${line} (${VIA[claim.via]}: "${claim.text}"${evidence})`;
}
