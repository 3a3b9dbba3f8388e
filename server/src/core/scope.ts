/**
 * Which part of a sentence states an accountability of this role. A responsibility sentence can be
 * about someone else ("The CIO runs internal IT", "IT support is provided by the CIO's team"), can
 * deny an accountability ("not responsible for the service desk", "…is out of scope"), or can be a
 * requirement of the candidate rather than a duty ("10 years of experience in IT operations").
 * The matcher only reads what is left.
 */
import { allMatches } from "./regex";
import type { OffsetRange } from "./types";

export interface Excluded extends OffsetRange {
  kind: "negation" | "other";
  /** The words that caused the exclusion, as written. */
  cue: string;
}

export interface Scope {
  /** The other party the whole sentence is about, as written ("The CIO"). */
  otherSubject?: string;
  /** The words that make the sentence a qualification of the candidate. */
  qualification?: string;
  /** The words that make the sentence a description of the organisation ("We are a fintech …"). */
  description?: string;
  /** Spans of the text that state nothing this role owns. */
  excluded: Excluded[];
}

const DETERMINER = String.raw`(?:(?:the|our|a|an|its|their|this|that)\s+)?(?:(?:separate|dedicated|group|global|company's|group's|existing|external)\s+)*`;
/** Executives, other departments and providers: what they own is never this role's. */
const PEER = String.raw`(?:cio|chief\s+information\s+officer|ceo|chief\s+executive(?:\s+officer)?|cfo|chief\s+financial\s+officer|coo|chief\s+operating\s+officer|cpo|chief\s+product\s+officer|ciso|chief\s+information\s+security\s+officer|(?<!(?:investment|review|advisory|design|project|programme|program|steering|architecture|change|approval|governance|portfolio|innovation|control)\s+)board|head\s+of\s+it|it\s+director|director\s+of\s+it|vp\s+of\s+it|finance(?:\s+team)?|hr|human\s+resources|procurement(?:\s+team)?|purchasing(?:\s+team)?|chief\s+(?!technology\s)(?:[a-z]+\s+){1,2}officer|(?:audit|risk|remuneration|nomination|nominations)(?:\s+and\s+risk)?\s+committee|(?:outsourcing|outsourced|managed[-\s]services?|shared[-\s]services?|external|third[-\s]party|hosting|support)\s+(?:partner|provider|supplier|vendor|contractor)s?)(?:'s\s+(?:team|staff|organi[sz]ation|department|office|people))?`;
/** Teams this role may itself lead ("Lead the IT team that supports our offices"), so only a subject. */
const TEAM = String.raw`(?:it\s+(?:department|team|organi[sz]ation|function|group|staff)|(?:cyber\s*)?security\s+team)`;
const PARTY = String.raw`${DETERMINER}(?:${PEER}|${TEAM})`;

/**
 * Verbs a sentence about another party continues with. An explicit list, not "any word ending in s":
 * "Finance systems and payroll" is an item this role owns, "Finance owns payroll" is not.
 */
const PARTY_VERB = String.raw`(?:is|are|was|were|has|have|had|will|shall|must|should|can|may|would|does|do|also|alone|still|already|remains?|stays?|keeps?|retains?|continues?|owns?|runs?|manages?|handles?|leads?|oversees?|looks|negotiates?|monitors?|sets?|defines?|controls?|approves?|holds?|maintains?|operates?|provides?|supports?|covers?|takes?|sits?|reports?|decides?|chairs?|administers?|delivers?|drives?|governs?|directs?|buys?|secures?|protects?|sponsors?|funds?|signs?|deals?|sets?|reviews?|assesses|assess|receives?|agrees?|considers?|evaluates?|recommends?|appoints?|is\s+responsible|are\s+responsible|is\s+accountable|are\s+accountable)`;

const SELF = String.raw`(?:the\s+)?(?:cto|chief\s+technology\s+officer|you|this\s+role)`;

