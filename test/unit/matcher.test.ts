/**
 * The free-text matcher against the labelled corpus (test/fixtures/corpus.yaml) and on the hard
 * cases by name. Thresholds are the figures reached (see `npm run eval`) minus a small margin, so a
 * change that makes the judgement worse fails here; raise them when it gets better.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { builtinCatalog } from "../../server/src/core/builtin-catalog";
import { analyze } from "../../server/src/core/analyze";
import { Matcher } from "../../server/src/core/matcher";
import { analyzeScope } from "../../server/src/core/scope";
import { personaFit } from "../../server/src/core/rules/persona-fit";
import { loadChecks, loadGeneralisationChecks, type FreshSentence } from "../fixtures/checks";
import { loadCorpus, splitOf } from "../fixtures/corpus";
import { charterOf, personaFitTrials, predict, score } from "../fixtures/evaluate";

const catalog = builtinCatalog();
const corpus = loadCorpus();
const half = (split: "dev" | "heldout") => corpus.filter((s) => s.split === split);
const scoresOf = (split: "dev" | "heldout") => score(half(split).map((s) => predict(s, catalog)));
const match = (text: string) => catalog.matcher.match(text);

describe("labelled corpus", () => {
  test("has at least 250 sentences, split once by the hash of the text", () => {
    assert.ok(corpus.length >= 250, `${corpus.length} sentences`);
    for (const s of corpus) assert.equal(s.split, splitOf(s.text), s.text);
    assert.ok(half("dev").length > 100 && half("heldout").length > 100);
  });

  test("every label names a catalog accountability of the labelled domain", () => {
    for (const s of corpus) {
      if (s.domain === "none") {
        assert.equal(s.id, null, s.text);
        continue;
      }
      const accountability = catalog.accountabilities.get(s.id ?? "");
      assert.ok(accountability, `${s.text}: unknown id ${s.id}`);
      assert.equal(accountability.domain, s.domain, s.text);
    }
  });

  test("development half: domain, accountability and persona", () => {
    const scores = scoresOf("dev");
    assert.ok(scores.balancedAccuracy >= 0.97, `balanced accuracy ${scores.balancedAccuracy}`);
    assert.ok(scores.precision.cio >= 0.97, `cio precision ${scores.precision.cio}`);
    assert.ok(scores.precision.shared >= 0.9, `shared precision ${scores.precision.shared}`);
    assert.ok(scores.accountabilityAccuracy >= 0.96, `accountability accuracy ${scores.accountabilityAccuracy}`);
    assert.ok(scores.personaAccuracy >= 0.78, `persona accuracy ${scores.personaAccuracy}`);
    // The confidence is fitted to out-of-sample evidence (round 4 refit), where matches are right less
    // often than on this tuned-on half (98.6%): here it is a little under-confident by design.
    assert.ok(scores.calibrationError <= 0.085, `calibration error ${scores.calibrationError}`);
  });

  test("held-out half (never tuned on): domain, accountability and persona", () => {
    // Round 3 reached 0.865 / 0.930 / 0.851 / 0.893 / 0.731 / 0.568, calibration error 0.098.
    const scores = scoresOf("heldout");
    assert.ok(scores.balancedAccuracy >= 0.85, `balanced accuracy ${scores.balancedAccuracy}`);
    assert.ok(scores.precision.cio >= 0.92, `cio precision ${scores.precision.cio}`);
    assert.ok(scores.recall.cio >= 0.83, `cio recall ${scores.recall.cio}`);
    assert.ok(scores.precision.shared >= 0.88, `shared precision ${scores.precision.shared}`);
    assert.ok(scores.accountabilityAccuracy >= 0.72, `accountability accuracy ${scores.accountabilityAccuracy}`);
    assert.ok(scores.personaAccuracy >= 0.55, `persona accuracy ${scores.personaAccuracy}`);
    assert.ok(scores.calibrationError <= 0.11, `calibration error ${scores.calibrationError}`);
    assert.ok(scores.confusion.none.cio + scores.confusion.none.cto + scores.confusion.none.shared <= 1, "filler matched something");
  });

  test("persona-fit names the persona a charter's sentences came from", () => {
    for (const [split, named, wrong] of [["dev", 0.83, 0], ["heldout", 0.68, 5]] as const) {
      const trials = personaFitTrials(half(split), catalog);
      const right = trials.filter((t) => t.named === t.truth).length / trials.length;
      assert.ok(right >= named, `${split}: right ${right}`);
      assert.ok(trials.filter((t) => t.named && t.named !== t.truth).length <= wrong, `${split}: wrong persona named`);
    }
  });
});

describe("vocabulary checks (vocabulary-checks.yaml, written from postings, outside the corpus)", () => {
  const checks = loadChecks();
  const scoresOf = (round?: "a" | "b") => score(checks.filter((c) => !round || c.round === round).map((c) => predict(c, catalog)));

  test("at least 60 sentences in every domain, none of them a corpus sentence", () => {
    assert.ok(checks.length >= 60, `${checks.length} sentences`);
    for (const domain of ["cto", "cio", "shared", "none"]) assert.ok(checks.some((c) => c.domain === domain), domain);
    const corpusTexts = new Set(corpus.map((s) => s.text.toLowerCase()));
    for (const c of checks) {
      assert.ok(!corpusTexts.has(c.text.toLowerCase()), c.text);
      if (c.domain === "none") assert.equal(c.id, null, c.text);
      else assert.equal(catalog.accountabilities.get(c.id ?? "")?.domain, c.domain, `${c.text}: ${c.id}`);
    }
  });

  test("ordinary domain vocabulary: domain, accountability, and no false CIO overlap", () => {
    const all = scoresOf();
    assert.ok(all.balancedAccuracy >= 0.97, `balanced accuracy ${all.balancedAccuracy}`);
    assert.ok(all.precision.cio >= 0.98, `cio precision ${all.precision.cio}`);
    assert.ok(all.precision.shared >= 0.9, `shared precision ${all.precision.shared}`);
    assert.ok(all.accountabilityAccuracy >= 0.88, `accountability accuracy ${all.accountabilityAccuracy}`);
    assert.equal(all.confusion.none.cio + all.confusion.none.cto + all.confusion.none.shared, 0, "filler matched something");
    // Round b was written after the vocabulary was extended: it checks that the extension generalises.
    const fresh = scoresOf("b");
    assert.ok(fresh.balancedAccuracy >= 0.95, `round b balanced accuracy ${fresh.balancedAccuracy}`);
    assert.ok(fresh.precision.cio >= 0.95, `round b cio precision ${fresh.precision.cio}`);
  });
});

/** What a check set must keep: at least so many sentences (per domain too), and these figures. */
interface SetLimits {
  sentences: number;
  perDomain: Record<"cto" | "cio" | "shared" | "none", number>;
  balancedAccuracy: number;
  cioPrecision: number;
  sharedPrecision: number;
  accountabilityAccuracy: number;
  calibrationError: number;
}

