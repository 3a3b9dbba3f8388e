/** Hover, completion, document symbols, folding and the server's own requests, over stdio. */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";
import {
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InsertTextFormat,
  type CompletionItem,
  type DocumentSymbol,
  type MarkupContent,
} from "vscode-languageserver-protocol";
import { PERSONA_IDS } from "../../schemas/catalog";
import { builtinCatalog } from "../../server/src/core/builtin-catalog";
import { RULES, RULES_BY_ID } from "../../server/src/core/rules";
import type { PersonaFitResult } from "../../server/src/lsp/protocol";
import type { CharterTemplate } from "../../server/src/services/new-charter";
import { ROOT, TestClient } from "./client";

const catalog = builtinCatalog();
const EXAMPLE = fs.readFileSync(path.join(ROOT, "examples", "digital-business-leader.cto-charter.yaml"), "utf8");
const PROBLEMS = fs.readFileSync(path.join(ROOT, "examples", "problems.cto-charter.yaml"), "utf8");
const uri = "file:///features/digital-business-leader.cto-charter.yaml";

let client: TestClient;
before(async () => {
  client = await TestClient.start();
  await client.open(uri, EXAMPLE);
});
after(() => client.stop());

async function hoverAt(needle: string, plus = 1, nth = 0, target = uri): Promise<string> {
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: target }, position: client.position(target, needle, plus, nth) });
  assert.ok(hover, `a hover on "${needle}"`);
  return (hover.contents as MarkupContent).value;
}

describe("hover", () => {
  test("a persona value: summary, focus, reporting line, core accountabilities, source", async () => {
    const persona = catalog.personas.get("digital-business-leader")!;
    const text = await hoverAt("persona: digital-business-leader", "persona: ".length + 3);
    for (const part of [persona.name, persona.summary, persona.focus, persona.reportingNote, persona.source.file, persona.source.section]) {
      assert.ok(text.includes(part), `hover has "${part}"`);
    }
    for (const core of persona.core) assert.ok(text.includes(`\`${core.id}\``), `hover lists ${core.id}`);
  });

  test("an accountability id: title, domain, the personas that hold it and why", async () => {
    const accountability = catalog.accountabilities.get("innovation-and-rd")!;
    const text = await hoverAt("id: innovation-and-rd", 6);
    assert.ok(text.includes(accountability.title));
    assert.ok(text.includes("**Domain: CTO**"));
    for (const holder of catalog.heldBy("innovation-and-rd")) {
      assert.ok(text.includes(holder.persona.name) && text.includes(holder.why), `names ${holder.persona.name} and why`);
    }
  });

  test("free text shows what it matched, with the evidence and confidence", async () => {
    const text = await hoverAt("Hold the innovation budget");
    assert.match(text, /\*\*Matches .+\*\* \(`innovation-investment-authority`\)/);
    assert.match(text, /\*\*Evidence:\*\* .*"budget"/);
    assert.match(text, /\*\*Confidence:\*\* \d+%/);
  });

  test("a job description sentence about someone else says so", async () => {
    const text = await hoverAt("The CIO runs the store systems", 5);
    assert.match(text, /about someone else/);
  });

  test("free text that matches nothing says so, with the reason", async () => {
    const target = "file:///features/unmatched.cto-charter.yaml";
    await client.open(target, "charter: cto/v1\npersona: it-innovator\naccountabilities:\n  - Bake bread for the office\n  - text: We do not manage vendor contracts\n");
    assert.match(await hoverAt("Bake bread", 1, 0, target), /Matches no catalog accountability/);
    const negated = await hoverAt("We do not", 1, 0, target);
    assert.match(negated, /Matches no catalog accountability/);
    assert.match(negated, /"not"/, "the matcher's reason is shown");
    await client.close(target);
  });

  test("a key shows its schema description; an enum value its meaning", async () => {
    assert.match(await hoverAt("reports_to:"), /\*\*`reports_to`\*\*: Whom the CTO reports to\./);
    assert.match(await hoverAt("has_cio:"), /overlap rules apply/);
    assert.match(await hoverAt("size: large", "size: ".length + 1), /\*\*`large`\*\*: Thousands of staff/);
  });

  test("a rule id in a disable comment shows the rule's doc", async () => {
    const target = "file:///features/directive.cto-charter.yaml";
    await client.open(target, "charter: cto/v1\n# charter-disable-next-line reporting-line, nonsense-rule\nreports_to: cfo\n");
    const rule = RULES_BY_ID.get("reporting-line")!;
    const text = await hoverAt("reporting-line", 3, 0, target);
    assert.ok(text.includes(rule.summary));
    assert.ok(text.includes("docs/rules/reporting-line.md"));
    assert.match(await hoverAt("nonsense-rule", 2, 0, target), /not a rule id/);
    await client.close(target);
  });

  test("white space and comments have no hover", async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: client.position(uri, "# --- the persona's core", 4) });
    assert.equal(hover, null);
  });
});

