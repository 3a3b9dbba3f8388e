/** Each rule of DESIGN §3 fires where it should, on the exact range, and stays silent otherwise. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { RULES } from "../../server/src/core/rules";
import { assertCovers, byRule, CLEAN, findings, replace } from "./helpers";

const ITEMS_END = "    metrics: [digital revenue share]\n";

/** CLEAN with extra accountability lines appended to the list. */
function withItems(lines: string, text = CLEAN): string {
  return replace(text, ITEMS_END, `${ITEMS_END}${lines}`);
}

test("the clean charter has no findings at all", () => {
  assert.deepEqual(findings(CLEAN), []);
});

test("every rule has an id, a severity, a summary and a doc", () => {
  const ids = RULES.map((r) => r.id);
  assert.deepEqual(ids.sort(), [
    "accountability-missing", "cio-overlap", "dual-role", "duplicate-accountability", "innovation-time",
    "metrics-missing", "persona-fit", "recommendation-missing", "reporting-line", "schema",
    "shared-ownership", "time-allocation", "yaml-syntax",
  ]);
  for (const rule of RULES) {
    assert.ok(rule.summary.length > 10 && rule.doc.length > 80, rule.id);
  }
});

describe("yaml-syntax", () => {
  test("reports a parser error at its place, and the other rules still run", () => {
    const text = replace(CLEAN, "title: Chief Technology Officer", 'title: "Chief Technology Officer');
    const [error] = byRule(text, "yaml-syntax");
    assert.match(error.message, /quote/);
    assert.ok(error.range.end > error.range.start, "a visible range");
    assert.equal(error.severity, "error");
  });

  test("a duplicate key is a syntax error on the second key, and the other rules still run", () => {
    const text = `${replace(CLEAN, "  - id: innovation-and-rd\n", "  - id: innovation-and-rdx\n")}reports_to: cio\n`;
    const errors = byRule(text, "yaml-syntax");
    assert.equal(errors.length, 1);
    assertCovers(text, errors[0], "reports_to", 1);
    assert.equal(byRule(text, "accountability-missing")[0]?.data?.accountability, "innovation-and-rd");
  });

  test("silent on a well-formed file", () => {
    assert.deepEqual(byRule(CLEAN, "yaml-syntax"), []);
  });
});

describe("accountability-missing", () => {
  test("one finding per missing core accountability, on the persona value, with an insert fix", () => {
    const text = replace(CLEAN, "  - id: innovation-and-rd\n    metrics: [prototypes taken to pilot]\n", "");
    const missing = byRule(text, "accountability-missing");
    assert.equal(missing.length, 1);
    assertCovers(text, missing[0], "digital-business-leader");
    assert.equal(missing[0].data?.accountability, "innovation-and-rd");
    assert.equal(missing[0].severity, "warning");
    const [fix] = missing[0].fixes();
    assert.ok(fix.safe && fix.preferred);
  });

  test("free text, the job description and shared_with_cio all count as covered", () => {
    let text = replace(CLEAN, "  - id: innovation-and-rd\n    metrics: [prototypes taken to pilot]\n", "");
    assert.equal(byRule(`${text}job_description: |\n  You will lead our R&D initiatives.\n`, "accountability-missing").length, 0);
    assert.equal(byRule(`${text}shared_with_cio:\n  - innovation-and-rd\n`, "accountability-missing").length, 0);
    text = withItems("  - text: Run the research and development unit\n    metrics: [patents]\n", text);
    assert.equal(byRule(text, "accountability-missing").length, 0);
  });

  test("a blended role needs the union of both cores", () => {
    const text = replace(CLEAN, "persona: digital-business-leader", "persona: [digital-business-leader, coo-of-it]");
    const missing = byRule(text, "accountability-missing").map((f) => f.data?.accountability);
    assert.ok(missing.includes("it-operations"));
    assert.ok(!missing.includes("innovation-and-rd"));
  });

  test("a job description sentence about someone else covers nothing", () => {
    const text = `${replace(CLEAN, "  - id: innovation-and-rd\n    metrics: [prototypes taken to pilot]\n", "")}job_description: |\n  The CIO leads the R&D initiatives.\n`;
    assert.equal(byRule(text, "accountability-missing").length, 1);
  });
});

