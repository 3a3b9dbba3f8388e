/**
 * The zod schema of the knowledge catalog (`schemas/catalog/*.yaml`, and an organisation's own
 * catalog file). The catalog is data only: it is validated, never executed.
 */
import * as z from "zod/mini";
import "./zod-support";

export const DOMAINS = ["cto", "cio", "shared"] as const;
export const PERSONA_IDS = ["digital-business-leader", "business-enabler", "it-innovator", "coo-of-it"] as const;
export const REPORTING_LINES = ["ceo", "cio", "coo", "cfo", "cpo", "board", "other"] as const;

const slug = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ids are lower-case words joined by hyphens"));

export const sourceRef = z.strictObject({
  file: z.string().check(z.regex(/^\d{3}_[0-9a-f]+\.txt$/, "a file name in shared/sources")),
  section: z.string().check(z.minLength(1)),
});

export const recommendationSchema = z.strictObject({
  id: slug,
  /** An imperative practice, usable verbatim as a `practices` entry. */
  text: z.string().check(z.minLength(10)),
  /** Short phrases whose words, found in a practice, show that it follows this recommendation. */
  match: z.optional(z.array(z.string().check(z.minLength(2)))),
  source: sourceRef,
});

export const personaSchema = z.strictObject({
  id: z.enum(PERSONA_IDS),
  name: z.string(),
  /** One line, shown in completion lists. */
  summary: z.string(),
  focus: z.string(),
  reportsTo: z.enum(REPORTING_LINES),
  reportingNote: z.string(),
  /** The persona's typical responsibilities, one catalog accountability each, with why it holds them. */
  core: z.array(z.strictObject({ id: slug, why: z.string() })).check(z.minLength(1)),
  recommendations: z.array(recommendationSchema).check(z.minLength(1)),
  source: sourceRef,
});

export const accountabilitySchema = z.strictObject({
  id: slug,
  title: z.string(),
  description: z.string(),
  domain: z.enum(DOMAINS),
  /** Phrases and synonyms that free text may use for this accountability. */
  match: z.array(z.string().check(z.minLength(2))).check(z.minLength(1)),
  /**
   * Where the same work belongs when the text says it is done for customers or products rather than
   * staff (a CIO-side entry: "the help desk that answers customers"): another entry's id, or `none`
   * when no entry of this catalog fits. Absent: customer words do not change the owner (a CRM is
   * about customers and still an internal system).
   */
  whenExternal: z.optional(slug),
  /** The same for a CTO-side entry whose work the text says is done for the organisation's own staff. */
  whenInternal: z.optional(slug),
  source: sourceRef,
});

export const catalogFileSchema = z.strictObject({
  personas: z.optional(z.array(personaSchema)),
  accountabilities: z.optional(z.array(accountabilitySchema)),
});

export type SourceRef = z.infer<typeof sourceRef>;
export type Recommendation = z.infer<typeof recommendationSchema>;
export type PersonaData = z.infer<typeof personaSchema>;
export type AccountabilityData = z.infer<typeof accountabilitySchema>;
export type CatalogFile = z.infer<typeof catalogFileSchema>;
export type PersonaId = (typeof PERSONA_IDS)[number];
export type Domain = (typeof DOMAINS)[number];