/** A check set's two tests: its labels are sound and new to the other sets; its figures hold. */
function checkSetTests(set: FreshSentence[], others: () => { text: string }[], limits: SetLimits): void {
  test(`at least ${limits.sentences} sentences, each domain present, none of them a sentence of another set`, () => {
    assert.ok(set.length >= limits.sentences, `${set.length} sentences`);
    for (const [domain, least] of Object.entries(limits.perDomain)) assert.ok(set.filter((c) => c.domain === domain).length >= least, domain);
    const seen = new Set(others().map((s) => s.text.toLowerCase()));
    for (const c of set) {
      assert.ok(!seen.has(c.text.toLowerCase()), c.text);
      if (c.domain === "none") assert.equal(c.id, null, c.text);
      else assert.equal(catalog.accountabilities.get(c.id ?? "")?.domain, c.domain, `${c.text}: ${c.id}`);
    }
  });

  test("domain, accountability, calibration, and no false CIO overlap", () => {
    const scores = score(set.map((c) => predict(c, catalog)));
    assert.ok(scores.balancedAccuracy >= limits.balancedAccuracy, `balanced accuracy ${scores.balancedAccuracy}`);
    assert.ok(scores.precision.cio >= limits.cioPrecision, `cio precision ${scores.precision.cio}`);
    assert.ok(scores.precision.shared >= limits.sharedPrecision, `shared precision ${scores.precision.shared}`);
    assert.ok(scores.accountabilityAccuracy >= limits.accountabilityAccuracy, `accountability accuracy ${scores.accountabilityAccuracy}`);
    assert.ok(scores.calibrationError <= limits.calibrationError, `calibration error ${scores.calibrationError}`);
    assert.equal(scores.confusion.none.cio + scores.confusion.none.cto + scores.confusion.none.shared, 0, "filler matched something");
  });
}

