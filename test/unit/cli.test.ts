/** The built CLI as CI runs it: output formats, exit codes, --fix, config discovery. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, test } from "node:test";
import { stylishFiles } from "../../server/src/cli/format-stylish";
import type { Located } from "../../server/src/cli/report";
import { RULES } from "../../server/src/core/rules";

const ROOT = path.join(__dirname, "..", "..");
const CLI = path.join(ROOT, "dist", "cli.js");
const EXAMPLES = path.join(ROOT, "examples");

function run(args: string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempCopy(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cto-charter-"));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const PROBLEMS = fs.readFileSync(path.join(EXAMPLES, "problems.cto-charter.yaml"), "utf8");
const CLEAN_EXAMPLES = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".cto-charter.yaml") && f !== "problems.cto-charter.yaml");

describe("exit codes", () => {
  test("0 on the clean examples", () => {
    const result = run(["lint", ...CLEAN_EXAMPLES.map((f) => path.join("examples", f))]);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /No problems in 4 charters/);
  });

  test("1 when a charter has errors", () => {
    assert.equal(run(["lint", "examples"]).status, 1);
  });

  test("2 on usage errors, with a message on stderr", () => {
    for (const args of [["lint", "--format", "xml", "examples"], ["lint", "no/such/dir"], ["frobnicate"], ["lint", "--bogus"], ["lint", "examples", "--config", "missing.json"]]) {
      const result = run(args);
      assert.equal(result.status, 2, args.join(" "));
      assert.match(result.stderr, /^cto-charter: /);
    }
  });
});

describe("formats", () => {
  test("stylish: the file, then line:col severity message rule-id, then a summary", () => {
    const { stdout } = run(["lint", "examples/problems.cto-charter.yaml"]);
    const lines = stdout.split("\n");
    assert.equal(lines[0], path.join("examples", "problems.cto-charter.yaml"));
    assert.match(lines[1], /^ {2}\d+:\d+ +(error|warning|info|hint) {2}.+ {2}[a-z-]+$/);
    assert.match(stdout, /✖ \d+ problems \(\d+ errors, \d+ warnings, \d+ info, 1 hint\) in 1 charter/);
  });

  test("stylish rows: places and severities padded per file, each message on one line, colour only when asked", () => {
    const finding = (line: number, column: number, severity: Located["severity"], message: string, ruleId: string): Located =>
      ({ ruleId, severity, message, line, column, endLine: line, endColumn: column + 1, related: [], fixable: false });
    const reports = [
      { path: "a.cto-charter.yaml", findings: [finding(3, 7, "info", "Short.", "persona-fit"), finding(12, 1, "warning", "Spread\nover\tlines.", "cio-overlap")] },
      { path: "clean.cto-charter.yaml", findings: [] },
      { path: "b.cto-charter.yaml", findings: [finding(1, 1, "error", "Only  one.", "schema")] },
    ];
    assert.equal(
      stylishFiles(reports, false),
      [
        "a.cto-charter.yaml",
        "  3:7   info     Short.  persona-fit",
        "  12:1  warning  Spread over lines.  cio-overlap",
        "",
        "b.cto-charter.yaml",
        "  1:1  error  Only one.  schema",
        "",
        "",
      ].join("\n"),
    );
    assert.equal(stylishFiles(reports.slice(1, 2), false), "");
    assert.equal(
      stylishFiles(reports.slice(2), true),
      "\u001b[4mb.cto-charter.yaml\u001b[0m\n  \u001b[2m1:1\u001b[0m  \u001b[31merror\u001b[0m  Only one.  \u001b[2mschema\u001b[0m\n\n",
    );
  });

  test("json: findings with 1-based positions", () => {
    const { stdout } = run(["lint", "examples/problems.cto-charter.yaml", "--format", "json"]);
    const [report] = JSON.parse(stdout);
    assert.equal(report.filePath, path.join("examples", "problems.cto-charter.yaml"));
    const size = report.findings.find((f: { ruleId: string; message: string }) => f.ruleId === "schema" && /larg/.test(f.message));
    const line = PROBLEMS.split("\n").findIndex((l) => /size: larg\b/.test(l)) + 1;
    assert.equal(size.line, line);
    assert.equal(size.column, PROBLEMS.split("\n")[line - 1].indexOf("larg") + 1);
    assert.equal(report.errorCount, report.findings.filter((f: { severity: string }) => f.severity === "error").length);
  });

  test("sarif: 2.1.0 with the rules of DESIGN §3 and 1-based regions", () => {
    const { stdout, status } = run(["lint", "examples", "--format", "sarif"]);
    assert.equal(status, 1);
    const log = JSON.parse(stdout);
    assert.equal(log.version, "2.1.0");
    const driver = log.runs[0].tool.driver;
    assert.deepEqual(driver.rules.map((r: { id: string }) => r.id), RULES.map((r) => r.id));
    for (const rule of driver.rules) assert.ok(rule.shortDescription.text && rule.help.text && rule.helpUri);
    const results = log.runs[0].results;
    assert.ok(results.length > 5);
    for (const result of results) {
      assert.ok(driver.rules[result.ruleIndex].id === result.ruleId);
      assert.ok(["error", "warning", "note"].includes(result.level));
      const { region, artifactLocation } = result.locations[0].physicalLocation;
      assert.ok(region.startLine >= 1 && region.startColumn >= 1);
      assert.equal(artifactLocation.uri, "examples/problems.cto-charter.yaml");
    }
  });
});

describe("--fix", () => {
  test("applies safe fixes in place, keeps comments, and re-lint is clean of the fixed rules", () => {
    const dir = tempCopy({ "a.cto-charter.yaml": PROBLEMS });
    const file = path.join(dir, "a.cto-charter.yaml");
    const before = JSON.parse(run(["lint", dir, "--format", "json"]).stdout)[0].findings;
    const fixedRules = new Set<string>(before.filter((f: { fixable: boolean }) => f.fixable).map((f: { ruleId: string }) => f.ruleId));
    assert.ok(fixedRules.has("accountability-missing") && fixedRules.has("schema"));
    const result = run(["lint", dir, "--fix", "--format", "json"]);
    const [report] = JSON.parse(result.stdout);
    assert.equal(report.fixed, true);
    const after = fs.readFileSync(file, "utf8");
    for (const line of PROBLEMS.split("\n").filter((l) => l.trim().startsWith("#"))) assert.ok(after.includes(line), `comment kept: ${line}`);
    const relint = JSON.parse(run(["lint", dir, "--format", "json"]).stdout)[0].findings;
    assert.deepEqual(relint.filter((f: { fixable: boolean }) => f.fixable), []);
    assert.equal(relint.filter((f: { ruleId: string }) => f.ruleId === "accountability-missing").length, 0);
    assert.equal(relint.length, report.findings.length, "--fix reports what remains");
  });
});

describe("paths and config", () => {
  const charter = "charter: cto/v1\npersona: coo-of-it\nreports_to: cio\naccountabilities:\n  - Run the service desk\n";

  test("a directory means every charter below it, .yml too, skipping node_modules; globs expand", () => {
    const dir = tempCopy({ "a.cto-charter.yaml": charter, "sub/b.cto-charter.yml": charter, "node_modules/c.cto-charter.yaml": charter, "d.yaml": charter });
    const reports = JSON.parse(run(["lint", ".", "--format", "json"], dir).stdout);
    assert.deepEqual(reports.map((r: { filePath: string }) => r.filePath).sort(), ["a.cto-charter.yaml", path.join("sub", "b.cto-charter.yml")]);
    const globbed = JSON.parse(run(["lint", "**/*.yml", "--format", "json"], dir).stdout);
    assert.deepEqual(globbed.map((r: { filePath: string }) => r.filePath), [path.join("sub", "b.cto-charter.yml")]);
  });

  test("the nearest .cto-charter.json sets severities; --config overrides it", () => {
    const dir = tempCopy({
      "team/a.cto-charter.yaml": charter,
      ".cto-charter.json": JSON.stringify({ rules: { "metrics-missing": "error" } }),
      "strict.json": JSON.stringify({ rules: { "metrics-missing": "off" } }),
    });
    const nearest = run(["lint", "team", "--format", "json"], dir);
    assert.equal(nearest.status, 1);
    assert.ok(JSON.parse(nearest.stdout)[0].findings.some((f: { ruleId: string; severity: string }) => f.ruleId === "metrics-missing" && f.severity === "error"));
    const explicit = run(["lint", "team", "--format", "json", "--config", "strict.json"], dir);
    assert.equal(explicit.status, 0);
    assert.ok(!JSON.parse(explicit.stdout)[0].findings.some((f: { ruleId: string }) => f.ruleId === "metrics-missing"));
  });

  test("a broken config or org catalog is a usage failure with a clear message", () => {
    const dir = tempCopy({ "a.cto-charter.yaml": charter, ".cto-charter.json": '{"catalog": "org.yaml"}', "org.yaml": "accountabilities:\n  - id: x\n" });
    const result = run(["lint", ".", "--format", "json"], dir);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Invalid catalog .*org\.yaml/);
  });

  test("an organisation catalog adds accountabilities", () => {
    const org = "accountabilities:\n  - id: quantum-lab\n    title: Quantum computing lab\n    description: Runs the quantum lab.\n    domain: cto\n    match: [quantum lab]\n    source: { file: 000_14e8e58e8c4d1ecf.txt, section: Introduction }\n";
    const dir = tempCopy({ "a.cto-charter.yaml": `${charter}  - id: quantum-lab\n`, ".cto-charter.json": '{"catalog": "org.yaml"}', "org.yaml": org });
    const findings = JSON.parse(run(["lint", ".", "--format", "json"], dir).stdout)[0].findings;
    assert.ok(!findings.some((f: { message: string }) => /quantum-lab/.test(f.message) && /Unknown/.test(f.message)));
  });
});

