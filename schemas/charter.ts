/**
 * The charter file format (`*.cto-charter.yaml`), DESIGN §1. This zod schema is the single source of
 * truth: validation, hover text (every `description`), completion of keys and enum values, and the
 * generated `cto-charter.schema.json` all come from it.
 */
import { z } from "zod";
import { PERSONA_IDS, REPORTING_LINES } from "./catalog";

export const CHARTER_VERSION = "cto/v1";
export const ORGANIZATION_SIZES = ["small", "medium", "large", "extra-large"] as const;
export const TIME_BUCKETS = ["innovation", "business_operations", "it_operations", "talent", "evangelism", "other"] as const;

/** Descriptions of enum values, shown on hover and in completion. */
export const ENUM_DESCRIPTIONS: Record<string, string> = {
  small: "Fewer than about 100 staff; the CTO usually also runs hands-on engineering.",
  medium: "A few hundred to a few thousand staff, with a distinct IT function.",
  large: "Thousands of staff, several business units and a separate CIO organisation.",
  "extra-large": "A multinational group; expect several CTOs or a CTO office.",
  ceo: "The chief executive: the usual line when the CTO is the CIO's peer.",
  cio: "The chief information officer: usual for CTOs focused on IT innovation or IT operations.",
  coo: "The chief operating officer.",
  cfo: "The chief financial officer.",
  cpo: "The chief product officer.",
  board: "The board of directors.",
  other: "Another executive; say who in the charter's text.",
};

const metrics = z
  .array(z.string().describe("One measurable indicator of success."))
  .describe("How success in this accountability is measured: one indicator per entry.");

const accountabilityObject = z
  .strictObject({
    id: z.string().describe("The id of an accountability in the catalog (completion lists them).").optional(),
    text: z.string().describe("The accountability in your own words; it is matched to the catalog.").optional(),
    metrics: metrics.optional(),
  })
  .refine((item) => item.id !== undefined || item.text !== undefined, {
    message: "An accountability needs an `id` or a `text`.",
  });

export const accountabilityItem = z
  .union([z.string().describe("An accountability in your own words (shorthand for `text:`)."), accountabilityObject])
  .describe("One accountability: a catalog `id`, a free `text`, or a plain string.");

export const personaId = z.enum(PERSONA_IDS).describe("One of Gartner's four CTO personas.");

export const PERSONA_DESCRIPTIONS: Record<string, string> = {
  "digital-business-leader": "Turns new technology into new business models, products and services.",
  "business-enabler": "Optimises technology to support the business as it runs today.",
  "it-innovator": "Leads technology innovation and transformation inside IT.",
  "coo-of-it": "Runs the daily IT operations that keep the current business going.",
};

export const charterSchema = z
  .strictObject({
    charter: z.literal(CHARTER_VERSION).describe("The file format and its version. Always `cto/v1` for a CTO charter."),
    title: z.string().describe("The role's title as it appears on the organisation chart.").optional(),
    organization: z
      .strictObject({
        name: z.string().describe("The organisation's name.").optional(),
        industry: z.string().describe("The industry, in free text (e.g. financial services).").optional(),
        size: z.enum(ORGANIZATION_SIZES).describe("The organisation's size: small, medium, large or extra-large.").optional(),
        has_cio: z
          .boolean()
          .describe("Whether the organisation has a CIO. When true (the default), the CIO/CTO overlap rules apply.")
          .optional(),
      })
      .describe("The organisation the role belongs to.")
      .optional(),
    holder: z.string().describe("The person who holds the role, if the post is filled.").optional(),
    also_cio: z
      .boolean()
      .describe("True when the same person also holds the CIO title: there is then no separate CIO to overlap with.")
      .optional(),
    persona: z
      .union([personaId, z.array(personaId).min(1).max(2)])
      .describe("The CTO persona this role follows: one id, or a list of two for a blended role."),
    reports_to: z.enum(REPORTING_LINES).describe("Whom the CTO reports to.").optional(),
    accountabilities: z
      .array(accountabilityItem)
      .describe("What the role owns: catalog ids, free text matched to the catalog, or both."),
    shared_with_cio: z
      .array(accountabilityItem)
      .describe("Accountabilities whose ownership is agreed as joint with the CIO.")
      .optional(),
    time_allocation: z
      .strictObject(
        Object.fromEntries(
          TIME_BUCKETS.map((bucket) => [
            bucket,
            z.number().min(0).max(100).describe(`Percent of the role's time spent on ${bucket.replace("_", " ")}.`).optional(),
          ]),
        ) as Record<(typeof TIME_BUCKETS)[number], z.ZodOptional<z.ZodNumber>>,
      )
      .describe("Percent of the role's time per area; the values must sum to 100.")
      .optional(),
    practices: z
      .array(z.string().describe("One working practice of the role."))
      .describe("How the role works; the persona's recommended practices belong here.")
      .optional(),
    job_description: z
      .string()
      .describe("Optional prose for a job posting; each sentence is matched to the catalog like an accountability.")
      .optional(),
    counterpart: z
      .string()
      .describe("Path to the matching CIO charter (`*.cio-charter.yaml`), for overlap checks between the two files.")
      .optional(),
  })
  .describe("A role charter for a Chief Technology Officer.");

export type Charter = z.infer<typeof charterSchema>;
export type AccountabilityItem = z.infer<typeof accountabilityItem>;
