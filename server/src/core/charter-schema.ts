/**
 * Reads the charter's zod schema as data: which keys and values are valid at a path, and what each
 * one means. The schema rule (did-you-mean), hover and completion all ask it, so they never disagree.
 */
import * as z from "zod/mini";
import { charterSchema, ENUM_DESCRIPTIONS } from "../../../schemas/charter";

type Segment = string | number;

interface ZodDef {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  element?: z.ZodMiniType;
  innerType?: z.ZodMiniType;
  options?: z.ZodMiniType[];
  entries?: Record<string, string>;
  values?: unknown[];
  in?: z.ZodMiniType;
}

function def(schema: z.ZodMiniType): ZodDef {
  return (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
}

function unwrap(schema: z.ZodMiniType): z.ZodMiniType {
  let current = schema;
  for (;;) {
    const d = def(current);
    if ((d.type === "optional" || d.type === "nullable" || d.type === "default") && d.innerType) current = d.innerType;
    else if (d.type === "pipe" && d.in) current = d.in;
    else return current;
  }
}

function descriptionOf(schema: z.ZodMiniType): string | undefined {
  return z.globalRegistry.get(schema)?.description ?? z.globalRegistry.get(unwrap(schema))?.description;
}

/** The alternatives a value may take: a union's options, or the schema itself. */
function alternatives(schema: z.ZodMiniType): z.ZodMiniType[] {
  const inner = unwrap(schema);
  const d = def(inner);
  return d.type === "union" && d.options ? d.options.map(unwrap) : [inner];
}

/**
 * Whether the format takes any string at `path` (a free text, a metric, a name): changing one string
 * there for another cannot change the verdict of validation.
 */
export function acceptsAnyString(path: readonly Segment[]): boolean {
  const schema = schemaAt(path);
  return schema !== undefined && alternatives(schema).some((option) => {
    const d = def(option) as ZodDef & { checks?: unknown[] };
    return d.type === "string" && !d.checks?.length;
  });
}

/** The schema that governs the value at `path`, or undefined where the format allows nothing. */
export function schemaAt(path: readonly Segment[], root: z.ZodMiniType = charterSchema): z.ZodMiniType | undefined {
  let current: z.ZodMiniType | undefined = root;
  for (const segment of path) {
    if (!current) return undefined;
    let next: z.ZodMiniType | undefined;
    for (const option of alternatives(current)) {
      const d = def(option);
      if (typeof segment === "string" && d.type === "object" && d.shape?.[segment]) next = d.shape[segment];
      else if (typeof segment === "number" && d.type === "array" && d.element) next = d.element;
      if (next) break;
    }
    current = next;
  }
  return current;
}

export interface KeyInfo {
  name: string;
  description?: string;
  required: boolean;
}

/** The keys a mapping at `path` may hold, in the schema's order. */
export function keysAt(path: readonly Segment[]): KeyInfo[] {
  const schema = schemaAt(path);
  if (!schema) return [];
  for (const option of alternatives(schema)) {
    const d = def(option);
    if (d.type === "object" && d.shape) {
      return Object.entries(d.shape).map(([name, value]) => ({
        name,
        description: descriptionOf(value),
        required: def(value).type !== "optional",
      }));
    }
  }
  return [];
}

/** The enum or literal values allowed at `path` (for a list of enums, the element's values). */
export function valuesAt(path: readonly Segment[]): string[] {
  const schema = schemaAt(path);
  if (!schema) return [];
  const values: string[] = [];
  for (const option of alternatives(schema)) {
    const d = def(option);
    const source = d.type === "array" && d.element ? def(unwrap(d.element)) : d;
    if (source.type === "enum" && source.entries) values.push(...Object.values(source.entries));
    if (source.type === "literal" && source.values) values.push(...source.values.map(String));
  }
  return [...new Set(values)];
}

export function describePath(path: readonly Segment[]): string | undefined {
  const schema = schemaAt(path);
  return schema && descriptionOf(schema);
}

export function describeValue(value: string): string | undefined {
  return ENUM_DESCRIPTIONS[value];
}

/** A path as the user reads it: `organization.size`, `accountabilities[2].id`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, segment) => (typeof segment === "number" ? `${text}[${segment}]` : text ? `${text}.${String(segment)}` : String(segment)), "");
}