describe("cio-overlap", () => {
  test("a CIO-side free-text item is flagged on the item, with move and remove fixes", () => {
    const text = withItems("  - Run the service desk\n");
    const [overlap] = byRule(text, "cio-overlap");
    assertCovers(text, overlap, "Run the service desk");
    assert.equal(overlap.data?.accountability, "it-service-desk");
    assert.deepEqual(overlap.fixes().map((f) => f.preferred ?? false), [true, false]);
  });

  test("a job description sentence is flagged on the sentence itself", () => {
    const text = `${CLEAN}job_description: >\n  The CTO shapes new products.\n  You will also manage the IT budget for the group.\n`;
    const [overlap] = byRule(text, "cio-overlap");
    assertCovers(text, overlap, "You will also manage the IT budget for the group.");
  });

  test("silent when shared, when there is no CIO, when also CIO, and for delegated COO of IT", () => {
    const item = "  - Run the service desk\n";
    assert.equal(byRule(`${withItems(item)}shared_with_cio: [it-service-desk]\n`, "cio-overlap").length, 0);
    assert.equal(byRule(replace(withItems(item), "has_cio: true", "has_cio: false"), "cio-overlap").length, 0);
    assert.equal(byRule(`${withItems(item)}also_cio: true\n`, "cio-overlap").length, 0);
    const delegated = replace(replace(withItems(item), "persona: digital-business-leader", "persona: coo-of-it"), "reports_to: ceo", "reports_to: cio");
    assert.equal(byRule(delegated, "cio-overlap").length, 0);
  });

  test("silent for a sentence whose subject is the CIO", () => {
    const text = `${CLEAN}job_description: |\n  The CIO runs the service desk and the IT budget.\n`;
    assert.equal(byRule(text, "cio-overlap").length, 0);
  });

  test("silent for a negated statement", () => {
    const text = withItems("  - text: Not responsible for the service desk\n    metrics: [none]\n");
    assert.equal(byRule(text, "cio-overlap").length, 0);
  });
});

describe("shared-ownership", () => {
  test("a shared-zone item not in shared_with_cio is an info on the item", () => {
    const text = withItems("  - text: Own the external customer experience\n    metrics: [NPS]\n");
    const [shared] = byRule(text, "shared-ownership");
    assertCovers(text, shared, "text: Own the external customer experience\n    metrics: [NPS]");
    assert.equal(shared.severity, "info");
    assert.equal(byRule(`${text}shared_with_cio:\n  - id: external-customer-experience\n`, "shared-ownership").length, 0);
  });

  test("a CIO-side core of the declared persona is shared ownership, not overlap", () => {
    const text = replace(withItems("  - text: Negotiate vendor contracts\n    metrics: [savings]\n"), "persona: digital-business-leader", "persona: business-enabler");
    assert.equal(byRule(text, "cio-overlap").length, 0);
    assert.equal(byRule(text, "shared-ownership")[0]?.data?.accountability, "vendor-contract-management");
  });
});

describe("dual-role", () => {
  test("fires on the also_cio value when true, silent when false or absent", () => {
    const text = `${CLEAN}also_cio: true\n`;
    const [dual] = byRule(text, "dual-role");
    assertCovers(text, dual, "true", 1);
    assert.equal(byRule(`${CLEAN}also_cio: false\n`, "dual-role").length, 0);
    assert.equal(byRule(CLEAN, "dual-role").length, 0);
  });
});

describe("reporting-line", () => {
  test("fires on the reports_to value with a fix to the typical line", () => {
    const text = replace(CLEAN, "reports_to: ceo", "reports_to: cfo");
    const [line] = byRule(text, "reporting-line");
    assertCovers(text, line, "cfo");
    assert.match(line.message, /usually reports to the CEO, not to the CFO\.$/);
    assert.equal(line.fixes()[0].title, "Report to the CEO");
    assert.equal(line.fixes()[0].edits[0].newText, "ceo");
  });

  test("names the board and another executive as a sentence would", () => {
    assert.match(byRule(replace(CLEAN, "reports_to: ceo", "reports_to: board"), "reporting-line")[0].message, /not to the board\.$/);
    assert.match(byRule(replace(CLEAN, "reports_to: ceo", "reports_to: other"), "reporting-line")[0].message, /not to another executive\.$/);
  });

  test("silent without reports_to, on the typical line, and on a line the format does not know (the schema reports it)", () => {
    assert.equal(byRule(replace(CLEAN, "reports_to: ceo\n", ""), "reporting-line").length, 0);
    assert.equal(byRule(CLEAN, "reporting-line").length, 0);
    const unknown = replace(CLEAN, "reports_to: ceo", "reports_to: ceoo");
    assert.equal(byRule(unknown, "reporting-line").length, 0);
    assert.match(byRule(unknown, "schema")[0].message, /`reports_to` must be one of/);
  });
});

describe("time-allocation and innovation-time", () => {
  test("a split that does not sum to 100 is an error on the key", () => {
    const text = `${CLEAN}time_allocation:\n  innovation: 30\n  it_operations: 60\n`;
    const [time] = byRule(text, "time-allocation");
    assertCovers(text, time, "time_allocation");
    assert.match(time.message, /90%/);
    assert.equal(byRule(`${CLEAN}time_allocation: { innovation: 40, it_operations: 60 }\n`, "time-allocation").length, 0);
  });

  test("a COO of IT with under 20% for innovation and business operations is warned", () => {
    const coo = replace(CLEAN, "persona: digital-business-leader", "persona: coo-of-it");
    const text = `${coo}time_allocation:\n  innovation: 10\n  business_operations: 5\n  it_operations: 85\n`;
    assertCovers(text, byRule(text, "innovation-time")[0], "time_allocation");
    assert.equal(byRule(replace(text, "innovation: 10", "innovation: 15").replace("it_operations: 85", "it_operations: 80"), "innovation-time").length, 0);
    assert.equal(byRule(`${CLEAN}time_allocation: { innovation: 0, it_operations: 100 }\n`, "innovation-time").length, 0);
  });

  test("silent without time_allocation", () => {
    const coo = replace(CLEAN, "persona: digital-business-leader", "persona: coo-of-it");
    assert.equal(byRule(coo, "innovation-time").length + byRule(coo, "time-allocation").length, 0);
  });
});

