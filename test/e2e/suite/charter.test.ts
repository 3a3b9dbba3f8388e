/** The extension as a person uses it, through the public `vscode` API only. */
import assert from "node:assert/strict";
import * as vscode from "vscode";
import catalog from "../../../server/src/generated/catalog.json";
import {
  codeOf,
  EXTENSION_ID,
  expected,
  hoverText,
  lineOf,
  lintTextWithCli,
  lintWithCli,
  positionOf,
  revertAndClose,
  sameSeen,
  scratchCopy,
  seen,
  severityOf,
  show,
  watchDiagnostics,
  workspaceUri,
} from "./helpers";
import type { Test } from "./runner";

const CLEAN_EXAMPLES = [
  "business-enabler.cto-charter.yaml",
  "coo-of-it.cto-charter.yaml",
  "digital-business-leader.cto-charter.yaml",
  "it-innovator.cto-charter.yaml",
];
const PROBLEMS = "problems.cto-charter.yaml";
// DESIGN §2 fixes the four persona ids.
const PERSONA_IDS = ["digital-business-leader", "business-enabler", "it-innovator", "coo-of-it"];

/** Open a document and wait until the server's diagnostics for it equal the CLI's findings. */
async function openAndMatchCli(name: string, timeoutMs?: number): Promise<{ editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  const uri = workspaceUri(name);
  const want = expected(await lintWithCli(uri.fsPath));
  // A document the server already has was analysed when it was opened: no new event will come.
  const requireChange = !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  const watcher = watchDiagnostics();
  try {
    const editor = await show(uri);
    assert.equal(editor.document.languageId, "cto-charter", `${name} opens in the cto-charter language`);
    const diagnostics = await watcher.until(uri, (d) => sameSeen(seen(d), want), `${name} to match \`cto-charter lint\``, {
      requireChange,
      timeoutMs,
    });
    return { editor, diagnostics };
  } finally {
    watcher.dispose();
  }
}

function only(diagnostics: readonly vscode.Diagnostic[], code: string, onLine?: number): vscode.Diagnostic {
  const found = diagnostics.filter((d) => codeOf(d) === code && (onLine === undefined || d.range.start.line === onLine));
  assert.equal(found.length, 1, `exactly one ${code}${onLine === undefined ? "" : ` on line ${onLine + 1}`}`);
  return found[0]!;
}

/**
 * Ask for the quick fixes at `diagnostic`, apply the one titled `title`, and wait until the
 * diagnostics equal what the CLI reports for the edited text. Returns the edited text. (The API
 * command does not return an action's `diagnostics`: callers check the diagnostic went away.)
 */
async function applyQuickFix(editor: vscode.TextEditor, diagnostic: vscode.Diagnostic, title: string): Promise<string> {
  const { document } = editor;
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    "vscode.executeCodeActionProvider",
    document.uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
    // Resolve lazily computed edits too.
    50,
  );
  const titles = actions.map((a) => a.title);
  const action = actions.find((a): a is vscode.CodeAction => a.title === title && "edit" in a);
  assert.ok(action?.edit, `a quick fix titled ${JSON.stringify(title)} with an edit; offered: ${JSON.stringify(titles)}`);

  const watcher = watchDiagnostics();
  try {
    assert.ok(await vscode.workspace.applyEdit(action.edit), "workspace.applyEdit accepted the fix");
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    const text = document.getText();
    const want = expected(await lintTextWithCli(text, document.fileName));
    await watcher.until(document.uri, (d) => sameSeen(seen(d), want), "diagnostics of the fixed text to match the CLI's");
    return text;
  } finally {
    watcher.dispose();
  }
}

