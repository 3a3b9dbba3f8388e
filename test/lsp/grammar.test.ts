/**
 * The TextMate grammar, tokenised as VS Code does it (vscode-textmate + vscode-oniguruma) with the
 * YAML grammar it embeds: persona ids, accountability ids and rule ids in disable comments get their
 * scopes, on the examples and for every id the catalog and the rules define.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { before, describe, test } from "node:test";
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from "vscode-textmate";
import { createOnigScanner, createOnigString, loadWASM } from "vscode-oniguruma";
import { PERSONA_IDS } from "../../schemas/catalog";
import { builtinCatalog } from "../../server/src/core/builtin-catalog";
import { RULES } from "../../server/src/core/rules";
import { ROOT } from "./client";

const GRAMMAR = path.join(ROOT, "syntaxes", "cto-charter.tmLanguage.json");
const YAML_GRAMMAR = require.resolve("tm-grammars/grammars/yaml.json");
const PERSONA = "support.constant.persona.cto-charter";
const ACCOUNTABILITY = "support.constant.accountability.cto-charter";
const RULE = "constant.other.rule-id.cto-charter";
/** A persona id as a word of its own, wherever it stands outside comments. */
const PERSONA_WORD = new RegExp(`(?<![\\w-])(?:${PERSONA_IDS.join("|")})(?![\\w-])`, "g");

interface Token {
  text: string;
  scopes: string[];
  line: number;
}

let grammar: IGrammar;

before(async () => {
  await loadWASM(fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer as ArrayBuffer);
  const files: Record<string, string> = { "source.cto-charter": GRAMMAR, "source.yaml": YAML_GRAMMAR };
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
    loadGrammar: async (scope) => (files[scope] ? parseRawGrammar(fs.readFileSync(files[scope], "utf8"), files[scope]) : null),
  });
  grammar = (await registry.loadGrammar("source.cto-charter"))!;
  assert.ok(grammar);
});

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let state = INITIAL;
  text.split("\n").forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) tokens.push({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes, line: index });
    state = result.ruleStack;
  });
  return tokens;
}

/** The tokens that carry `scope`, as text. */
function scoped(tokens: Token[], scope: string): string[] {
  return tokens.filter((t) => t.scopes.includes(scope)).map((t) => t.text);
}

describe("grammar", () => {
  test("embeds YAML: keys, comments and strings keep YAML's scopes", () => {
    const tokens = tokenize("title: Chief Technology Officer  # a comment\n");
    assert.equal(scoped(tokens, "entity.name.tag.yaml").join(""), "title", "a key");
    assert.ok(tokens.some((t) => t.text.includes("a comment") && t.scopes.some((s) => s.startsWith("comment"))), "a comment");
    assert.ok(tokens.every((t) => t.scopes[0] === "source.cto-charter"));
  });

  test("every persona id gets the persona scope, as a value and in a list", () => {
    for (const id of PERSONA_IDS) {
      assert.deepEqual(scoped(tokenize(`persona: ${id}\n`), PERSONA), [id], `persona: ${id}`);
      assert.deepEqual(scoped(tokenize(`persona: [${id}, coo-of-it]\n`), PERSONA), [id, "coo-of-it"], `persona: [${id}, …]`);
      assert.deepEqual(scoped(tokenize(`persona:\n  - ${id}  # blended\n`), PERSONA), [id], `a block list of ${id}`);
    }
  });

  test("every catalog accountability id gets the accountability scope after `id:`", () => {
    for (const id of builtinCatalog().accountabilities.keys()) {
      assert.deepEqual(scoped(tokenize(`accountabilities:\n  - id: ${id}\n    metrics: [x]\n`), ACCOUNTABILITY), [id], `- id: ${id}`);
      assert.deepEqual(scoped(tokenize(`shared_with_cio:\n  - { id: ${id} }\n`), ACCOUNTABILITY), [id], `{ id: ${id} }`);
      assert.deepEqual(scoped(tokenize(`accountabilities:\n  - id: ${id}   # why\n`), ACCOUNTABILITY), [id], `- id: ${id} with a comment`);
    }
  });

  test("every rule id in a disable comment gets the rule scope, and the comment stays a comment", () => {
    for (const rule of RULES) {
      for (const kind of ["disable-next-line", "disable", "enable"]) {
        const tokens = tokenize(`  # charter-${kind} ${rule.id}, schema\n  - id: x\n`);
        assert.deepEqual(scoped(tokens, RULE), [rule.id, "schema"], `charter-${kind} ${rule.id}`);
        assert.ok(tokens.filter((t) => t.line === 0 && t.text.trim()).every((t) => t.scopes.some((s) => s.startsWith("comment"))), "all of it is a comment");
      }
    }
    const trailing = tokenize("reports_to: cfo  # charter-disable-next-line reporting-line\n");
    assert.deepEqual(scoped(trailing, RULE), ["reporting-line"], "after a value too");
  });

  test("ids are not highlighted in ordinary comments or quoted text", () => {
    const tokens = tokenize('# it-innovator and id: it-operations\ntitle: "coo-of-it"\n');
    assert.deepEqual(scoped(tokens, PERSONA), []);
    assert.deepEqual(scoped(tokens, ACCOUNTABILITY), []);
  });

  for (const name of fs.readdirSync(path.join(ROOT, "examples")).filter((f) => f.endsWith(".cto-charter.yaml"))) {
    test(`${name}: every persona id, \`id:\` value and disable-comment rule id is scoped`, () => {
      const text = fs.readFileSync(path.join(ROOT, "examples", name), "utf8");
      const tokens = tokenize(text);
      const lines = text.split("\n");
      const expected = { persona: [] as string[], accountability: [] as string[], rule: [] as string[] };
      for (const line of lines) {
        const content = line.replace(/(^|\s)#.*$/, "");
        expected.persona.push(...(content.match(PERSONA_WORD) ?? []));
        const id = /(?:^|[\s{,-])id:\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*[,}]?\s*$/.exec(content);
        if (id) expected.accountability.push(id[1]);
        const directive = /#\s*charter-(?:disable-next-line|disable|enable)\b([^#]*)/.exec(line);
        if (directive) expected.rule.push(...(directive[1].match(/[a-z][a-z0-9-]*/g) ?? []));
      }
      assert.ok(expected.persona.length > 0, "the example declares a persona");
      assert.deepEqual(scoped(tokens, PERSONA), expected.persona);
      assert.deepEqual(scoped(tokens, ACCOUNTABILITY), expected.accountability);
      assert.deepEqual(scoped(tokens, RULE), expected.rule);
    });
  }
});
