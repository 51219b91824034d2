import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type SearchScope, SkillToolSearch } from "../../src/core/search/search.js";
import { loadLibrary } from "../../src/io/load-library.js";
import { ROOT } from "../helpers/run-cli.js";

// Loading without a cache parses every file: import the parser first.

// The five built-in roles, by the language of their seed.
const NB = "customer-service-executive";
const SV_OPS = "customer-service-operations-manager";
const SV_LEAD = "customer-service-team-lead";
const DA = "customer-support-manager";
const FI = "customer-support-team-manager";
const EVERY = [NB, SV_OPS, SV_LEAD, DA, FI];

const library = loadLibrary({ dataDir: join(ROOT, "data"), extraDirs: [] });
const engine = SkillToolSearch.fromRoles(library.roles, library.vocabulary);

interface Case {
  query: string;
  /** The concept ranked first. */
  first: string;
  /** Every role any hit leads to. */
  roles: string[];
  /** Every concept found, best first, where the whole list is the point of the case. */
  hits?: string[];
  scope?: SearchScope;
}

const CASES: Record<string, Case[]> = {
  English: [
    { query: "empathy", first: "empathy", roles: [NB, SV_LEAD, FI] },
    { query: "patience", first: "patience", roles: [NB, SV_LEAD] },
    { query: "leadership", first: "leadership", roles: [SV_OPS, SV_LEAD, DA, FI] },
    { query: "Zendesk", first: "zendesk", roles: EVERY },
    { query: "conflict resolution", first: "conflict-resolution", roles: [SV_LEAD, FI] },
    { query: "emotional intelligence", first: "emotional-intelligence", roles: [SV_OPS] },
    { query: "data analysis", first: "data-analysis", roles: [DA, FI] },
    { query: "coaching", first: "coaching-mentoring", roles: [FI] },
    { query: "Power BI", first: "power-bi", roles: [SV_OPS, SV_LEAD] },
    { query: "critical thinking", first: "critical-thinking", roles: [NB, SV_OPS, SV_LEAD, DA] },
  ],
  Danish: [
    { query: "empati", first: "empathy", roles: [NB, SV_LEAD, FI] },
    { query: "tålmodighed", first: "patience", roles: [NB, SV_LEAD] },
    { query: "lederskab", first: "leadership", roles: [SV_OPS, SV_LEAD, DA, FI] },
    // A skill of two sources (the Finnish one in a heading, "Johtaminen ja tiimin hallinta"), and a
    // responsibility area of four.
    { query: "teamledelse", first: "team-management", roles: [SV_OPS, SV_LEAD, DA, FI] },
    // Named in a skill heading of the Danish source and inside a skill of the Norwegian one.
    // Analytical skills ("analytisk tænkning") come second, at 0.78.
    { query: "kritisk tænkning", first: "critical-thinking", roles: [NB, SV_OPS, SV_LEAD, DA] },
    { query: "organisatoriske færdigheder", first: "organizational-skills", roles: [DA, FI] },
  ],
  Swedish: [
    { query: "tålamod", first: "patience", roles: [NB, SV_LEAD] },
    { query: "konflikthantering", first: "conflict-resolution", roles: [SV_LEAD, FI] },
    { query: "anpassningsförmåga", first: "adaptability", roles: [NB, SV_LEAD] },
    { query: "analytiskt tänkande", first: "analytical-skills", roles: [SV_OPS, SV_LEAD, DA] },
    { query: "kundnöjdhetsdashboard", first: "satisfaction-dashboard", roles: [NB] },
  ],
  Norwegian: [
    { query: "tålmodighet", first: "patience", roles: [NB, SV_LEAD] },
    { query: "oppmerksomhet på detaljer", first: "attention-to-detail", roles: [NB, FI] },
    { query: "teamarbeid", first: "teamwork", roles: [NB] },
    // A tool of one or two roles, and words of a responsibility's text (customer interaction) in more.
    { query: "sosiale medier", first: "social-media", roles: [NB, SV_LEAD, DA, FI] },
    { query: "e-post", first: "email", roles: [NB, SV_LEAD, DA, FI] },
  ],
  Finnish: [
    { query: "empatia", first: "empathy", roles: [NB, SV_LEAD, FI] },
    { query: "kärsivällisyys", first: "patience", roles: [NB, SV_LEAD] },
    { query: "johtajuus", first: "leadership", roles: [SV_OPS, SV_LEAD, DA, FI] },
    { query: "strateginen ajattelu", first: "strategic-thinking", roles: [FI] },
    // A skill of two roles, and the concept of a responsibility area of the Norwegian source too.
    { query: "vuorovaikutustaidot", first: "interpersonal-skills", roles: [NB, DA, FI] },
  ],
  "missing diacritics": [
    { query: "talamod", first: "patience", roles: [NB, SV_LEAD] },
    { query: "talmodighet", first: "patience", roles: [NB, SV_LEAD] },
    { query: "viestinta", first: "communication", roles: EVERY },
    { query: "problemlosning", first: "problem-solving", roles: EVERY },
    { query: "karsivallisyys", first: "patience", roles: [NB, SV_LEAD] },
    { query: "sahkoposti", first: "email", roles: [NB, SV_LEAD] },
    { query: "organisatoriske faerdigheder", first: "organizational-skills", roles: [DA, FI] },
    { query: "anpassningsformaga", first: "adaptability", roles: [NB, SV_LEAD] },
    { query: "kundnojdhetsdashboard", first: "satisfaction-dashboard", roles: [NB] },
  ],
  typos: [
    { query: "zendsk", first: "zendesk", roles: EVERY, hits: ["zendesk"] },
    { query: "empaty", first: "empathy", roles: [NB, SV_LEAD, FI], hits: ["empathy"] },
    { query: "confluense", first: "confluence", roles: EVERY, hits: ["confluence"] },
    { query: "hubspt", first: "hubspot", roles: [NB, SV_OPS, SV_LEAD, FI] },
    { query: "leaderhsip", first: "leadership", roles: [SV_OPS, SV_LEAD, DA, FI] },
    { query: "qualtrix", first: "qualtrics", roles: [NB, SV_LEAD, FI] },
    { query: "survey monky", first: "surveymonkey", roles: [NB, SV_LEAD, FI] },
  ],
  "several words": [
    {
      query: "time management",
      first: "time-management",
      roles: EVERY,
      // The skill, then team management as a responsibility area and as a skill, then budget management.
      hits: ["time-management", "team-management", "team-management", "budget-management"],
    },
    {
      query: "crm zendesk",
      first: "zendesk",
      roles: EVERY,
      // The tools, then "CRM" in a skill note and a responsibility's text, after every name.
      hits: ["zendesk", "salesforce", "hubspot", "technical-proficiency", "documentation"],
    },
    { query: "empathy patience", first: "empathy", roles: [NB, SV_LEAD, FI], hits: ["empathy", "patience"] },
    { query: "tålamod confluense", first: "patience", roles: EVERY, hits: ["patience", "confluence"] },
    { query: "emotional intelligence moodle", first: "emotional-intelligence", roles: [SV_OPS, SV_LEAD] },
    { query: "zendesk xyzzy", first: "zendesk", roles: EVERY, hits: ["zendesk"] },
    {
      query: "crm zendesk empati",
      first: "empathy",
      // "CRM" in a skill note: technical proficiency, after the label match.
      roles: EVERY,
      hits: ["empathy", "technical-proficiency"],
      scope: "skills",
    },
    {
      query: "crm zendesk empati",
      first: "zendesk",
      roles: EVERY,
      hits: ["zendesk", "salesforce", "hubspot"],
      scope: "tools",
    },
  ],
};

