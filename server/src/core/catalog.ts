/**
 * The compiled catalog: personas and accountabilities indexed for the rules, hover and completion,
 * with the free-text matcher built from the accountabilities' match phrases.
 */
import {
  catalogFileSchema,
  type AccountabilityData,
  type CatalogFile,
  type PersonaData,
  type PersonaId,
} from "../../../schemas/catalog";
import { Matcher, type CatalogStems } from "./matcher";

export type Accountability = AccountabilityData;
export type Persona = PersonaData;

export interface Holder {
  persona: Persona;
  why: string;
}

export class Catalog {
  readonly personas = new Map<PersonaId, Persona>();
  readonly accountabilities = new Map<string, Accountability>();
  readonly matcher: Matcher;
  private readonly holders = new Map<string, Holder[]>();

  /** Later files override earlier ones entry by entry, so an organisation's catalog can refine the built-in one. */
  constructor(files: CatalogFile[], stems?: CatalogStems) {
    for (const file of files) {
      for (const persona of file.personas ?? []) this.personas.set(persona.id, persona);
      for (const item of file.accountabilities ?? []) this.accountabilities.set(item.id, item);
    }
    for (const persona of this.personas.values()) {
      for (const core of persona.core) {
        const list = this.holders.get(core.id) ?? [];
        list.push({ persona, why: core.why });
        this.holders.set(core.id, list);
      }
    }
    this.matcher = new Matcher([...this.accountabilities.values()], stems);
  }

  /** The personas whose core holds an accountability, with the reason. */
  heldBy(accountabilityId: string): Holder[] {
    return this.holders.get(accountabilityId) ?? [];
  }

  /** Ids referenced by a persona core or an entry's ownership counterpart that the catalog does not define. */
  danglingReferences(): string[] {
    const counterparts = [...this.accountabilities.values()].flatMap((a) => [a.whenExternal, a.whenInternal]).filter((id): id is string => id !== undefined && id !== "none");
    return [...new Set([...this.holders.keys(), ...counterparts])].filter((id) => !this.accountabilities.has(id));
  }
}

export class CatalogError extends Error {}

/** Validate raw catalog data (parsed YAML or JSON); the message names every problem with its path. */
export function validateCatalogFile(data: unknown, origin: string): CatalogFile {
  const result = catalogFileSchema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 10)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
  throw new CatalogError(`Invalid catalog ${origin}: ${problems}`);
}
