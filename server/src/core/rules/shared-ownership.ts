import { addToShared } from "./fixes";
import { claims, ownershipOf } from "./ownership";
import type { CharterRule } from "./rule";

export const sharedOwnership: CharterRule = {
  id: "shared-ownership",
  severity: "info",
  scope: "charter",
  summary: "A shared-zone accountability is not yet agreed as joint with the CIO.",
  doc: `Fires on an accountability in a zone where CIO and CTO work converges (software development for
internal applications, SaaS and packaged software, external customer experience, digital
transformation: source 002), or on a CIO-side accountability that the declared persona holds by
design (such as the business enabler's vendor contracts), while the organisation has a CIO and the
item is not in \`shared_with_cio\`.

Nothing is wrong with owning it; the charter should say that ownership is agreed with the CIO. The
fix lists it in \`shared_with_cio\`.`,
  check({ parsed, catalog, model, report }) {
    for (const { resolution, item, sentence } of claims(model)) {
      const { accountability } = resolution;
      if (ownershipOf(accountability.id, model, catalog) !== "shared") continue;
      report({
        message: `${accountability.title} (\`${accountability.id}\`) is shared ground with the CIO; record the agreed split in shared_with_cio.`,
        range: item?.range ?? sentence!.range,
        fixes: () => [addToShared(parsed, accountability.id, true)],
        data: { accountability: accountability.id },
      });
    }
  },
};