describe.each(Object.entries(CASES))("search of the real profiles: %s", (_group, cases) => {
  it.each(cases)("$query", ({ query, first, roles, hits, scope }) => {
    const outcome = engine.search(query, { scope: scope ?? "all", labelLang: "en" });
    expect(outcome.hits[0]?.id).toBe(first);
    const found = [...new Set(outcome.hits.flatMap((hit) => hit.roles.map((role) => role.id)))].sort();
    expect(found).toEqual([...roles].sort());
    if (hits) expect(outcome.hits.map((hit) => hit.id)).toEqual(hits);
  });
});

it("the table covers at least 40 queries", () => {
  expect(Object.values(CASES).flat().length).toBeGreaterThanOrEqual(40);
});

describe("real profiles: labels and languages", () => {
  it("empathy and empati find the same roles, each with the label its profile uses", () => {
    const english = engine.search("empathy", { scope: "all", labelLang: "en" }).hits[0];
    const danish = engine.search("empati", { scope: "all", labelLang: "en" }).hits[0];
    expect(danish?.roles).toEqual(english?.roles);
    expect(english?.roles.map((r) => [r.id, r.lang, r.labels])).toEqual([
      [NB, "nb", ["Empati"]],
      [SV_LEAD, "sv", ["Empati"]],
      [FI, "fi", ["Kyky myötätuntoon"]],
    ]);
  });

  it.each(["xyzzy", "qwerty", "kubernetes", "banana", "pizza", "lorem ipsum", "asdf", "slack|teams"])(
    "nonsense %j finds nothing",
    (query) => {
      expect(engine.search(query, { scope: "all", labelLang: "en" }).total).toBe(0);
    },
  );
});

