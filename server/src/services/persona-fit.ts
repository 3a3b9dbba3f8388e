/**
 * How well a charter fits each persona, and why: the core's persona-fit coverage, with the items
 * and sentences that cover each accountability and what the matcher saw in them.
 */
import type { PersonaId } from "../../../schemas/catalog";
import type { Analysis } from "../core/analyze";
import { clearlyBetter, FIT_MARGIN, FIT_PROBABILITY_MARGIN, personaFit, sourcesById, type FitLead, type FitSource } from "../core/rules/persona-fit";
import type { LineIndex } from "../core/text";

/** An item, sentence or shared entry that covers an accountability (the core's fit source). */
export type Claim = FitSource;

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
  /** How likely the persona is given everything the charter claims (the four add up to 1). */
  probability: number;
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
  const claims = sourcesById(model);
  const declared = model.personas.map((p) => p.id);
  const title = (id: string) => catalog.accountabilities.get(id)?.title ?? id;
  const core = personaFit(model, catalog);
  const lead = clearlyBetter(core, declared);
  const fits = core.map((fit) => ({
    persona: fit.persona,
    name: fit.name,
    declared: declared.includes(fit.persona),
    coverage: fit.coverage,
    probability: fit.probability,
    covered: fit.covered.map((id) => ({ id, title: title(id), claims: claims.get(id) ?? [] })),
    missing: fit.missing.map((id) => ({ id, title: title(id) })),
  }));
  return { declared, fits, markdown: render(fits, lead, parsed.lines) };
}

const KIND: Record<Claim["kind"], string> = {
  item: "accountability",
  sentence: "job description",
  shared: "shared with the CIO",
};

function render(fits: Fit[], lead: FitLead | undefined, lines: LineIndex): string {
  const pct = (value: number) => `${Math.round(value * 100)}%`;
  const out = ["# Persona fit"];
  const declared = fits.filter((f) => f.declared);
  const best = fits[0];
  if (declared.length === 0) {
    out.push("The charter declares no persona yet; the fits below show which one its accountabilities suggest.");
  } else {
    out.push(`Declared: ${declared.map((f) => `**${f.name}** (${pct(f.coverage)} of its core covered, ${pct(f.probability)} likely)`).join(" and ")}.`);
    // The persona-fit rule's own test, so this view and the diagnostic agree.
    out.push(
      !lead
        ? "No other persona fits clearly better than the declared one."
        : lead.by === "coverage"
          ? `**${lead.fit.name}** fits clearly better: its core coverage leads by ${pct(lead.fit.coverage - lead.declaredCoverage)}, above the ${pct(FIT_MARGIN)} margin of the \`persona-fit\` rule.`
          : `**${lead.fit.name}** fits clearly better: it is ${pct(lead.fit.probability)} likely against ${pct(lead.declaredProbability)}, above the ${pct(FIT_PROBABILITY_MARGIN)} margin of the \`persona-fit\` rule.`,
    );
  }
  for (const fit of fits) {
    out.push(`## ${fit.name}${fit.declared ? " (declared)" : ""}${fit === best ? " · best fit" : ""}: ${pct(fit.coverage)} of the core, ${pct(fit.probability)} likely`);
    const covered = fit.covered.map((c) => `- ✓ **${c.title}** (\`${c.id}\`), covered by ${c.claims.map((claim) => describeClaim(claim, lines)).join("; ")}`);
    const missing = fit.missing.map((m) => `- ✗ **${m.title}** (\`${m.id}\`): not covered`);
    out.push([...covered, ...missing].join("\n"));
  }
  return out.join("\n\n");
}

function describeClaim(claim: Claim, lines: LineIndex): string {
  const line = lines.positionAt(claim.range.start).line + 1;
  const evidence = claim.evidence ? `, matched on ${claim.evidence.map((w) => `"${w}"`).join(", ")} at ${Math.round((claim.confidence ?? 0) * 100)}% confidence` : "";
  return `line ${line} (${KIND[claim.kind]}: "${claim.text}"${evidence})`;
}
