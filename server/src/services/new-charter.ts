/**
 * A new charter that starts from a persona: its core accountabilities (each with a metric to fill
 * in) and its recommended practices, ready to edit and free of errors.
 */
import type { PersonaId } from "../../../schemas/catalog";
import { CHARTER_VERSION } from "../../../schemas/charter";
import type { Catalog, Persona } from "../core/catalog";
import { yamlScalar } from "../core/edits";

export interface CharterTemplate {
  persona: PersonaId;
  name: string;
  summary: string;
  text: string;
}

/** The metric left for the author to write; plain text, so the new charter is valid as it stands. */
export const METRIC_PLACEHOLDER = "(how you will measure this)";

export function charterTemplates(catalog: Catalog): CharterTemplate[] {
  return [...catalog.personas.values()].map((persona) => ({
    persona: persona.id,
    name: persona.name,
    summary: persona.summary,
    text: charterText(persona),
  }));
}

function charterText(persona: Persona): string {
  const lines = [
    `# A CTO charter that starts from the ${persona.name} persona.`,
    "# Fill in the organisation, replace each metric placeholder, and adapt the rest to the role.",
    `charter: ${CHARTER_VERSION}`,
    "title: Chief Technology Officer",
    "organization:",
    "  name: Your organisation",
    "  has_cio: true",
    `persona: ${persona.id}`,
    `reports_to: ${persona.reportsTo}`,
    "accountabilities:",
    ...persona.core.flatMap((core) => [`  - id: ${core.id}`, "    metrics:", `      - ${METRIC_PLACEHOLDER}`]),
    "practices:",
    ...persona.recommendations.map((r) => `  - ${yamlScalar(r.text)}`),
  ];
  return `${lines.join("\n")}\n`;
}
