/** The server's own requests: persona fit for the open charter, and new-charter templates. */
import { ErrorCodes, ResponseError } from "./library";
import { builtinCatalog } from "../core/builtin-catalog";
import { charterTemplates, type CharterTemplate } from "../services/new-charter";
import { personaFitReport } from "../services/persona-fit";
import type { Analyses } from "./analyses";
import { toRange } from "./convert";
import type { NewCharterParams, PersonaFitParams, PersonaFitResult } from "./protocol";
import type { Settings } from "./settings";

export async function personaFit(analyses: Analyses, params: PersonaFitParams): Promise<PersonaFitResult | ResponseError<void>> {
  const current = await analyses.get(params.uri);
  if (!current) return new ResponseError(ErrorCodes.InvalidParams, `${params.uri} is not open in the editor.`);
  const { lines } = current.analysis.parsed;
  const report = personaFitReport(current.analysis);
  return {
    ...report,
    fits: report.fits.map((fit) => ({
      ...fit,
      covered: fit.covered.map((c) => ({ ...c, claims: c.claims.map((claim) => ({ ...claim, range: toRange(lines, claim.range) })) })),
    })),
  };
}

export async function newCharterTemplates(settings: Settings, params: NewCharterParams | undefined): Promise<CharterTemplate[]> {
  const options = await settings.optionsFor(params?.uri);
  return charterTemplates(options.catalog ?? builtinCatalog());
}
