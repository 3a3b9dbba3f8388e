/**
 * Every code action the server offers on the examples, applied to the text: the diagnostic it was
 * offered for goes away, nothing outside the edit changes, every comment survives, the YAML still
 * parses; and fix-all reaches a fixed point.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";
import { CodeActionRequest, type CodeAction, type Diagnostic, type PublishDiagnosticsParams, type WorkspaceEdit } from "vscode-languageserver-protocol";
import { parseAllDocuments } from "yaml";
import { editsFor, ROOT, TestClient } from "./client";

const EXAMPLES = fs
  .readdirSync(path.join(ROOT, "examples"))
  .filter((f) => f.endsWith(".cto-charter.yaml"))
  .sort();

/** A charter with a problem for every rule that offers fixes, comments on every line kind. */
const MORE_PROBLEMS = `# A charter with a problem for most rules.
charter: cto/v1
organisation:            # schema: did you mean organization?
  name: Acme
persona: coo-of-it       # also reports to the CEO
reports_to: ceo
also_cio: true           # dual-role
accountabilities:
  - id: it-operations    # core
    metrics: [uptime]
  - id: it-operatoins    # schema: unknown id with a close match
    metrics: [x]
  - Run the service desk # metrics-missing
  - text: Run the service desk again
    metrics: [tickets]
time_allocation:
  innovation: 5
  business_operations: 5
  it_operations: 80
job_description: The CTO manages the IT budget. The CIO owns the data centre.
`;

let client: TestClient;
let scratch = 0;

before(async () => {
  client = await TestClient.start();
});
after(() => client.stop());

async function actionsFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  const result = await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  });
  return (result ?? []) as CodeAction[];
}

/** A diagnostic's identity across edits, which move ranges: rule, data and the text it covers. */
function identity(d: Diagnostic, text: string): string {
  const lines = text.split(/\r?\n/);
  const covered = d.range.start.line === d.range.end.line ? lines[d.range.start.line].slice(d.range.start.character, d.range.end.character) : lines[d.range.start.line].slice(d.range.start.character);
  return `${String(d.code)} ${JSON.stringify(d.data)} ${covered}`;
}

