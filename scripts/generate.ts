/** Writes the generated files (see generated-files.ts). Run by `npm run build`. */
import * as fs from "node:fs";
import * as path from "node:path";
import { buildCatalog, committedFiles, ROOT } from "./generated-files";

const catalogJson = path.join(ROOT, "server", "src", "generated", "catalog.json");
fs.mkdirSync(path.dirname(catalogJson), { recursive: true });
fs.writeFileSync(catalogJson, JSON.stringify(buildCatalog()));
for (const [file, content] of committedFiles()) {
  const target = path.join(ROOT, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (!fs.existsSync(target) || fs.readFileSync(target, "utf8") !== content) fs.writeFileSync(target, content);
}
