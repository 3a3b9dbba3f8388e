/**
 * What the schemas take from zod beyond `zod/mini`, zod's small build: the same validator, with
 * functions in place of methods, so that a bundle keeps only what it calls (28 KB where the full
 * build took 188 KB). Unlike the full build it loads no language for its messages: English is loaded
 * here, and every module that defines a schema imports this one.
 */
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";

z.config(en());

/** Gives a schema its description: hover and completion show it, and the JSON Schema holds it. */
export function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  z.globalRegistry.add(schema as z.ZodMiniType, { description });
  return schema;
}