export const tests: Test[] = [
  {
    name: "the extension is installed and activates on a charter",
    prerequisite: true,
    async fn() {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is installed`);
      // The first charter also waits for the language server to start.
      await openAndMatchCli(CLEAN_EXAMPLES[0]!, 60_000);
      assert.ok(extension.isActive, "opening a charter activated the extension");
    },
  },
  ...CLEAN_EXAMPLES.map(
    (name): Test => ({
      name: `${name}: analysed and clean, like \`cto-charter lint\``,
      async fn() {
        const { diagnostics } = await openAndMatchCli(name);
        assert.deepEqual(seen(diagnostics), []);
      },
    }),
  ),
  {
    name: `${PROBLEMS}: codes, ranges and severities equal \`cto-charter lint\``,
    async fn() {
      const { editor, diagnostics } = await openAndMatchCli(PROBLEMS);
      const { document } = editor;
      const textOf = (d: vscode.Diagnostic) => document.getText(d.range);

      const larg = diagnostics.find((d) => codeOf(d) === "schema" && textOf(d) === "larg");
      assert.ok(larg, "schema on `larg`");
      assert.equal(severityOf(larg), "error");
      assert.match(larg.message, /large/, "the message suggests `large`");

      const pratices = only(diagnostics, "schema", lineOf(document, "pratices:"));
      assert.equal(textOf(pratices), "pratices");

      const serviceDesk = only(diagnostics, "cio-overlap", lineOf(document, "Run the service desk"));
      assert.equal(severityOf(serviceDesk), "warning");

      assert.equal(textOf(only(diagnostics, "reporting-line")), "cfo");
      const time = only(diagnostics, "time-allocation");
      assert.equal(severityOf(time), "error");
      assert.equal(textOf(time), "time_allocation");

      const duplicate = only(diagnostics, "duplicate-accountability");
      assert.equal(duplicate.range.start.line, lineOf(document, "Lead the R&D unit"));
      assert.equal(duplicate.relatedInformation?.[0]?.location.range.start.line, lineOf(document, "id: innovation-and-rd"));

      const persona = lineOf(document, "persona:");
      const missing = diagnostics.filter((d) => codeOf(d) === "accountability-missing");
      assert.equal(missing.length, 3);
      assert.ok(missing.every((d) => d.range.start.line === persona && textOf(d) === "digital-business-leader"));

      // A rule id with a link to its doc arrives as { value, target }.
      for (const d of diagnostics) {
        if (typeof d.code === "object") assert.ok(d.code.target instanceof vscode.Uri, `${codeOf(d)} links its doc`);
      }
    },
  },
  {
    name: "hover on a persona shows its name and summary",
    async fn() {
      const { editor } = await openAndMatchCli(PROBLEMS);
      const persona = catalog.personas.find((p) => p.id === "digital-business-leader")!;
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        "vscode.executeHoverProvider",
        editor.document.uri,
        positionOf(editor.document, "digital-business-leader", 3),
      );
      const text = hoverText(hovers);
      assert.ok(text.includes(persona.name), `hover names ${persona.name}: ${text}`);
      assert.ok(text.includes(persona.summary), `hover has the summary: ${text}`);
    },
  },
  {
    name: "hover on an accountability id shows its title",
    async fn() {
      const { editor } = await openAndMatchCli(PROBLEMS);
      const accountability = catalog.accountabilities.find((a) => a.id === "innovation-and-rd")!;
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        "vscode.executeHoverProvider",
        editor.document.uri,
        positionOf(editor.document, "innovation-and-rd", 3),
      );
      const text = hoverText(hovers);
      assert.ok(text.includes(accountability.title), `hover has ${JSON.stringify(accountability.title)}: ${text}`);
    },
  },
  {
    name: "completion at the persona value lists the four persona ids",
    async fn() {
      const { editor } = await openAndMatchCli("digital-business-leader.cto-charter.yaml");
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        "vscode.executeCompletionItemProvider",
        editor.document.uri,
        positionOf(editor.document, "digital-business-leader", 0),
      );
      const labels = list.items.map((i) => (typeof i.label === "string" ? i.label : i.label.label));
      for (const id of PERSONA_IDS) assert.ok(labels.includes(id), `completion offers ${id}; got ${JSON.stringify(labels)}`);
    },
  },
  {
    name: "quick fix: move a cio-overlap item to shared_with_cio",
    async fn() {
      const editor = await openScratch("fix-cio-overlap");
      try {
        const { document } = editor;
        const before = vscode.languages.getDiagnostics(document.uri);
        const target = only(before, "cio-overlap", lineOf(document, "Run the service desk"));
        const text = await applyQuickFix(editor, target, "Move `it-service-desk` to shared_with_cio");

        assert.ok(!text.includes("Run the service desk"), "the item left accountabilities");
        assert.match(text, /shared_with_cio:\n {2}- external-customer-experience\n {2}- (id: )?it-service-desk\n/);
        assert.ok(text.startsWith("# DELIBERATELY BROKEN."), "comments are kept");
        const after = vscode.languages.getDiagnostics(document.uri);
        assert.equal(count(after, "cio-overlap"), count(before, "cio-overlap") - 1);
        assert.equal(count(after, "schema"), 2, "the other problems remain");
      } finally {
        await revertAndClose(editor);
      }
    },
  },
  {
    name: "quick fix: add a missing core accountability",
    async fn() {
      const editor = await openScratch("fix-accountability-missing");
      try {
        const { document } = editor;
        const before = vscode.languages.getDiagnostics(document.uri);
        const target = before.find((d) => codeOf(d) === "accountability-missing" && d.message.includes("`digital-products`"));
        assert.ok(target, "accountability-missing for digital-products");
        const text = await applyQuickFix(editor, target, "Add `digital-products` to accountabilities");

        assert.match(text, /\n {2}- (id: )?digital-products\n/);
        const after = vscode.languages.getDiagnostics(document.uri);
        assert.ok(!after.some((d) => codeOf(d) === "accountability-missing" && d.message.includes("`digital-products`")));
        assert.equal(count(after, "accountability-missing"), 2, "the two other missing accountabilities remain");
      } finally {
        await revertAndClose(editor);
      }
    },
  },
  {
    name: "New Charter from Persona… (coo-of-it) opens a charter without errors",
    async fn() {
      const watcher = watchDiagnostics();
      try {
        await vscode.commands.executeCommand("ctoCharter.newCharterFromPersona", "coo-of-it");
        const editor = vscode.window.activeTextEditor;
        assert.ok(editor, "the command opened an editor");
        try {
          const { document } = editor;
          assert.equal(document.languageId, "cto-charter");
          const text = document.getText();
          assert.match(text, /persona:\s*coo-of-it/);
          const want = expected(await lintTextWithCli(text, "new.cto-charter.yaml"));
          const diagnostics = await watcher.until(document.uri, (d) => sameSeen(seen(d), want), "the new charter to match the CLI");
          const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
          assert.deepEqual(seen(errors), [], "no errors in the new charter");
        } finally {
          await revertAndClose(editor);
        }
      } finally {
        watcher.dispose();
      }
    },
  },
  {
    name: "ctoCharter.rules in settings: diagnostics follow severity changes and `off`",
    async fn() {
      const { editor } = await openAndMatchCli(PROBLEMS);
      const uri = editor.document.uri;
      const config = () => vscode.workspace.getConfiguration("ctoCharter");
      const overlaps = count(vscode.languages.getDiagnostics(uri), "cio-overlap");
      const defaults = expected(await lintWithCli(uri.fsPath));
      const watcher = watchDiagnostics();
      try {
        try {
          await config().update("rules", { "cio-overlap": "error", "metrics-missing": "off" }, vscode.ConfigurationTarget.Workspace);
          await watcher.until(
            uri,
            (d) => {
              const overlap = d.filter((x) => codeOf(x) === "cio-overlap");
              return overlap.length === overlaps && overlap.every((x) => severityOf(x) === "error") && count(d, "metrics-missing") === 0;
            },
            "cio-overlap as errors and no metrics-missing",
          );
        } finally {
          // Leave the workspace settings as found, also when the wait failed.
          await config().update("rules", undefined, vscode.ConfigurationTarget.Workspace);
        }
        await watcher.until(uri, (d) => sameSeen(seen(d), defaults), "the default severities, as the CLI reports them");
      } finally {
        watcher.dispose();
      }
    },
  },
];

function count(diagnostics: readonly vscode.Diagnostic[], code: string): number {
  return diagnostics.filter((d) => codeOf(d) === code).length;
}

async function openScratch(name: string): Promise<vscode.TextEditor> {
  const uri = await scratchCopy(PROBLEMS, name);
  const want = expected(await lintWithCli(uri.fsPath));
  const watcher = watchDiagnostics();
  try {
    const editor = await show(uri);
    await watcher.until(uri, (d) => sameSeen(seen(d), want), `${name} to match the CLI`);
    return editor;
  } finally {
    watcher.dispose();
  }
}
