import { addToShared, moveToShared, removeItem } from "./fixes";
import { claims, ownershipOf } from "./ownership";
import type { CharterRule } from "./rule";

export const cioOverlap: CharterRule = {
  id: "cio-overlap",
  severity: "warning",
  scope: "charter",
  summary: "An accountability that belongs to the CIO is claimed by the CTO.",
  doc: `Fires on an accountability (a list item, or a sentence of \`job_description\`) that the catalog
places on the CIO side (the organisation's own staff, internal systems and IT estate) while the
organisation has a CIO. Two executives owning the same thing is the commonest cause of friction
between the roles (sources 003 and 004).

It stays silent when the accountability is listed in \`shared_with_cio\`, when \`has_cio\` is false,
when \`also_cio\` is true, and for a \`coo-of-it\` CTO who reports to the CIO (delegated operations).
A CIO-side accountability that is a core of the declared persona is \`shared-ownership\` instead.

Fixes: move the item to \`shared_with_cio\` once the CIO agrees, or remove it.`,
  check({ parsed, catalog, model, report }) {
    for (const { resolution, item, sentence } of claims(model)) {
      const { accountability } = resolution;
      if (ownershipOf(accountability.id, model, catalog) !== "overlap") continue;
      const what = item ? "This accountability" : "This sentence";
      report({
        message: `${what} belongs to the CIO: ${accountability.title} (\`${accountability.id}\`) is a CIO-side accountability. Remove it, or agree it as joint in shared_with_cio.`,
        range: item?.range ?? sentence!.range,
        fixes: () => item
          ? [moveToShared(parsed, model, item, accountability.id), removeItem(parsed, model, item, "Remove this accountability")]
          : [addToShared(parsed, accountability.id, true)],
        data: { accountability: accountability.id },
      });
    }
  },
};