describe("generalisation checks (generalisation-checks.yaml, posting styles the catalog was not written from)", () => {
  // Out of sample before round 3 (balanced accuracy 0.922, cio precision 0.946, accountability
  // 0.777, calibration error 0.139); round 3 was then tuned on them, so these guard what it reached.
  checkSetTests(loadGeneralisationChecks(), () => [...corpus, ...loadChecks()], {
    sentences: 150,
    perDomain: { cto: 15, cio: 15, shared: 15, none: 15 },
    balancedAccuracy: 0.95,
    cioPrecision: 0.97,
    sharedPrecision: 0.9,
    accountabilityAccuracy: 0.88,
    calibrationError: 0.06,
  });
});

describe("generalisation checks, round 4 (generalisation-checks-4.yaml: jargon, paraphrases, misleading titles, filler)", () => {
  // Out of sample before round 4 (balanced accuracy 0.822, cio precision 0.977, shared recall 0.692,
  // accountability 0.653, calibration error 0.184, 2 filler sentences matched); round 4 was then tuned
  // on them, so these guard what it reached.
  checkSetTests(loadGeneralisationChecks(4), () => [...corpus, ...loadChecks(), ...loadGeneralisationChecks(3)], {
    sentences: 150,
    perDomain: { cto: 20, cio: 20, shared: 20, none: 25 },
    balancedAccuracy: 0.94,
    cioPrecision: 0.97,
    sharedPrecision: 0.85,
    accountabilityAccuracy: 0.74,
    calibrationError: 0.1,
  });

  test("other names of IT, families of words, and synonyms meet the catalog's words", () => {
    assert.equal(match("Shape the ICT strategy of the health board.").match?.accountabilityId, "it-strategy");
    assert.equal(match("Own the Information Technology budget.").match?.accountabilityId, "it-budget");
    // "strategic" and "strategy", "supplier" and "vendor", "clients" and "customers" are one word here.
    assert.equal(match("Manage supplier contracts for IT.").match?.accountabilityId, "vendor-contract-management");
    assert.equal(match("Meet clients to understand their needs.").match?.domain, "cto");
  });

  test("the end a sentence names wins over the means it uses", () => {
    const found = match("Use customer feedback and analytics to improve the experience at every digital touchpoint.").match;
    assert.equal(found?.accountabilityId, "external-customer-experience");
  });

  test("a text naming both sides points to the shared zone", () => {
    const found = match("Own the security roadmap for both the products we sell and the systems our people use.").match;
    assert.equal(found?.accountabilityId, "cybersecurity-strategy");
  });

  test("user devices and accounts are staff's; people who use an app are not", () => {
    assert.equal(match("Manage the day-to-day running of the network, servers and user devices.").match?.domain, "cio");
    assert.notEqual(match("Safeguard the personal information of the people who use our app.").match?.domain, "shared");
  });

  test("an investment or review board is not the company's board", () => {
    const found = match("Chair the investment board that decides which technology programmes are funded.").match;
    assert.equal(found?.accountabilityId, "technology-investment-decisions");
  });

  test("shared zones done only for customers or products go to the CTO entry", () => {
    assert.equal(match("Move the product onto containers and serverless functions for our customers.").match?.domain, "cto");
    assert.equal(match("Build bespoke software for our clients.").match?.domain, "cto");
    assert.equal(match("Build bespoke software for our finance staff.").match?.accountabilityId, "enterprise-software-development");
  });

  test("more requirements of the candidate match nothing", () => {
    for (const text of ["Must be able to work flexible hours around product launches.", "Previous experience as a VP of Engineering.", "Relevant experience in IT operations."]) {
      assert.equal(match(text).match, undefined, text);
    }
  });
});

