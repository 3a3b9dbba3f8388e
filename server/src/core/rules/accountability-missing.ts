import { appendToList, idEntry } from "../edits";
import { coreIds, coveredIds } from "./ownership";
import type { CharterRule } from "./rule";

export const accountabilityMissing: CharterRule = {
  id: "accountability-missing",
  severity: "warning",
  scope: "charter",
  summary: "A core accountability of the declared persona is not covered.",
  doc: `Each persona comes with the responsibilities it typically holds (source 000); the catalog records
them as the persona's core accountabilities. This rule fires once per core accountability that
neither \`accountabilities\`, \`job_description\` nor \`shared_with_cio\` covers. A blended role (two
personas) needs the union of both cores.

The finding sits on the \`persona\` value. Its fix appends the accountability's catalog id to
\`accountabilities\` (a safe fix: \`--fix\` applies it).`,
  check({ parsed, catalog, model, report }) {
    if (!model.personaNode?.range || model.personas.length === 0) return;
    const covered = coveredIds(model);
    const [start, end] = model.personaNode.range;
    for (const id of coreIds(model, catalog)) {
      if (covered.has(id)) continue;
      const accountability = catalog.accountabilities.get(id);
      const title = accountability?.title ?? id;
      const holders = catalog.heldBy(id).filter((h) => model.personas.some((p) => p.id === h.persona.id));
      report({
        message: `Missing core accountability of the ${holders.map((h) => h.persona.name).join(" / ")} persona: ${title} (\`${id}\`).`,
        range: { start, end },
        fixes: () => [{ title: `Add \`${id}\` to accountabilities`, edits: [appendToList(parsed, "accountabilities", idEntry(id))], safe: true, preferred: true }],
        data: { accountability: id },
      });
    }
  },
};