describe("real profiles: titles, ladders, responsibilities and notes", () => {
  const rolesFound = (query: string, scope: SearchScope = "all") =>
    [
      ...new Set(
        engine.search(query, { scope, labelLang: "en" }).hits.flatMap((hit) => hit.roles.map((r) => r.id)),
      ),
    ].sort();

  // Every role's ladder lists customer service representative, labelled in every language.
  it.each(["kundeservice", "kundtjänst", "asiakaspalvelu", "customer service"])(
    "%j finds every role",
    (query) => {
      expect(rolesFound(query)).toEqual([...EVERY].sort());
      expect(rolesFound(query, "positions")).toEqual([...EVERY].sort());
    },
  );

  it("finds a role by its title and by an alias, saying which field matched", () => {
    const [title] = engine.search("Kundtjänstoperationschef", { scope: "roles", labelLang: "en" }).hits;
    expect(title).toMatchObject({ kind: "role", id: SV_OPS, matched_field: "title", quality: 1 });
    expect(title?.roles.map((r) => r.id)).toEqual([SV_OPS]);
  });

  // The area's concept has a label in every language, so each finds all four sources' areas.
  it.each(["team management", "teamledelse", "teamledning", "tiimin hallinta"])(
    "%j finds the four roles that name team management as a responsibility area",
    (query) => {
      const [area] = engine.search(query, { scope: "responsibilities", labelLang: "en" }).hits;
      expect(area).toMatchObject({ kind: "responsibility", id: "team-management" });
      expect(area?.matched_field).toBe("responsibility_area");
      expect(area?.roles.map((r) => r.id).sort()).toEqual([SV_OPS, SV_LEAD, DA, FI].sort());
    },
  );

  it("finds a responsibility by the words of its text, in the profile's language", () => {
    const { hits } = engine.search("databeskyttelse", { scope: "responsibilities", labelLang: "en" });
    expect(hits.map((h) => [h.id, h.matched_field, h.quality])).toEqual([
      ["compliance", "responsibility_text", 0.5],
    ]);
    expect(hits[0]?.roles.map((r) => r.id)).toEqual([NB]);
  });

  it("a word of a multi-word tool name finds the tool, below an exact name", () => {
    const hits = engine.search("jira", { scope: "tools", labelLang: "en" }).hits;
    expect(hits.map((h) => [h.id, h.quality, h.matched_field])).toEqual([
      ["jira", 1, "tool_name"],
      ["jira-service-management", 0.9, "tool_name"],
    ]);
    expect(hits[1]?.roles.flatMap((r) => r.labels)).toContain("Jira Service Desk");
  });

  it("kritisk tænkning finds critical thinking", () => {
    expect(engine.search("kritisk tænkning", { scope: "all", labelLang: "da" }).hits[0]).toMatchObject({
      kind: "skill",
      id: "critical-thinking",
      label: "Kritisk tænkning",
      matched_field: "skill_label",
    });
  });

  it("ranks every label match before every match in running text", () => {
    const { hits } = engine.search("crm", { scope: "all", labelLang: "en" });
    const fields = hits.map((h) => h.matched_field);
    const firstText = fields.findIndex((f) => f === "skill_note" || f === "responsibility_text");
    expect(firstText).toBeGreaterThan(0);
    expect(fields.slice(firstText).every((f) => f === "skill_note" || f === "responsibility_text")).toBe(
      true,
    );
    expect(hits[firstText]?.quality).toBeLessThan(hits[firstText - 1]?.quality ?? 0);
  });
});