describe("generalisation checks, round 5 (generalisation-checks-5.yaml: recall — nominalisations, indirect objects, industry jargon, short bullets)", () => {
  // Out of sample before round 5 (balanced accuracy 0.786, cio precision 0.891, cio recall 0.788,
  // accountability 0.559, calibration error 0.266, 10 filler sentences matched); round 5 was then
  // tuned on them, so these guard what it reached.
  checkSetTests(loadGeneralisationChecks(5), () => [...corpus, ...loadChecks(), ...loadGeneralisationChecks(3), ...loadGeneralisationChecks(4)], {
    sentences: 150,
    perDomain: { cto: 20, cio: 20, shared: 20, none: 25 },
    balancedAccuracy: 0.95,
    cioPrecision: 0.97,
    sharedPrecision: 0.85,
    accountabilityAccuracy: 0.68,
    calibrationError: 0.16,
  });

  test("executives' titles are people, not the work their titles name", () => {
    assert.equal(match("You will work closely with the Chief Product Officer and the Chief Data Officer.").match, undefined);
    assert.equal(match("Product management reports to the Chief Product Officer.").otherSubject, "Product management");
  });

  test("word families Porter joins but postings keep apart: custom and customer, developers and develop", () => {
    assert.equal(match("Write custom apps for our finance and HR teams.").match?.accountabilityId, "enterprise-software-development");
    assert.equal(match("Develop the skills of the IT team.").match?.accountabilityId, "it-department-leadership");
  });

  test("a business function's team is the organisation's own staff", () => {
    const found = match("Write the integrations and bespoke apps our finance and HR teams need.").match;
    assert.ok(found?.qualifiers.includes("finance") && found.qualifiers.includes("HR"), found?.qualifiers.join("|"));
  });

  test("more filler: providers' duties, traits, descriptions, application instructions", () => {
    for (const text of [
      "The help desk is run by an outsourced partner.",
      "A proven leader of IT organisations.",
      "Growth mindset and a pragmatic approach to architecture.",
      "Our retail arm runs 80 stores.",
      "Our product team is 20 people in Madrid.",
      "The interview process includes a case study.",
      "Please send a CV and a short cover letter.",
    ]) {
      assert.equal(match(text).match, undefined, text);
    }
  });
});

describe("generalisation checks, round 6 (generalisation-checks-6.yaml: general verbs, O*NET wording, duties naming both sides)", () => {
  // Out of sample before round 6 (balanced accuracy 0.836, cio precision 0.846, shared recall 0.750,
  // accountability 0.716, calibration error 0.144, 5 filler sentences matched); round 6 was then tuned
  // on them, so these guard what it reached.
  checkSetTests(
    loadGeneralisationChecks(6),
    () => [...corpus, ...loadChecks(), ...loadGeneralisationChecks(3), ...loadGeneralisationChecks(4), ...loadGeneralisationChecks(5)],
    {
      sentences: 150,
      perDomain: { cto: 20, cio: 20, shared: 20, none: 25 },
      balancedAccuracy: 0.95,
      cioPrecision: 0.95,
      sharedPrecision: 0.9,
      accountabilityAccuracy: 0.85,
      calibrationError: 0.08,
    },
  );

  test("general verbs say the role decides, not what: the object names the accountability", () => {
    // "Direct" is not "direction", and "identify" or "approve" carry no entry's weight.
    assert.equal(match("Direct the engineering teams that build our technology products.").match?.accountabilityId, "product-engineering");
    assert.equal(match("Identify new business models that technology makes possible.").match?.accountabilityId, "business-model-innovation");
    assert.equal(match("Direct research and development programmes for new product lines.").match?.accountabilityId, "innovation-and-rd");
  });

  test("O*NET's older words: computers are IT, expenditure is spending, capital expenditure is capex", () => {
    assert.equal(match("Direct the installation of the organisation's computer hardware and networks.").match?.domain, "cio");
    assert.equal(match("Review capital expenditure on technology across the organisation.").match?.accountabilityId, "technology-investment-decisions");
    assert.notEqual(match("Apply computer vision to the inspection cameras we sell.").match?.domain, "cio");
  });

  test("'the successful candidate will' followed by a duty is a duty; followed by 'have' a requirement", () => {
    assert.equal(match("The successful candidate will lead and develop the IT team of 40 staff.").match?.domain, "cio");
    assert.equal(match("The successful candidate will have led a technology function.").match, undefined);
  });

  test("our own operations are the organisation's side; 'their own' may be the customers'", () => {
    assert.equal(match("Govern how AI is used in our products and in our own operations.").match?.domain, "shared");
    assert.equal(match("Launch a self-service portal where customers manage their own accounts.").match?.domain, "cto");
  });

  test("corporate strategy is the company's, not its staff's; a back office is one cue", () => {
    const found = match("Evaluate cloud services for our products and back-office systems.").match;
    assert.deepEqual(found?.qualifiers, ["products", "back"]);
    assert.ok(!match("Align the technology roadmap with corporate strategy.").match?.qualifiers.includes("corporate"));
  });

  test("still more filler: committees' and other chiefs' duties, the post's terms, annual-report figures", () => {
    for (const text of [
      "The Audit Committee reviews the Group's IT controls.",
      "Product management reports into the Chief Commercial Officer.",
      "Network support is managed by the shared services partner.",
      "This is a permanent, full-time post based at our headquarters.",
      "IT spending rose by 8 per cent in the year.",
    ]) {
      assert.equal(match(text).match, undefined, text);
    }
  });
});

