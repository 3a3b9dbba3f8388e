import { NO_FIXES } from "../types";
import type { CharterRule } from "./rule";

export const metricsMissing: CharterRule = {
  id: "metrics-missing",
  severity: "info",
  scope: "charter",
  summary: "An accountability has no metrics.",
  doc: `Source 000 asks CTOs to make their responsibilities, objectives and metrics explicit. An
accountability without at least one metric cannot be reviewed. Fires on each entry of
\`accountabilities\` with no \`metrics\` (a plain string has none; write the item as a mapping with
\`text:\` and \`metrics:\`).`,
  check({ model, report }) {
    for (const item of model.accountabilities) {
      if (item.metrics && item.metrics.length > 0) continue;
      report({
        message: item.metrics ? "This accountability's metrics list is empty." : "This accountability has no metrics: add at least one way to measure it.",
        range: item.range,
        fixes: NO_FIXES,
        data: item.resolution ? { accountability: item.resolution.accountability.id } : undefined,
      });
    }
  },
};