function count(list: string[], item: string): number {
  return list.filter((x) => x === item).length;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length) - commonPrefix(a, b);
  let n = 0;
  while (n < limit && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function comments(text: string): string[] {
  return text.split(/\r?\n/).flatMap((line) => {
    const at = line.search(/(^|\s)#/);
    return at >= 0 ? [line.slice(at).trim()] : [];
  });
}

/** Every comment survives, except one inside the text an edit removes (a removed item's own comment). */
function assertCommentsKept(before: string, afterText: string, edit: WorkspaceEdit, uri: string, context: string): void {
  const document = client.document(uri);
  const removed = editsFor(uri, edit)
    .map((e) => before.slice(document.offsetAt(e.range.start), document.offsetAt(e.range.end)))
    .join("\n");
  const kept = comments(afterText);
  for (const comment of comments(before)) {
    if (!removed.includes(comment)) assert.ok(kept.includes(comment), `${context} keeps the comment ${comment}`);
  }
}

/** Lines before the first edited line and after the last one are byte-identical. */
function assertOnlyEditedLinesChange(before: string, afterText: string, edit: WorkspaceEdit, uri: string): void {
  const edits = editsFor(uri, edit);
  const first = Math.min(...edits.map((e) => e.range.start.line));
  const last = Math.max(...edits.map((e) => e.range.end.line));
  const old = before.split("\n");
  const now = afterText.split("\n");
  assert.deepEqual(now.slice(0, first), old.slice(0, first), "lines before the edit are unchanged");
  const tail = old.length - 1 - last;
  assert.deepEqual(now.slice(now.length - tail), old.slice(old.length - tail), "lines after the edit are unchanged");
}

async function openScratch(text: string): Promise<{ uri: string; published: PublishDiagnosticsParams }> {
  const uri = `file:///scratch/${scratch++}.cto-charter.yaml`;
  return { uri, published: await client.open(uri, text) };
}

async function checkEveryAction(name: string, text: string): Promise<number> {
  const uri = `file:///examples/${name}`;
  const { diagnostics } = await client.open(uri, text);
  let checked = 0;
  for (const diagnostic of diagnostics) {
    const actions = await actionsFor(uri, diagnostic);
    for (const action of actions) {
      const context = `${name}: "${action.title}" for ${diagnostic.code} "${diagnostic.message}"`;
      assert.equal(action.kind, "quickfix", context);
      assert.deepEqual(action.diagnostics, [diagnostic], context);
      const result = client.applied(uri, action.edit!);
      assert.notEqual(result, text, `${context} changes the text`);
      assertOnlyEditedLinesChange(text, result, action.edit!, uri);
      assertCommentsKept(text, result, action.edit!, uri, context);
      assert.deepEqual(parseAllDocuments(result).flatMap((d) => (Array.isArray(d) ? [] : d.errors)), [], `${context} leaves valid YAML`);
      const { uri: resultUri, published } = await openScratch(result);
      const before = diagnostics.map((d) => identity(d, text));
      const now = published.diagnostics.map((d) => identity(d, result));
      const target = identity(diagnostic, text);
      assert.ok(count(now, target) < count(before, target), `${context} removes its diagnostic`);
      await client.close(resultUri);
      checked++;
    }
  }
  await client.close(uri);
  return checked;
}

describe("quick fixes", () => {
  for (const name of EXAMPLES) {
    test(`every action on ${name} does what it says and nothing else`, async () => {
      await checkEveryAction(name, fs.readFileSync(path.join(ROOT, "examples", name), "utf8"));
    });
  }

  test("every action on a charter full of problems does what it says and nothing else", async () => {
    const checked = await checkEveryAction("more-problems.cto-charter.yaml", MORE_PROBLEMS);
    assert.ok(checked >= 10, `${checked} actions checked`);
  });

  test("the problems example offers a fix of its own for each fixable rule, and a disable comment for every diagnostic", async () => {
    const text = fs.readFileSync(path.join(ROOT, "examples", "problems.cto-charter.yaml"), "utf8");
    const uri = "file:///examples/offered.cto-charter.yaml";
    const { diagnostics } = await client.open(uri, text);
    const titles = new Map<string, string[]>();
    for (const diagnostic of diagnostics) {
      const list = titles.get(String(diagnostic.code)) ?? [];
      list.push(...(await actionsFor(uri, diagnostic)).map((a) => a.title));
      titles.set(String(diagnostic.code), list);
    }
    for (const [code, list] of titles) assert.ok(list.includes(`Disable ${code} for this line`), `${code} can be disabled for its line`);
    assert.ok(titles.get("schema")!.includes("Change to `large`"));
    assert.ok(titles.get("accountability-missing")!.some((t) => t.startsWith("Add `")));
    assert.ok(titles.get("cio-overlap")!.some((t) => t.startsWith("Move `")));
    assert.ok(titles.get("duplicate-accountability")!.includes("Remove this duplicate"));
    const preferred = (await actionsFor(uri, diagnostics.find((d) => d.code === "schema")!)).filter((a) => a.isPreferred);
    assert.deepEqual(preferred.map((a) => a.title), ["Change to `large`"], "the did-you-mean fix is the preferred one");
    await client.close(uri);
  });

  test("actions key on rule id and data, not on the message", async () => {
    const text = fs.readFileSync(path.join(ROOT, "examples", "problems.cto-charter.yaml"), "utf8");
    const uri = "file:///examples/keyed.cto-charter.yaml";
    const { diagnostics } = await client.open(uri, text);
    const missing = diagnostics.filter((d) => d.code === "accountability-missing");
    assert.ok(missing.length >= 2, "several findings share the persona's range");
    for (const diagnostic of missing) {
      const renamed = { ...diagnostic, message: "a message the client rewrote" };
      const titles = (await actionsFor(uri, renamed)).map((a) => a.title);
      assert.ok(titles.includes(`Add \`${String(diagnostic.data.accountability)}\` to accountabilities`), `the fix follows data: ${titles.join(" | ")}`);
      assert.equal(titles.filter((t) => t.startsWith("Add `")).length, 1, "only the fix for this finding's data");
    }
    const stale = { ...missing[0], data: { ...missing[0].data, accountability: "no-such-accountability" } };
    assert.deepEqual(await actionsFor(uri, stale), [], "a diagnostic that matches no fresh finding gets no action");
    await client.close(uri);
  });

  test("disabling a rule on a line that already has a disable comment extends that comment", async () => {
    const text = "charter: cto/v1\npersona: coo-of-it\n# charter-disable-next-line metrics-missing\nreports_to: ceo\naccountabilities: []\n";
    const uri = "file:///examples/extend.cto-charter.yaml";
    const { diagnostics } = await client.open(uri, text);
    const reporting = diagnostics.find((d) => d.code === "reporting-line");
    assert.ok(reporting, "reporting-line on ceo");
    const disable = (await actionsFor(uri, reporting)).find((a) => a.title === "Disable reporting-line for this line");
    assert.ok(disable);
    assert.equal(client.applied(uri, disable.edit!), text.replace("metrics-missing", "metrics-missing, reporting-line"));
    await client.close(uri);
  });
});

describe("fix all", () => {
  async function fixAll(uri: string): Promise<CodeAction[]> {
    const end = client.document(uri).positionAt(client.text(uri).length);
    const result = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end },
      context: { diagnostics: [], only: ["source.fixAll"] },
    });
    return (result ?? []) as CodeAction[];
  }

  for (const [name, text] of [
    ["problems.cto-charter.yaml", fs.readFileSync(path.join(ROOT, "examples", "problems.cto-charter.yaml"), "utf8")],
    ["more-problems.cto-charter.yaml", MORE_PROBLEMS],
  ]) {
    test(`${name}: one minimal edit; applying it again changes nothing`, async () => {
      const { uri } = await openScratch(text);
      const [action, ...more] = await fixAll(uri);
      assert.equal(more.length, 0);
      assert.equal(action.kind, "source.fixAll.ctoCharter");
      const edits = editsFor(uri, action.edit!);
      assert.equal(edits.length, 1, "one edit");
      const fixed = client.applied(uri, action.edit!);
      assertOnlyEditedLinesChange(text, fixed, action.edit!, uri);
      assertCommentsKept(text, fixed, action.edit!, uri, name);
      const document = client.document(uri);
      assert.equal(document.offsetAt(edits[0].range.start), commonPrefix(text, fixed), "the edit starts where the texts first differ");
      assert.equal(text.length - document.offsetAt(edits[0].range.end), commonSuffix(text, fixed), "and ends where they last differ");
      const published = await client.replace(uri, 0, text.length, fixed);
      assert.ok(published.diagnostics.length > 0, "fix-all leaves the problems that have no safe fix");
      assert.deepEqual(await fixAll(uri), [], "a second fix-all has nothing to do");
      await client.close(uri);
    });
  }

  test("fix-all is offered only when asked for by kind", async () => {
    const { uri, published } = await openScratch(MORE_PROBLEMS);
    const result = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: published.diagnostics[0].range,
      context: { diagnostics: published.diagnostics },
    })) as CodeAction[];
    assert.ok(result.length > 0);
    assert.ok(result.every((a) => a.kind === "quickfix"));
    await client.close(uri);
  });
});