describe("ownership: customers and products vs the organisation's own staff (DESIGN §3)", () => {
  test("internal-IT work done for customers is not a CIO match", () => {
    const cases: [string, string][] = [
      ["Run the help desk that answers our customers' questions about billing.", "client-technical-engagement"],
      ["Monitor the systems our subscribers use and respond to incidents within minutes.", "product-reliability"],
      ["Protect our clients' accounts with multi-factor authentication.", "product-security-privacy"],
      ["Keep the servers that run our products available.", "product-reliability"],
      ["Test disaster recovery for the platform our policyholders use.", "product-reliability"],
    ];
    for (const [text, id] of cases) {
      const found = match(text).match;
      assert.equal(found?.accountabilityId, id, text);
      assert.equal(found?.domain, "cto", text);
    }
    // Moved from the entry its words name, so less certain than a direct phrase match.
    assert.ok((match("Run the help desk that answers our customers' questions about billing.").match?.confidence ?? 1) <= 0.8);
    // No CTO-side entry fits a purchase for customers: nothing, with the reason, rather than a CIO overlap.
    const contracts = match("Negotiate the contracts our customers sign with us.");
    assert.equal(contracts.match, undefined);
    assert.match(contracts.reason ?? "", /customers/);
  });

  test("the same work for staff stays (or becomes) CIO-side", () => {
    assert.equal(match("Keep the customer-facing platform available for our staff and partners.").match?.domain, "cto");
    assert.equal(match("Keep the platform our employees use available.").match?.accountabilityId, "it-service-availability");
    assert.equal(match("Run the help desk for employees at every office.").match?.accountabilityId, "it-service-desk");
    assert.equal(match("Protect employee accounts with multi-factor authentication.").match?.accountabilityId, "internal-information-security");
  });

  test("customer words do not move what is internal by nature", () => {
    // A CRM and customer master data are about customers and still internal systems and data.
    assert.equal(match("Run the CRM the sales team uses to manage customers.").match?.domain, "cio");
    assert.equal(match("Improve the quality of customer master data.").match?.accountabilityId, "enterprise-data-governance");
    // Products bought from a vendor are not the organisation's products.
    assert.equal(match("Negotiate with IT vendors for network products and services.").match?.accountabilityId, "vendor-contract-management");
  });
});