describe("metrics-missing", () => {
  test("fires on an item without metrics or with an empty list", () => {
    const text = withItems("  - Run technology experiments\n  - text: Lead the technical architecture\n    metrics: []\n");
    const missing = byRule(text, "metrics-missing");
    assert.equal(missing.length, 2);
    assertCovers(text, missing[0], "Run technology experiments");
    assertCovers(text, missing[1], "text: Lead the technical architecture\n    metrics: []");
    assert.match(missing[0].message, /has no metrics/);
    assert.match(missing[1].message, /metrics list is empty/);
  });

  test("metrics that are not a list count as none, not as an empty list (the schema rule names the type)", () => {
    const text = withItems("  - text: Lead the technical architecture\n    metrics: reliability\n");
    const [missing] = byRule(text, "metrics-missing");
    assert.match(missing.message, /has no metrics/);
    assert.match(byRule(text, "schema")[0].message, /should be a list, not the text `reliability`/);
  });
});

describe("duplicate-accountability", () => {
  test("the later item is flagged, pointing at the first", () => {
    const text = withItems("  - text: Run our R&D initiatives\n    metrics: [patents]\n");
    const [duplicate] = byRule(text, "duplicate-accountability");
    assertCovers(text, duplicate, "text: Run our R&D initiatives\n    metrics: [patents]");
    assert.equal(duplicate.related?.length, 1);
    assertCovers(text, { ...duplicate, range: duplicate.related![0].range }, "id: innovation-and-rd\n    metrics: [prototypes taken to pilot]");
  });
});

describe("persona-fit", () => {
  const cooItems = `charter: cto/v1
persona: digital-business-leader
accountabilities:
  - IT operations and infrastructure management
  - Ensure availability and respond to major incidents
  - Build the joint technology roadmap with the CIO
  - Lead legacy modernization of the IT estate
`;

  test("names a clearly better persona, on the persona value", () => {
    const [fit] = byRule(cooItems, "persona-fit");
    assertCovers(cooItems, fit, "digital-business-leader");
    assert.equal(fit.data?.persona, "coo-of-it");
    assert.match(fit.message, /COO of IT/);
  });

  test("or a persona far more probable, counting the accountabilities that favour it", () => {
    const text = "charter: cto/v1\npersona: business-enabler\naccountabilities:\n  - id: it-operations\n  - id: it-budget\nshared_with_cio:\n  - enterprise-applications\n";
    const [fit] = byRule(text, "persona-fit");
    assert.equal(fit.data?.persona, "coo-of-it");
    assert.match(fit.message, /COO of IT persona better: 3 of them point to it, making it 99% likely against 1%/);
  });

  test("silent when the declared persona fits best", () => {
    assert.equal(byRule(replace(cooItems, "digital-business-leader", "coo-of-it"), "persona-fit").length, 0);
    assert.equal(byRule(CLEAN, "persona-fit").length, 0);
  });
});

describe("recommendation-missing", () => {
  test("a hint on the persona value when practices are missing, with one fix per recommendation", () => {
    const text = CLEAN.slice(0, CLEAN.indexOf("practices:"));
    const [hint] = byRule(text, "recommendation-missing");
    assertCovers(text, hint, "digital-business-leader");
    assert.equal(hint.severity, "hint");
    assert.ok(hint.fixes().length >= 3);
    assert.deepEqual(hint.fixes().map((f) => f.safe), hint.fixes().map((_, i) => i === 0));
  });

  test("fires when no practice reflects a recommendation", () => {
    const text = `${CLEAN.slice(0, CLEAN.indexOf("practices:"))}practices:\n  - Hold a weekly staff meeting\n`;
    assert.equal(byRule(text, "recommendation-missing").length, 1);
  });
});

test("an item's range stops at its last value, before a trailing comment", () => {
  const text = withItems("  - text: Run technology experiments\n    metrics: []   # to do\n");
  const [missing] = byRule(text, "metrics-missing");
  assertCovers(text, missing, "text: Run technology experiments\n    metrics: []");
});

test("a practice that uses one of a recommendation's catalog phrases reflects it", () => {
  const text = `${CLEAN.slice(0, CLEAN.indexOf("practices:"))}practices:\n  - Track emerging technologies and review them with the CEO twice a year\n`;
  assert.equal(byRule(text, "recommendation-missing").length, 0);
});
