/** Bad input gets a clear finding and exit code: never a crash, a hang or a silent pass. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, test } from "node:test";
import { analyze } from "../../server/src/core/analyze";

const CLI = path.join(__dirname, "..", "..", "dist", "cli.js");

function bomb(levels: number): string {
  let text = "charter: cto/v1\npersona: coo-of-it\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (let i = 1; i < levels; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]\n`;
  return `${text}accountabilities: *a${levels - 1}\n`;
}

function bigCharter(bytes: number): string {
  let text = "charter: cto/v1\npersona: coo-of-it\naccountabilities:\n";
  const item = "  - text: Run the service desk for the whole group and its subsidiaries\n    metrics: [uptime]\n";
  return text + item.repeat(Math.ceil((bytes - text.length) / item.length));
}

const CASES: { name: string; content: string | Buffer; rule: string; message: RegExp }[] = [
  { name: "empty file", content: "", rule: "schema", message: /empty/ },
  { name: "only a comment", content: "# nothing yet\n", rule: "schema", message: /empty/ },
  { name: "a list at the root", content: "- charter: cto/v1\n", rule: "schema", message: /root of a charter must be a mapping/ },
  { name: "a scalar at the root", content: "just some words\n", rule: "schema", message: /root of a charter must be a mapping/ },
  { name: "two YAML documents", content: "charter: cto/v1\n---\ncharter: cto/v1\n", rule: "schema", message: /one YAML document/ },
  { name: "broken indentation", content: "charter: cto/v1\npersona: coo-of-it\naccountabilities:\n  - a\n   - b\n  x: 1\n", rule: "yaml-syntax", message: /./ },
  { name: "a billion-laughs alias bomb", content: bomb(9), rule: "schema", message: /Too many aliases/ },
  { name: "binary bytes", content: Buffer.from([0x63, 0x68, 0x3a, 0x20, 0x00, 0xff, 0xfe, 0x01, 0x0a]), rule: "yaml-syntax", message: /control character|not valid UTF-8/ },
  { name: "an unresolved tag", content: "charter: cto/v1\npersona: !persona coo-of-it\naccountabilities: []\n", rule: "yaml-syntax", message: /Unresolved tag/ },
  { name: "a merge key", content: "charter: cto/v1\npersona: coo-of-it\naccountabilities: []\nbase: &b { name: x }\norganization:\n  <<: *b\n", rule: "schema", message: /Merge keys/ },
  { name: "invalid UTF-8", content: Buffer.concat([Buffer.from("charter: cto/v1\ntitle: "), Buffer.from([0xc3, 0x28]), Buffer.from("\n")]), rule: "yaml-syntax", message: /not valid UTF-8/ },
];

describe("bad input through the CLI", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cto-charter-bad-"));
  for (const { name, content, rule, message } of CASES) {
    test(name, () => {
      const file = path.join(dir, `${name.replace(/\W+/g, "-")}.cto-charter.yaml`);
      fs.writeFileSync(file, content);
      const result = spawnSync(process.execPath, [CLI, "lint", file, "--format", "json"], { encoding: "utf8", timeout: 60_000 });
      assert.equal(result.status, 1, result.stderr);
      const findings = JSON.parse(result.stdout)[0].findings as { ruleId: string; message: string; line: number }[];
      const finding = findings.find((f) => f.ruleId === rule && message.test(f.message));
      assert.ok(finding, `expected a ${rule} finding like ${message}, got ${JSON.stringify(findings.map((f) => f.message))}`);
      assert.ok(finding.line >= 1);
    });
  }

  test("a 5 MB file is refused with a finding that says why; a 3 MB one is analysed completely", () => {
    const big = path.join(dir, "big.cto-charter.yaml");
    fs.writeFileSync(big, bigCharter(5 * 1024 * 1024));
    const refused = spawnSync(process.execPath, [CLI, "lint", big, "--format", "json"], { encoding: "utf8", timeout: 60_000 });
    assert.equal(refused.status, 1, refused.stderr);
    assert.match(JSON.parse(refused.stdout)[0].findings[0].message, /5\.0 MB; charters over 4 MB are not analysed/);
    const large = path.join(dir, "large.cto-charter.yaml");
    fs.writeFileSync(large, bigCharter(3 * 1024 * 1024));
    const result = spawnSync(process.execPath, [CLI, "lint", large, "--format", "json"], { encoding: "utf8", timeout: 120_000, maxBuffer: 1 << 30 });
    assert.equal(result.status, 0, result.stderr);
    const findings = JSON.parse(result.stdout)[0].findings as { ruleId: string }[];
    assert.ok(findings.filter((f) => f.ruleId === "duplicate-accountability").length > 20_000);
  });
});

describe("bad input in the core", () => {
  test("the alias bomb is refused without expansion, and the rest still runs on the syntax tree", () => {
    const analysis = analyze(bomb(12));
    assert.ok(analysis.findings.some((f) => /Too many aliases/.test(f.message)));
    assert.ok(analysis.model, "the root mapping is still read");
  });

  test("findings of every bad input stay inside the text", () => {
    for (const { content } of CASES) {
      const text = typeof content === "string" ? content : new TextDecoder().decode(content);
      for (const f of analyze(text).findings) assert.ok(f.range.start >= 0 && f.range.start <= f.range.end && f.range.end <= text.length);
    }
  });
});
