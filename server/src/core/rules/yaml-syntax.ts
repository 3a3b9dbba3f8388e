import type { DocumentRule } from "./rule";
import { NO_FIXES } from "../types";

export const yamlSyntax: DocumentRule = {
  id: "yaml-syntax",
  severity: "error",
  scope: "document",
  summary: "The file must be well-formed YAML.",
  doc: `Reports each error of the YAML parser at the exact place it was found: bad indentation, an
unclosed quote or bracket, a duplicate key, text that is not UTF-8. The other rules still run on what
the parser could recover, so fix the first syntax error first: later findings may follow from it.`,
  check({ parsed, report }) {
    for (const error of parsed.syntaxErrors) report({ message: error.message, range: error.range, fixes: NO_FIXES });
  },
};
