/** In-file suppressions and configured severities, applied in the core so every surface agrees. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseConfig, ConfigError } from "../../server/src/core/config";
import { RULES_BY_ID } from "../../server/src/core/rules";
import { byRule, CLEAN, findings, replace } from "./helpers";

const OVERLAP = replace(CLEAN, "    metrics: [digital revenue share]\n", "    metrics: [digital revenue share]\n  - Run the service desk\n  - Manage the IT budget\n");

describe("suppression comments", () => {
  test("disable-next-line silences that rule on the next line only", () => {
    const text = replace(OVERLAP, "  - Run the service desk\n", "  # charter-disable-next-line cio-overlap\n  - Run the service desk\n");
    const overlaps = byRule(text, "cio-overlap");
    assert.deepEqual(overlaps.map((f) => f.data?.accountability), ["it-budget"]);
    assert.equal(byRule(text, "metrics-missing").length, 2, "other rules on that line still report");
  });

  test("disable-next-line takes several ids", () => {
    const text = replace(OVERLAP, "  - Run the service desk\n", "  # charter-disable-next-line cio-overlap, metrics-missing\n  - Run the service desk\n");
    assert.equal(byRule(text, "metrics-missing").length, 1);
  });

  test("disable … enable silences a block; disable without ids silences every rule", () => {
    const block = replace(replace(OVERLAP, "  - Run the service desk\n", "  # charter-disable cio-overlap\n  - Run the service desk\n"), "  - Manage the IT budget\n", "  # charter-enable cio-overlap\n  - Manage the IT budget\n");
    assert.deepEqual(byRule(block, "cio-overlap").map((f) => f.data?.accountability), ["it-budget"]);
    const all = replace(OVERLAP, "  - Run the service desk\n", "  # charter-disable\n  - Run the service desk\n");
    assert.deepEqual(findings(all), []);
  });

  test("a directive for another rule suppresses nothing", () => {
    const text = replace(OVERLAP, "  - Run the service desk\n", "  # charter-disable-next-line dual-role\n  - Run the service desk\n");
    assert.equal(byRule(text, "cio-overlap").length, 2);
  });
});

describe("configured severities", () => {
  test("override a rule's severity, or switch it off", () => {
    const options = { severities: { "cio-overlap": "error", "metrics-missing": "off" } as const };
    assert.ok(byRule(OVERLAP, "cio-overlap", options).every((f) => f.severity === "error"));
    assert.equal(byRule(OVERLAP, "metrics-missing", options).length, 0);
    assert.equal(byRule(OVERLAP, "metrics-missing").length, 2);
  });

  test(".cto-charter.json is validated with clear messages", () => {
    const known = new Set(RULES_BY_ID.keys());
    assert.deepEqual(parseConfig('{"rules": {"dual-role": "off"}}', "x.json", known), { rules: { "dual-role": "off" } });
    assert.throws(() => parseConfig("{", "x.json", known), (e: Error) => e instanceof ConfigError && /not valid JSON/.test(e.message));
    assert.throws(() => parseConfig('{"rules": {"dual-role": "loud"}}', "x.json", known), /rules\.dual-role/);
    assert.throws(() => parseConfig('{"rules": {"dual-rolez": "off"}}', "x.json", known), /unknown rule id dual-rolez/);
    assert.throws(() => parseConfig('{"rulez": {}}', "x.json", known), /Unrecognized key/);
  });
});
