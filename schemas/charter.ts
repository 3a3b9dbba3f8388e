/**
 * The charter file format (`*.cto-charter.yaml`), DESIGN §1. This zod schema is the single source of
 * truth: validation, hover text (every `description`), completion of keys and enum values, and the
 * generated `cto-charter.schema.json` all come from it.
 */
import * as z from "zod/mini";
import { described } from "./zod-support";
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

const metrics = described(
  z.array(described(z.string(), "One measurable indicator of success.")),
  "How success in this accountability is measured: one indicator per entry.",
);

const accountabilityObject = z
  .strictObject({
    id: z.optional(described(z.string(), "The id of an accountability in the catalog (completion lists them).")),
    text: z.optional(described(z.string(), "The accountability in your own words; it is matched to the catalog.")),
    metrics: z.optional(metrics),
  })
  .check(z.refine((item) => item.id !== undefined || item.text !== undefined, { message: "An accountability needs an `id` or a `text`." }));

export const accountabilityItem = described(
  z.union([described(z.string(), "An accountability in your own words (shorthand for `text:`)."), accountabilityObject]),
  "One accountability: a catalog `id`, a free `text`, or a plain string.",
);

export const personaId = described(z.enum(PERSONA_IDS), "One of Gartner's four CTO personas.");

export const PERSONA_DESCRIPTIONS: Record<string, string> = {
  "digital-business-leader": "Turns new technology into new business models, products and services.",
  "business-enabler": "Optimises technology to support the business as it runs today.",
  "it-innovator": "Leads technology innovation and transformation inside IT.",
  "coo-of-it": "Runs the daily IT operations that keep the current business going.",
};

const timeShare = (bucket: string) => described(z.number().check(z.gte(0), z.lte(100)), `Percent of the role's time spent on ${bucket.replace("_", " ")}.`);

export const charterSchema = described(
  z.strictObject({
    charter: described(z.literal(CHARTER_VERSION), "The file format and its version. Always `cto/v1` for a CTO charter."),
    title: z.optional(described(z.string(), "The role's title as it appears on the organisation chart.")),
    organization: z.optional(
      described(
        z.strictObject({
          name: z.optional(described(z.string(), "The organisation's name.")),
          industry: z.optional(described(z.string(), "The industry, in free text (e.g. financial services).")),
          size: z.optional(described(z.enum(ORGANIZATION_SIZES), "The organisation's size: small, medium, large or extra-large.")),
          has_cio: z.optional(described(z.boolean(), "Whether the organisation has a CIO. When true (the default), the CIO/CTO overlap rules apply.")),
        }),
        "The organisation the role belongs to.",
      ),
    ),
    holder: z.optional(described(z.string(), "The person who holds the role, if the post is filled.")),
    also_cio: z.optional(described(z.boolean(), "True when the same person also holds the CIO title: there is then no separate CIO to overlap with.")),
    persona: described(
      z.union([personaId, z.array(personaId).check(z.minLength(1), z.maxLength(2))]),
      "The CTO persona this role follows: one id, or a list of two for a blended role.",
    ),
    reports_to: z.optional(described(z.enum(REPORTING_LINES), "Whom the CTO reports to.")),
    accountabilities: described(z.array(accountabilityItem), "What the role owns: catalog ids, free text matched to the catalog, or both."),
    shared_with_cio: z.optional(described(z.array(accountabilityItem), "Accountabilities whose ownership is agreed as joint with the CIO.")),
    time_allocation: z.optional(
      described(
        z.strictObject(
          Object.fromEntries(TIME_BUCKETS.map((bucket) => [bucket, z.optional(timeShare(bucket))])) as Record<
            (typeof TIME_BUCKETS)[number],
            z.ZodMiniOptional<z.ZodMiniNumber>
          >,
        ),
        "Percent of the role's time per area; the values must sum to 100.",
      ),
    ),
    practices: z.optional(
      described(z.array(described(z.string(), "One working practice of the role.")), "How the role works; the persona's recommended practices belong here."),
    ),
    job_description: z.optional(
      described(z.string(), "Optional prose for a job posting; each sentence is matched to the catalog like an accountability."),
    ),
    counterpart: z.optional(
      described(z.string(), "Path to the matching CIO charter (`*.cio-charter.yaml`), for overlap checks between the two files."),
    ),
  }),
  "A role charter for a Chief Technology Officer.",
);

export type Charter = z.infer<typeof charterSchema>;
export type AccountabilityItem = z.infer<typeof accountabilityItem>;