describe("tokens and scope", () => {
  test("hyphenated and slashed terms stay one word, quoted as written", () => {
    const oncall = match("Run the on-call rotation for customer-facing services.").match;
    assert.equal(oncall?.accountabilityId, "product-reliability");
    assert.ok(oncall?.evidence.includes("on-call"), oncall?.evidence.join("|"));
    assert.deepEqual(match("Run A/B tests on the checkout.").match?.evidence, ["A/B", "tests"]);
    assert.ok(match("Keep the company certified against ISO 27001.").match?.evidence.includes("ISO 27001"));
    // "on call centre" is not on-call.
    assert.notEqual(match("Focus on call centre technology for our customers.").match?.accountabilityId, "product-reliability");
  });

  test("scope reads any case, quotes the text as written, and keeps its offsets", () => {
    assert.equal(analyzeScope("THE CIO OWNS THE IT BUDGET.").otherSubject, "THE CIO");
    assert.equal(analyzeScope("Reports directly to the CEO.").qualification, "reports to");
    const negated = "İstanbul office: NOT responsible for the service desk.";
    const [excluded] = analyzeScope(negated).excluded;
    assert.deepEqual([excluded.cue, excluded.start], ["NOT", negated.indexOf("NOT")]);
    // The Kelvin sign is no "k" (nor was it when the patterns ignored case).
    assert.equal(analyzeScope("A track record of running IT.").qualification, "track record");
    assert.equal(analyzeScope("A trac\u212a record of running IT.").qualification, undefined);
  });

  test("Porter stems that mean different things here stay apart", () => {
    assert.equal(match("Act with integrity and lead by example.").match, undefined);
    assert.notEqual(match("Improve how customers experience our digital channels.").match?.accountabilityId, "digital-transformation");
    assert.equal(match("Lead the digitisation of paper forms.").match?.accountabilityId, "digital-transformation");
  });

  test("descriptions of the organisation and more candidate requirements match nothing", () => {
    for (const text of [
      "We are a 300-person insurer with offices in five countries.",
      "Our customers include half of the Fortune 100.",
      "Five or more years in a senior engineering leadership role.",
      "A background in distributed systems is highly desirable.",
      "Nice to have: experience with Kubernetes.",
      "The ideal candidate has led large engineering teams.",
    ]) {
      const result = match(text);
      assert.equal(result.match, undefined, text);
      assert.ok(result.reason, text);
    }
    // A duty that happens to start with "We": not a description.
    assert.equal(match("We expect you to own the technology roadmap.").match?.accountabilityId, "technology-strategy");
  });
});

describe("phrase and similarity mechanics, on a three-entry catalog", () => {
  const source = { file: "001_aa.txt", section: "test" };
  const matcher = new Matcher([
    { id: "vendors", title: "Vendor management", description: "Supplier relationships.", domain: "cio", match: ["manage vendors"], source },
    { id: "roadmap", title: "Technology roadmap", description: "Where the platform goes next.", domain: "cto", match: ["technology roadmap"], source },
    { id: "hiring", title: "Engineering hiring", description: "Recruiting engineers for the platform teams.", domain: "cto", match: ["hire engineers"], source },
  ]);

  test("a phrase's words count only close together: at most twice its length plus four content words apart", () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(" ");
    assert.equal(matcher.match(`Set the technology ${filler(7)} roadmap`).match?.via, "phrase");
    assert.notEqual(matcher.match(`Set the technology ${filler(8)} roadmap`).match?.via, "phrase");
  });

  test("the first occurrence of each word is the one a phrase takes, in text order for its evidence", () => {
    const { match } = matcher.match("Vendors: manage vendors");
    assert.deepEqual([match?.accountabilityId, match?.evidence], ["vendors", ["Vendors", "manage"]]);
  });

  test("a match lists its phrases in the order their first words come in the text, then in the catalog's", () => {
    // Phrases are looked up by their rarest word ("zeta", not "alpha", which two entries use): the
    // order a match lists them in must not depend on that.
    const ordered = new Matcher([
      { id: "one", title: "One", description: "The first.", domain: "cto", match: ["alpha zeta", "beta"], source },
      { id: "two", title: "Two", description: "The second.", domain: "cto", match: ["alpha"], source },
    ]);
    assert.deepEqual(ordered.match("alpha beta zeta").match?.phrases, ["alpha zeta", "beta"]);
  });

  test("similarity needs two shared words with the entry, not one heavy one", () => {
    // No phrase matches either text. "Recruiting" shares its stem with the phrase's "hire"; the
    // description adds "platform".
    assert.equal(matcher.match("Recruiting for the platform").match?.accountabilityId, "hiring");
    assert.equal(matcher.match("Recruiting, mostly").match, undefined);
  });
});