/** Opens `text` with the cursor where `§` is, asks for completion there, closes it again. */
async function completeAt(textWithCursor: string): Promise<CompletionItem[]> {
  const offset = textWithCursor.indexOf("§");
  const text = textWithCursor.replace("§", "");
  const target = `file:///features/completion-${offset}.cto-charter.yaml`;
  await client.open(target, text);
  const position = client.document(target).positionAt(offset);
  const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: target }, position });
  await client.close(target);
  return Array.isArray(result) ? result : (result?.items ?? []);
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
const inserted = (item: CompletionItem) => (item.textEdit as { newText: string }).newText;

describe("completion", () => {
  test("`persona: ` with nothing after: the four persona ids with their summaries", async () => {
    const items = await completeAt("charter: cto/v1\npersona: §\n");
    assert.deepEqual(labels(items).sort(), [...PERSONA_IDS].sort());
    for (const item of items) assert.equal(item.detail, catalog.personas.get(item.label as (typeof PERSONA_IDS)[number])!.summary);
  });

  test("right after `persona:` the value comes with its space", async () => {
    const items = await completeAt("charter: cto/v1\npersona:§\n");
    assert.equal(inserted(items.find((i) => i.label === "it-innovator")!), " it-innovator");
  });

  test("`  - id: ` with nothing after: the declared persona's missing core accountabilities first, each with its domain", async () => {
    const items = sorted(await completeAt("charter: cto/v1\npersona: coo-of-it\naccountabilities:\n  - id: it-operations\n    metrics: [uptime]\n  - id: §\n"));
    const core = catalog.personas.get("coo-of-it")!.core.map((c) => c.id).filter((id) => id !== "it-operations");
    assert.deepEqual(labels(items.slice(0, core.length)).sort(), [...core].sort(), "missing core first");
    assert.ok(!labels(items).includes("it-operations"), "an id already listed is not offered again");
    for (const item of items) {
      const domain = catalog.accountabilities.get(item.label)!.domain;
      assert.equal(item.labelDetails?.description, { cto: "CTO", cio: "CIO", shared: "shared" }[domain]);
    }
  });

  test("a new empty line under accountabilities: a whole item as a snippet, and ids as `- id:` items", async () => {
    const items = await completeAt("charter: cto/v1\npersona: it-innovator\naccountabilities:\n  - id: it-innovation\n    metrics: [x]\n  §\n");
    const snippet = items.find((i) => i.insertTextFormat === InsertTextFormat.Snippet);
    assert.ok(snippet, "a snippet");
    assert.match(inserted(snippet), /^- id: \$\{1\|[a-z-]+(,[a-z-]+)*\|\}\n {2}metrics:\n {4}- \$\{2:[^}]+\}$/);
    const id = items.find((i) => i.label === "enterprise-technology-strategy");
    assert.equal(id && inserted(id), "- id: enterprise-technology-strategy");
  });

  test("inside an accountability item: the keys it does not have yet", async () => {
    const items = await completeAt("charter: cto/v1\npersona: it-innovator\naccountabilities:\n  - id: it-innovation\n    §\n");
    assert.deepEqual(labels(items).sort(), ["metrics", "text"]);
  });

  test("top level: the keys not yet present, required ones first", async () => {
    const items = sorted(await completeAt("title: CTO\n§\n"));
    assert.deepEqual(labels(items).slice(0, 3), ["charter", "persona", "accountabilities"]);
    assert.ok(!labels(items).includes("title"));
    assert.equal(inserted(items[0]), "charter: ");
  });

  test("a half-typed key is replaced, not appended to", async () => {
    const items = await completeAt("charter: cto/v1\norganization:\n  name: Acme\n  si§\n");
    const size = items.find((i) => i.label === "size");
    assert.ok(size);
    assert.deepEqual((size.textEdit as { range: unknown }).range, { start: { line: 3, character: 2 }, end: { line: 3, character: 4 } });
  });

  test("a value is replaced whole, also after the cursor", async () => {
    const items = await completeAt("charter: cto/v1\npersona: it-in§nov\n");
    const item = items.find((i) => i.label === "it-innovator");
    assert.deepEqual((item?.textEdit as { range: unknown }).range, { start: { line: 1, character: 9 }, end: { line: 1, character: 17 } });
  });

  test("enum values with their descriptions", async () => {
    const items = await completeAt("charter: cto/v1\nreports_to: §\n");
    assert.deepEqual(labels(items), ["ceo", "cio", "coo", "cfo", "cpo", "board", "other"]);
    assert.ok(items.every((i) => i.detail));
  });

  test("a persona list in flow style", async () => {
    const items = await completeAt("charter: cto/v1\npersona: [it-innovator, §\n");
    assert.deepEqual(labels(items).sort(), [...PERSONA_IDS].sort());
  });

  test("rule ids after `# charter-disable-next-line`, except those already listed", async () => {
    const items = await completeAt("charter: cto/v1\n# charter-disable-next-line schema, §\npersona: x\n");
    assert.deepEqual(labels(items).sort(), RULES.map((r) => r.id).filter((id) => id !== "schema").sort());
  });

  test("the declared persona's recommended practices in `practices`", async () => {
    const items = await completeAt("charter: cto/v1\npersona: it-innovator\npractices:\n  - §\n");
    const recommendations = catalog.personas.get("it-innovator")!.recommendations.map((r) => r.text);
    assert.deepEqual(labels(items).filter((l) => recommendations.includes(l)).sort(), [...recommendations].sort());
  });

  test("nothing inside free text or a block scalar", async () => {
    assert.deepEqual(await completeAt("charter: cto/v1\njob_description: |\n  The CTO owns the platform.\n  §\n"), []);
    assert.deepEqual(await completeAt("charter: cto/v1\ntitle: Chief §\n"), []);
  });
});

