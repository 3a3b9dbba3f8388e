/** Writes the generated files (see generated-files.ts). Run by `npm run build`. */
import * as fs from "node:fs";
import * as path from "node:path";
import { buildCatalog, buildCatalogStems, buildPersonaPosterior, committedFiles, ROOT } from "./generated-files";

const generated = path.join(ROOT, "server", "src", "generated");
const catalog = buildCatalog();
fs.mkdirSync(generated, { recursive: true });
fs.writeFileSync(path.join(generated, "catalog.json"), JSON.stringify(catalog));
fs.writeFileSync(path.join(generated, "catalog-stems.json"), JSON.stringify(buildCatalogStems(catalog)));
fs.writeFileSync(path.join(generated, "persona-posterior.json"), JSON.stringify(buildPersonaPosterior(catalog)));
for (const [file, content] of committedFiles()) {
  const target = path.join(ROOT, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (!fs.existsSync(target) || fs.readFileSync(target, "utf8") !== content) fs.writeFileSync(target, content);
}
