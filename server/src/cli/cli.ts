#!/usr/bin/env node
/** `cto-charter lint [paths|globs…] [--format stylish|json|sarif] [--fix] [--config <file>]` */
import { parseArgs } from "node:util";
import { formatJson } from "./format-json";
import { formatSarif } from "./format-sarif";
import { stylishSummary } from "./format-stylish";
import { saveCodeCache } from "../node/code-cache";
import { resolveTargets, UsageError } from "./lint";
import { lintFilesParallel, serveWorker } from "./parallel";

declare const CTO_CHARTER_VERSION: string;
const VERSION = typeof CTO_CHARTER_VERSION === "string" ? CTO_CHARTER_VERSION : "0.0.0-dev";

const HELP = `Usage: cto-charter lint [paths|globs…] [options]

Lints CTO charters (*.cto-charter.yaml). A directory means every charter below it;
with no path, the current directory.

Options:
  --format <name>   stylish (default), json or sarif
  --fix             apply safe fixes in place, then report what remains
  --config <file>   use this config instead of the nearest .cto-charter.json
  -h, --help        show this help
  -v, --version     show the version

Exit codes: 0 no errors, 1 errors found, 2 usage or internal failure.
`;

export async function main(argv: string[], io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s), cwd: process.cwd(), color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR }): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: "string", default: "stylish" },
        fix: { type: "boolean", default: false },
        config: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false },
      },
    });
    if (values.help) return io.out(HELP), 0;
    if (values.version) return io.out(`${VERSION}\n`), 0;
    const [command, ...paths] = positionals;
    if (command !== "lint") throw new UsageError(command ? `Unknown command "${command}".` : "Missing command.");
    const format = values.format;
    if (format !== "stylish" && format !== "json" && format !== "sarif") throw new UsageError(`Unknown format "${format}": use stylish, json or sarif.`);
    const files = resolveTargets(paths, io.cwd);
    const stylish = format === "stylish" ? { color: io.color } : undefined;
    const { reports = [], text = "", summary } = await lintFilesParallel(files, { fix: values.fix, configFile: values.config, cwd: io.cwd, stylish });
    io.out(format === "json" ? formatJson(reports) : format === "sarif" ? formatSarif(reports, VERSION, io.cwd) : text + stylishSummary(summary, io.color));
    return summary.error > 0 ? 1 : 0;
  } catch (error) {
    const usage = error instanceof UsageError || (error as { usage?: boolean }).usage === true || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    io.err(`cto-charter: ${(error as Error).message}\n${usage ? "Run `cto-charter --help` for usage.\n" : ""}`);
    return 2;
  }
}

if (!serveWorker() && require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    saveCodeCache();
    process.exitCode = code;
  });
}