describe("hard cases", () => {
  test("negation, and its scope", () => {
    assert.equal(match("Not responsible for the service desk").match, undefined);
    assert.match(match("Not responsible for the service desk").reason ?? "", /not/i);
    assert.equal(match("Internal IT, including the help desk, is out of scope for this role.").match, undefined);
    assert.equal(match("Internal IT falls outside this role and reports to the CFO.").match, undefined);
    assert.equal(match("The service desk sits outside the scope of this role.").match, undefined);
    assert.equal(match("Lead product engineering, but not the internal IT support team.").match?.accountabilityId, "product-engineering");
    assert.equal(match("Own the security of our apps, excluding corporate IT security.").match?.accountabilityId, "product-security-privacy");
  });

  test("a sentence about someone else states nothing of this role", () => {
    for (const text of ["The CIO runs internal IT and the service desk.", "Internal IT is run by the CIO.", "The CFO owns the IT budget.", "Responsibility for the IT budget sits with the CIO."]) {
      const result = match(text);
      assert.equal(result.match, undefined, text);
    }
    assert.equal(match("The CIO runs internal IT.").otherSubject, "The CIO");
    assert.equal(match("Work with the CIO, who owns the IT budget.").match, undefined);
    // A team this role leads is not someone else.
    assert.equal(match("Lead the IT team that supports our offices.").match?.domain, "cio");
    // Sharing the subject with the CTO is a joint claim.
    assert.equal(match("The CIO and the CTO co-own the joint technology roadmap.").match?.accountabilityId, "joint-technology-roadmap");
  });

  test("filler, qualifications and reporting lines match nothing", () => {
    for (const text of ["Be a team player.", "Hold a degree in computer science or engineering.", "Experience managing IT infrastructure is required.", "Report directly to the CEO.", "Other duties as assigned."]) {
      assert.equal(match(text).match, undefined, text);
    }
    // Not a bare reporting line: it goes on to say what the role does for the board.
    assert.equal(match("Report to the board and brief it on technology progress.").match?.accountabilityId, "executive-technology-communication");
  });

  test("shared words go where the qualifier says", () => {
    assert.equal(match("Manage the IT budget").match?.accountabilityId, "it-budget");
    assert.equal(match("Manage the innovation budget").match?.accountabilityId, "innovation-investment-authority");
    assert.equal(match("Build apps for our customers.").match?.domain, "cto");
    assert.equal(match("Build apps for our employees.").match?.accountabilityId, "enterprise-software-development");
    const internal = match("Monitor the systems our staff rely on and respond when they fail.").match;
    assert.equal(internal?.accountabilityId, "it-service-availability");
    assert.deepEqual(internal?.qualifiers, ["staff"]);
  });

  test("a match carries its evidence, phrases and a confidence", () => {
    const result = match("Run the service desk for all depots").match;
    assert.equal(result?.accountabilityId, "it-service-desk");
    assert.equal(result?.via, "phrase");
    assert.deepEqual(result?.evidence, ["service", "desk"]);
    assert.deepEqual(result?.qualifiers, ["depots"]);
    assert.ok(result && result.confidence > 0.8 && result.confidence < 1);
  });
});

describe("personaFit", () => {
  test("a distribution over the four personas, with the sentences behind it", () => {
    const text = charterOf(["Run day-to-day IT operations", "Respond to incidents on the warehouse systems", "Lead the R&D unit"], "coo-of-it");
    const fits = personaFit(analyze(text, { catalog }).model!, catalog);
    assert.equal(fits.length, 4);
    assert.ok(Math.abs(fits.reduce((sum, f) => sum + f.probability, 0) - 1) < 1e-9);
    const coo = fits.find((f) => f.persona === "coo-of-it")!;
    assert.ok(coo.probability > 0.5);
    const operations = coo.evidence.find((e) => e.accountabilityId === "it-operations");
    assert.equal(operations?.core, true);
    assert.equal(operations?.sources[0].text, "Run day-to-day IT operations");
    assert.equal(fits.find((f) => f.persona === "digital-business-leader")!.evidence[0].accountabilityId, "innovation-and-rd");
  });
});