describe("many files", () => {
  test("a large library is linted on worker threads with the same results, in order", () => {
    const examples = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".cto-charter.yaml")).sort();
    const files: Record<string, string> = {};
    for (let i = 0; i < 450; i++) files[`c${String(i).padStart(4, "0")}.cto-charter.yaml`] = fs.readFileSync(path.join(EXAMPLES, examples[i % examples.length]), "utf8");
    const dir = tempCopy(files);
    const result = run(["lint", ".", "--format", "json"], dir);
    assert.equal(result.status, 1);
    const reports = JSON.parse(result.stdout) as { filePath: string; findings: unknown[] }[];
    assert.deepEqual(reports.map((r) => r.filePath), Object.keys(files));
    const single = new Map(examples.map((f) => [f, JSON.parse(run(["lint", path.join(EXAMPLES, f), "--format", "json"]).stdout)[0].findings]));
    reports.forEach((report, i) => assert.deepEqual(report.findings, single.get(examples[i % examples.length]), report.filePath));

    // Stylish text is rendered on the workers, batch by batch: the same blocks, in order, and one summary.
    const stylish = run(["lint", "."], dir).stdout;
    const blocks = stylish.split("\n\n").slice(0, -1);
    assert.deepEqual(blocks.map((b) => b.split("\n")[0]), reports.filter((r) => r.findings.length > 0).map((r) => r.filePath));
    const singleBlock = (example: string) => run(["lint", path.join(EXAMPLES, example)]).stdout.split("\n\n")[0].split("\n").slice(1).join("\n");
    examples.forEach((example, i) => {
      if (single.get(example).length) assert.equal(blocks.find((b) => b.startsWith(Object.keys(files)[i]))?.split("\n").slice(1).join("\n"), singleBlock(example));
    });
    const total = reports.reduce((n, r) => n + r.findings.length, 0);
    assert.match(stylish, new RegExp(`\\n✖ ${total} problems \\(.*\\) in 450 charters\\n`));
  });
});