/** "The CIO owns …" at the start of a sentence, unless this role shares the subject ("The CIO and the CTO …"). */
const OTHER_SUBJECT = new RegExp(String.raw`^\W*(?:as\s+before,?\s+)?(${PARTY})\s+(?!(?:and|together\s+with|with|jointly\s+with)\s+${SELF}\b)${PARTY_VERB}\b`, "d");

/** A relative clause about another party: "…the CIO, who owns the IT budget". */
const RELATIVE = new RegExp(String.raw`\b${DETERMINER}${PEER}\s*,?\s+(?:who|which|that)\b`, "g");

/**
 * Constructions that hand what came before them to someone else or out of the role. `hint` is a
 * cheap test that must pass before the costly pattern (an alternation over every party) is tried.
 */
const POST_SCOPE: { hint: RegExp; pattern: RegExp; kind: Excluded["kind"] }[] = [
  {
    hint: /\sby\s/,
    pattern: new RegExp(String.raw`\b(?:is|are|remains?|stays?|will\s+be|will\s+remain|continues?\s+to\s+be)\s+(?:\w+ly\s+)?(?:owned|run|managed|handled|provided|led|overseen|looked\s+after|supported|covered|delivered|administered|done|operated|kept|negotiated)\s+by\s+${PARTY}`, "g"),
    kind: "other",
  },
  { hint: /\swith\s/, pattern: new RegExp(String.raw`\b(?:sits?|stays?|remains?|rests?|lies|lie|belongs?)\s+with\s+${PARTY}`, "g"), kind: "other" },
  {
    hint: /['\u2019]s\s/,
    pattern: new RegExp(String.raw`\b(?:is|are|remains?|stays?|will\s+(?:be|remain|stay))\s+(?:(?:the|a)\s+)?${PARTY}['\u2019]s\s+(?:job|responsibility|remit|domain|call|area|territory|business)`, "g"),
    kind: "other",
  },
  {
    hint: /\b(?:not|out|outside|excluded)\b/,
    pattern:
      /\b(?:(?:is|are|will\s+be)\s+(?:not\s+(?:part\s+of|in\s+scope|within|included|covered)|out\s+of\s+scope|outside\s+(?:the\s+)?scope|excluded)|(?:falls?|lies|lie|sits?|is|are|stays?|remains?)\s+outside\s+(?:of\s+)?(?:the\s+scope\s+of\s+)?(?:this|the|my|your)\s+(?:role|position|post|remit|job))\b/g,
    kind: "negation",
  },
];

/** A negation governs what follows it up to the end of its clause. */
const NEGATION = /\b(?:not|never|no|nor|neither|without|excluding|except(?:\s+for)?|other\s+than|rather\s+than|instead\s+of|apart\s+from|aside\s+from|no\s+longer)\b|n't\b/g;
/** "not only … but also" affirms. */
const NOT_NEGATION = /^(?:not\s+only|not\s+just|no\s+matter|not\s+least)\b/;

/** Where clauses end: sentence punctuation, and contrastive conjunctions that open a new claim. */
const CLAUSE_END = /[.;:!?]|\s(?:but|while|whereas|although|though)\s|,\s+(?:and|while|whereas)\s/g;

/** A requirement of the candidate, not a duty of the role. */
const QUALIFICATION_START =
  /^\W*(?:(?:an?\s+)?(?:bachelor|master['\u2019]?s\b|(?:university\s+)?degree\b|mba\b|phd\b|msc\b|proven\b|demonstrated\b|demonstrable\b|seasoned\b|experienced\b|accomplished\b)|self[-\s]starter|please\b|to\s+apply\b|proven|demonstrated|strong|deep|solid|excellent|extensive|significant|hands-on\s+experience|(?:previous|prior|relevant|related|practical|demonstrable|senior-level|leadership)\s+experience\b|experience\b|expertise\b|knowledge\b|familiarity\b|understanding\s+of|ability\s+to|able\s+to|certified|certification|fluen(?:t|cy)|willing(?:ness)?\s+to|must\s+(?:have|be\s+(?:able|willing|comfortable|prepared|eligible))|you\s+have|you\s+bring|(?:a\s+)?background\s+in\b|comfortable\b|confident\b|passionate\b|passion\s+for\b|you(?:\s+are|'re)\b(?!\s+(?:responsible|accountable|in\s+charge|expected|tasked|the\s+owner))|nice\s+to\s+have\b|(?:a\s+)?(?:bonus|plus)\s*:|(?:the\s+)?(?:successful|ideal|right|preferred)\s+candidates?\b(?!\s+will\s+(?:be\s+(?:responsible|accountable|in\s+charge|tasked|expected\s+to)\b|(?!(?:have|be|bring|possess|need|hold|demonstrate|show|ideally|typically|already|also|probably|likely|preferably|come)\b)[a-z]+\b))|candidates?\s+(?:should|must|will)\b|ideally\b|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\+?\s+(?:or\s+more\s+|plus\s+)?years)/;
const QUALIFICATION_ANYWHERE = /\b(?:years\s+of\s+(?:\w+\s+)?experience|track\s+record|(?:hold|have|has)\s+an?\s+(?:\w+\s+)?degree|(?:is|are)\s+(?:\w+ly\s+)?(?:required|essential|a\s+plus|an\s+advantage|an\s+asset|advantageous|preferred|desirable|beneficial|nice\s+to\s+have)|mind[-\s]?set)\b/;

/**
 * A sentence that describes the organisation rather than the role: "We are a fast-growing fintech",
 * "Our customers include three of the largest banks". Only stative verbs, so "We expect you to own
 * the roadmap" and "Our engineers build …" are not caught by the subject alone.
 */
const DESCRIPTION = /^\W*((?:we|(?:our|the)\s+(?:company|firm|group|business|organi[sz]ation)|our\s+(?:customers|clients|users|platform|products?|services|mission|headquarters)|our\s+(?:[\w-]+\s+){0,2}(?:team|teams|arm|division|subsidiary|brands?|stack|engineers|offices|apps?)|(?:the\s+)?(?:interviews?|interview\s+process|selection\s+process|recruitment\s+process|hiring\s+process))\s+(?:are|is|was|were|include|includes|serve|serves|operate|operates|employ|employs|count|counts|span|spans|processes|handles|powers|hosts|runs|reaches|consists?|has\s+(?:been|grown)|have\s+(?:been|grown))\b)(?!\s+(?:looking|seeking|hiring|searching|recruiting|responsible|accountable)\b)/d;

/**
 * Other sentences about the post or the organisation rather than a duty: "This is a permanent,
 * full-time post…", and an annual report's figures ("Technology spending rose by 12 per cent in the
 * year", "Digital sales accounted for 38% of revenue").
 */
const ABOUT_THE_POST = /^\W*((?:this|it)\s+is\s+an?\s+(?:[\w-]+,?\s+){0,4}(?:role|post|position|job|appointment|opportunity|contract|vacancy)\b)(?!\s+(?:that|which|where|in\s+which)\s+(?:owns?|leads?|runs?|is\s+responsible|is\s+accountable))/d;
const RESULTS = /^\W*((?:(?!(?:that|which|who)\b)[\w'\u2019&-]+\s+){1,6}?(?:rose|fell|grew|increased|decreased|declined|accounted\s+for|totall?ed|amounted\s+to|doubled|halved)\b[^.;]*?(?:\bper\s*cent\b|\bpercent\b|%|\bin\s+the\s+(?:year|period|quarter)\b|\byear[-\s]on[-\s]year\b))/d;

/** Handing work to a provider gives away the whole clause, provider included. */
const OUTSOURCED = /\b(?:is|are|will\s+be)\s+(?:fully\s+|entirely\s+)?outsourced\b/g;

/** A sentence that only states the reporting line ("Reports directly to the CEO."). */
const REPORTING_LINE = new RegExp(String.raw`^\W*(?:(?:this|the)\s+(?:role|position|cto)\s+|you\s+will\s+|you\s+)?reports?(?:ing)?\s+(?:directly\s+)?(?:in)?to\s+${PARTY}\W*$`);

/**
 * Another function's reporting line ("Product management reports to the Chief Product Officer"): the
 * sentence is about that function, not a duty of this role.
 */
const OTHER_REPORTS = new RegExp(String.raw`^\W*((?:(?!(?:who|that|which|and)\b)[\w&'\u2019-]+\s+){1,4}?)reports?\s+(?:directly\s+)?(?:in)?to\s+${PARTY}\b`, "d");
const SELF_SUBJECT = new RegExp(String.raw`^${SELF}\s|^(?:(?:this|the)\s+(?:role|position|post|holder)|you\s+will|you)\s`);

export function analyzeScope(text: string): Scope {
  const lower = lowerCased(text);
  /** What a match or one of its groups says, as the text writes it. */
  const written = (match: RegExpExecArray, group = 0) => {
    const [start, end] = group === 0 ? [match.index, match.index + match[0].length] : match.indices![group];
    return text.slice(start, end);
  };
  const subject = OTHER_SUBJECT.exec(lower);
  if (subject) {
    const cue = written(subject, 1).trim();
    return { otherSubject: cue, excluded: [{ start: 0, end: text.length, kind: "other", cue }] };
  }
  if (REPORTING_LINE.test(lower)) return { qualification: "reports to", excluded: [] };
  const reports = /\breports?\s/.test(lower) ? OTHER_REPORTS.exec(lower) : null;
  if (reports && !SELF_SUBJECT.test(reports[1])) {
    const cue = written(reports, 1).trim();
    return { otherSubject: cue, excluded: [{ start: 0, end: text.length, kind: "other", cue }] };
  }
  const qualification = QUALIFICATION_START.exec(lower) ?? QUALIFICATION_ANYWHERE.exec(lower);
  if (qualification) return { qualification: written(qualification).replace(/^\W+/, "").trim(), excluded: [] };
  const description = DESCRIPTION.exec(lower) ?? ABOUT_THE_POST.exec(lower) ?? RESULTS.exec(lower);
  if (description) return { description: written(description, 1).trim(), excluded: [] };

  const boundaries = allMatches(CLAUSE_END, lower).map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const clauseEnd = (from: number) => boundaries.find((b) => b.start >= from)?.start ?? text.length;
  const clauseStart = (before: number) => boundaries.filter((b) => b.end <= before).pop()?.end ?? 0;

  const excluded: Excluded[] = [];
  if (/\b(?:who|which|that)\b/.test(lower)) {
    for (const m of allMatches(RELATIVE, lower)) excluded.push({ start: m.index, end: clauseEnd(m.index + m[0].length), kind: "other", cue: written(m).trim() });
  }
  for (const { hint, pattern, kind } of POST_SCOPE) {
    if (!hint.test(lower)) continue;
    for (const m of allMatches(pattern, lower)) excluded.push({ start: clauseStart(m.index), end: m.index + m[0].length, kind, cue: written(m).trim() });
  }
  for (const m of allMatches(OUTSOURCED, lower)) excluded.push({ start: clauseStart(m.index), end: clauseEnd(m.index), kind: "other", cue: written(m).trim() });
  for (const m of allMatches(NEGATION, lower)) {
    if (NOT_NEGATION.test(lower.slice(m.index))) continue;
    excluded.push({ start: m.index, end: clauseEnd(m.index + m[0].length), kind: "negation", cue: written(m).trim() });
  }
  return { excluded };
}

/**
 * The patterns are written in lower case and run on the text lower-cased: compiled case-insensitive,
 * they took twice as long to compile, once per start, on the way to the first diagnostics. Lower-cased
 * character for character, so offsets stay the text's, and matching what the case-insensitive
 * patterns matched: of all characters only "İ" and the Kelvin sign lower-case to ASCII (or to more than
 * one character), and neither matched an ASCII letter before; a middle dot, another non-word
 * character, stands in for them.
 */
function lowerCased(text: string): string {
  return (/[\u0130\u212a]/.test(text) ? text.replace(/[\u0130\u212a]/g, "\u00b7") : text).toLowerCase();
}

export function isExcluded(scope: Scope, offset: number): Excluded | undefined {
  return scope.excluded.find((e) => e.start <= offset && offset < e.end);
}
