/** An organisation catalog with one accountability the built-in catalog lacks, for trust and settings tests. */
import type { PublishDiagnosticsParams } from "vscode-languageserver-protocol";

export const ORG_ID = "org-widget-platform";

export const ORG_CATALOG = `accountabilities:
  - id: ${ORG_ID}
    title: The widget platform
    description: Own the platform that every widget product is built on.
    domain: cto
    match: [widget platform]
    source: { file: 000_14e8e58e8c4d1ecf.txt, section: Organisation addendum }
`;

/** True when the diagnostics say the org catalog's id is unknown, i.e. the catalog was not applied. */
export const unknownOrgId = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === "schema" && JSON.stringify(d.message).includes(ORG_ID));