describe("outline and folding", () => {
  test("top-level sections, with accountabilities named by their title or text", async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => s.name),
      ["charter", "title", "organization", "holder", "also_cio", "persona", "reports_to", "accountabilities", "shared_with_cio", "time_allocation", "practices", "job_description"],
    );
    const accountabilities = symbols.find((s) => s.name === "accountabilities")!;
    assert.equal(accountabilities.children?.[0].name, catalog.accountabilities.get("business-model-innovation")!.title);
    assert.equal(accountabilities.children?.[2].name, "Hold the innovation budget and approve innovation-driven technology investments");
    assert.equal(accountabilities.range.start.line, client.position(uri, "accountabilities:").line);
    assert.deepEqual(symbols.find((s) => s.name === "organization")!.children?.map((c) => c.name), ["name", "industry", "size", "has_cio"]);
  });

  test("folding follows the YAML structure", async () => {
    const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    const startLine = (needle: string) => client.position(uri, needle).line;
    const fold = (needle: string) => ranges?.find((r) => r.startLine === startLine(needle));
    assert.equal(fold("accountabilities:")?.endLine, startLine("metrics: [online checkout conversion"));
    assert.equal(fold("job_description:")?.endLine, startLine("The CIO runs the store systems"));
    assert.equal(fold("# CTO charter: Northwind")?.kind, "comment");
  });
});

describe("custom requests", () => {
  test("ctoCharter/personaFit: each persona's coverage, best first, with the evidence", async () => {
    const target = "file:///features/problems.cto-charter.yaml";
    await client.open(target, PROBLEMS);
    const result = (await client.connection.sendRequest("ctoCharter/personaFit", { uri: target })) as PersonaFitResult;
    assert.deepEqual(result.declared, ["digital-business-leader"]);
    assert.deepEqual([...result.fits.map((f) => f.persona)].sort(), [...PERSONA_IDS].sort());
    assert.deepEqual(result.fits.map((f) => f.coverage), [...result.fits.map((f) => f.coverage)].sort((a, b) => b - a), "best first");
    const coo = result.fits.find((f) => f.persona === "coo-of-it")!;
    const operations = coo.covered.find((c) => c.id === "it-operations");
    assert.ok(operations, "the day-to-day operations item covers the COO of IT's core");
    assert.equal(client.rangeText(target, operations.claims[0].range).split("#")[0].trim(), "- text: Run day-to-day IT operations across the depots".slice(2));
    assert.ok(operations.claims[0].evidence?.length, "with the words that matched");
    assert.match(result.markdown, /^# Persona fit/);
    assert.ok(result.markdown.includes("COO of IT"));
    await client.close(target);
  });

  test("ctoCharter/personaFit on a document that is not open is an error", async () => {
    await assert.rejects(client.connection.sendRequest("ctoCharter/personaFit", { uri: "file:///nowhere.cto-charter.yaml" }), /not open/);
  });

  test("ctoCharter/newCharterTemplates: one per persona, each a charter with no errors or warnings", async () => {
    const templates = (await client.connection.sendRequest("ctoCharter/newCharterTemplates", {})) as CharterTemplate[];
    assert.deepEqual(templates.map((t) => t.persona).sort(), [...PERSONA_IDS].sort());
    for (const template of templates) {
      const persona = catalog.personas.get(template.persona)!;
      for (const core of persona.core) assert.ok(template.text.includes(`  - id: ${core.id}\n    metrics:\n`), `${template.persona} holds ${core.id}`);
      const target = `untitled:new-${template.persona}`;
      const published = await client.open(target, template.text);
      assert.deepEqual(published.diagnostics.filter((d) => d.severity! <= 2).map((d) => d.message), [], `${template.persona}: no errors or warnings`);
      await client.close(target);
    }
  });
});
