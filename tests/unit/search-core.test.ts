import { describe, expect, it } from "vitest";
import { EmptyInputError, InputTooLongError } from "../../src/core/domain-errors.js";
import { headOf, type Language, type LoadedProfile, type Profile } from "../../src/core/profile.js";
import { rolesOf } from "../../src/core/search/index-roles.js";
import { matchQuality } from "../../src/core/search/match-quality.js";
import {
  MAX_QUERY_LENGTH,
  type SearchOptions,
  type SearchOutcome,
  SkillToolSearch,
} from "../../src/core/search/search.js";
import { searchForm } from "../../src/core/search/search-forms.js";
import { buildSearchIndex } from "../../src/core/search/search-index.js";
import type { VocabularyIndex } from "../../src/core/vocabulary.js";
import { renderSearchTable } from "../../src/render/search-table.js";
import { testProfile, testVocabulary } from "../helpers/test-data.js";

type Labels = Record<Language, string>;
/** What the search reads of full profiles: their heads. */
const heads = (roles: LoadedProfile[]) => roles.map((role) => ({ ...role, profile: headOf(role.profile) }));
const same = (name: string): Labels => ({ en: name, da: name, sv: name, nb: name, fi: name });
const concept = (id: string, labels: Labels, aliases: string[] = []) => ({ id, labels, aliases });

/** A small vocabulary in the shape of data/vocabulary, so the search is tested apart from the real data. */
function fixtureVocabulary(): VocabularyIndex {
  return testVocabulary({
    skills: [
      concept("empathy", { en: "Empathy", da: "Empati", sv: "Empati", nb: "Empati", fi: "Empatia" }, [
        "myötätunto",
      ]),
      concept("patience", {
        en: "Patience",
        da: "Tålmodighed",
        sv: "Tålamod",
        nb: "Tålmodighet",
        fi: "Kärsivällisyys",
      }),
      concept("communication", {
        en: "Communication",
        da: "Kommunikation",
        sv: "Kommunikation",
        nb: "Kommunikasjon",
        fi: "Viestintä",
      }),
      concept("customer-service", {
        en: "Customer service",
        da: "Kundeservice",
        sv: "Kundtjänst",
        nb: "Kundeservice",
        fi: "Asiakaspalvelu",
      }),
      concept("time-management", {
        en: "Time management",
        da: "Tidsstyring",
        sv: "Tidshantering",
        nb: "Tidsstyring",
        fi: "Ajanhallinta",
      }),
      concept("team-management", {
        en: "Team management",
        da: "Teamledelse",
        sv: "Teamledning",
        nb: "Teamledelse",
        fi: "Tiimin hallinta",
      }),
      concept("interpersonal-skills", {
        en: "Interpersonal skills",
        da: "Interpersonelle færdigheder",
        sv: "Mellanmänskliga färdigheter",
        nb: "Mellommenneskelige ferdigheter",
        fi: "Vuorovaikutustaidot",
      }),
      concept("unused-skill", same("Juggling")),
    ],
    toolCategories: [
      concept(
        "crm",
        { ...same("Customer relationship management (CRM)"), sv: "Kundrelationshantering (CRM)" },
        ["CRM"],
      ),
      concept("help-desk", same("Help desk and ticketing"), ["help desk"]),
      concept("knowledge-management", same("Knowledge management")),
    ],
    stages: [concept("entry", same("Entry"))],
    positions: [concept("agent", same("Agent"))],
    levels: [concept("entry", same("Entry"))],
    tools: [
      {
        id: "zendesk",
        name: "Zendesk",
        category: "help-desk",
        labels: same("Zendesk"),
        aliases: ["Zendesk Support"],
      },
      { id: "salesforce", name: "Salesforce", category: "crm", labels: same("Salesforce"), aliases: [] },
      { id: "hubspot", name: "HubSpot", category: "crm", labels: same("HubSpot"), aliases: [] },
      {
        id: "confluence",
        name: "Confluence",
        category: "knowledge-management",
        labels: same("Confluence"),
        aliases: [],
      },
      { id: "slack", name: "Slack", category: "help-desk", labels: same("Slack"), aliases: [] },
    ],
  });
}

function loaded(id: string, lang: Language, fields: Partial<Profile>): LoadedProfile {
  const profile = testProfile(id, { lang, ...fields });
  return { profile, file: `/fixtures/${id}.md`, origin: "fixtures", overrides: [] };
}

const vocabulary = fixtureVocabulary();

const profiles: LoadedProfile[] = [
  loaded("sv-lead", "sv", {
    skills: [
      { skill: "patience", label: "Tålamod" },
      { skill: "empathy", label: "Empati" },
      { skill: "customer-service", label: "Kundtjänst" },
      { skill: "time-management", label: "Tidshantering" },
    ],
    tools: [
      { tool: "zendesk", name: "Zendesk", category: "help-desk", heading: "Help Desk-programvara" },
      {
        tool: "salesforce",
        name: "Salesforce",
        category: "crm",
        heading: "System för kundrelationshantering",
      },
    ],
  }),
  loaded("da-manager", "da", {
    skills: [
      // Stored decomposed (NFD): å as a + combining ring.
      { skill: "patience", label: "Ta\u030Almodighed" },
      { skill: "interpersonal-skills", label: "Interpersonelle færdigheder" },
      { skill: "team-management", label: "Teamledelse" },
    ],
    tools: [
      // The seed lists Zendesk under CRM: a category search for CRM finds it too.
      { tool: "zendesk", name: "Zendesk", category: "crm", heading: "CRM-systemer" },
      { tool: "confluence", name: "Confluence", category: "knowledge-management", heading: "Videnstyring" },
      { tool: "slack", name: "Slack", category: "help-desk", heading: "Helpdesk" },
    ],
  }),
  loaded("fi-manager", "fi", {
    skills: [
      { skill: "communication", label: "Viestintä" },
      { skill: "empathy", label: "Kyky myötätuntoon" },
    ],
    tools: [
      { tool: "hubspot", name: "HubSpot", category: "crm", heading: "CRM" },
      {
        tool: "confluence",
        name: "Confluence",
        category: "knowledge-management",
        heading: "Tietämyksen hallinta",
      },
    ],
  }),
  loaded("nb-agent", "nb", {
    skills: [
      { skill: "empathy", label: "Empati" },
      { skill: "patience", label: "Tålmodighet" },
    ],
    tools: [
      { tool: "zendesk", name: "Zendesk", category: "help-desk", heading: "Billetteringssystemer" },
      { tool: "zendesk", name: "Zendesk Support", category: "help-desk", heading: "Kundestøtte" },
    ],
  }),
];

const engine = SkillToolSearch.fromRoles(heads(profiles), vocabulary);
const ALL: SearchOptions = { scope: "all", labelLang: "en" };

function search(query: string, options: Partial<SearchOptions> = {}): SearchOutcome {
  return engine.search(query, { ...ALL, ...options });
}

/** The roles found across all hits, sorted. */
function roleIds(outcome: SearchOutcome): string[] {
  return [...new Set(outcome.hits.flatMap((hit) => hit.roles.map((role) => role.id)))].sort();
}

function hitIds(outcome: SearchOutcome): string[] {
  return outcome.hits.map((hit) => hit.id);
}

describe("buildSearchIndex", () => {
  it("indexes distinct names: one key per folded name, however many profiles use it", () => {
    const index = buildSearchIndex(heads(profiles), vocabulary);
    const keys = index.keys.map((k) => k.key);
    expect(new Set(keys).size).toBe(keys.length);
    // "Empati" is a vocabulary label (da, sv, nb) and two profiles' label: still one key.
    expect(index.keys.filter((k) => k.key === "empati")).toHaveLength(1);
    // The NFD profile label folds to the same key as the NFC vocabulary label.
    const tal = index.keys.filter((k) => k.key === "talmodighed");
    expect(tal).toHaveLength(1);
    expect(
      tal[0]?.names.map((n) => [n.text.normalize("NFC"), n.text === n.text.normalize("NFC"), n.source]),
    ).toEqual([
      ["Tålmodighed", true, "label"],
      ["Tålmodighed", false, "profile"],
    ]);
    expect(rolesOf(index, { kind: "skill", id: "empathy" })?.map((r) => r.id)).toEqual([
      "sv-lead",
      "fi-manager",
      "nb-agent",
    ]);
  });

  it("does not grow with the number of profiles that use the same names", () => {
    const many = Array.from({ length: 200 }, (_, i) => {
      const source = profiles[i % profiles.length] as LoadedProfile;
      return { ...source, profile: { ...source.profile, id: `${source.profile.id}-${i}` } };
    });
    const small = buildSearchIndex(heads(profiles), vocabulary);
    const large = buildSearchIndex(heads(many), vocabulary);
    expect(large.keys.map((k) => k.key).sort()).toEqual(small.keys.map((k) => k.key).sort());
    expect(rolesOf(large, { kind: "skill", id: "empathy" })).toHaveLength(150);
  });

  it("leaves out vocabulary concepts that no role has", () => {
    const index = buildSearchIndex(heads(profiles), vocabulary);
    expect(index.keys.some((k) => k.key === "juggling")).toBe(false);
    expect(rolesOf(index, { kind: "skill", id: "unused-skill" })).toBeUndefined();
  });

  it("keeps both names when a profile lists one tool twice", () => {
    const index = buildSearchIndex(heads(profiles), vocabulary);
    const nb = rolesOf(index, { kind: "tool", id: "zendesk" })?.find((r) => r.id === "nb-agent");
    expect(nb?.labels).toEqual(["Zendesk", "Zendesk Support"]);
  });

  it("resolves the same roles before and after it groups the uses by concept, limited by role", () => {
    const index = buildSearchIndex(heads(profiles), vocabulary);
    const zendesk = { kind: "tool", id: "zendesk" } as const;
    const expected = [
      ["sv-lead", ["Zendesk"]],
      ["da-manager", ["Zendesk"]],
      ["nb-agent", ["Zendesk", "Zendesk Support"]],
    ];
    const scanned = rolesOf(index, zendesk);
    expect(scanned?.map((r) => [r.id, r.labels])).toEqual(expected);
    expect(rolesOf(index, zendesk, 2)?.map((r) => [r.id, r.labels])).toEqual(expected.slice(0, 2));
    // Resolving many concepts groups the uses by concept once; the answers stay the same.
    for (let i = 0; i < 10; i++) rolesOf(index, { kind: "skill", id: "empathy" });
    expect(index.uses.grouped).toBeDefined();
    expect(rolesOf(index, zendesk)).toEqual(scanned);
    expect(rolesOf(index, zendesk, 2)?.map((r) => [r.id, r.labels])).toEqual(expected.slice(0, 2));
    expect(rolesOf(index, { kind: "skill", id: "empathy" })?.map((r) => r.id)).toEqual([
      "sv-lead",
      "fi-manager",
      "nb-agent",
    ]);
  });
});

describe("rolesPerHit", () => {
  it("lists at most that many roles per hit and still counts them all", () => {
    const outcome = search("zendesk", { rolesPerHit: 2 });
    expect(hitIds(outcome)).toEqual(["zendesk"]);
    expect(outcome.hits[0]?.roles.map((r) => r.id)).toEqual(["sv-lead", "da-manager"]);
    expect(outcome.roleCounts).toEqual([3]);
    expect(search("zendesk").hits[0]?.roles.map((r) => r.id)).toEqual(["sv-lead", "da-manager", "nb-agent"]);
  });

  it("lets the table say how many roles it leaves out", () => {
    const output = { width: 100, color: false };
    const table = renderSearchTable(search("zendesk", { rolesPerHit: 2 }), output, "en");
    expect(table).toContain("… and 1 more role; --json or --csv lists them all.");
    expect(table).not.toContain("nb-agent");
    expect(renderSearchTable(search("zendesk"), output, "en")).not.toContain("more role");
    const danish = renderSearchTable(search("zendesk", { rolesPerHit: 1 }), output, "da");
    expect(danish).toContain("… og 2 roller mere; --json eller --csv viser dem alle.");
  });
});

describe("searchForm", () => {
  it("folds case, diacritics, æ and ø, NFD and NFC alike", () => {
    expect(searchForm("  Tålamod ")).toBe("talamod");
    expect(searchForm("Ta\u030Alamod")).toBe("talamod");
    expect(searchForm("Færdigheder  Problemløsning")).toBe("faerdigheder problemlosning");
    expect(searchForm("VIESTINTÄ")).toBe("viestinta");
  });

  it("drops invisible format characters and turns control characters into spaces", () => {
    expect(searchForm("Zen\u00ADdesk\u200B")).toBe("zendesk");
    expect(searchForm("\u001b[31mslack")).toBe("[31mslack");
  });
});

describe("matchQuality", () => {
  it("is 1 only for a name equal to the term", () => {
    expect(matchQuality("zendesk", "zendesk", 0)).toBe(1);
    expect(matchQuality("zendesk", "zendesk support", 0)).toBe(0.73);
    expect(matchQuality("zendsk", "zendesk", 1 / 6)).toBe(0.77);
  });
});

describe("SkillToolSearch.search", () => {
  it.each([
    ["zendsk", "zendesk", ["da-manager", "nb-agent", "sv-lead"]],
    ["empaty", "empathy", ["fi-manager", "nb-agent", "sv-lead"]],
    ["confluense", "confluence", ["da-manager", "fi-manager"]],
    ["salesforse", "salesforce", ["sv-lead"]],
  ])("tolerates the typo %j", (query, first, roles) => {
    const outcome = search(query);
    expect(hitIds(outcome)).toEqual([first]);
    expect(roleIds(outcome)).toEqual(roles);
    expect(outcome.hits[0]?.quality).toBeLessThan(1);
    expect(outcome.hits[0]?.quality).toBeGreaterThan(0.7);
  });

  it("finds a skill by its label in any language, in every profile whatever its language", () => {
    const english = search("empathy");
    const danish = search("empati");
    const finnish = search("myötätunto");
    expect(hitIds(english)).toEqual(["empathy"]);
    expect(hitIds(danish)).toEqual(["empathy"]);
    expect(hitIds(finnish)).toEqual(["empathy"]);
    expect(roleIds(english)).toEqual(["fi-manager", "nb-agent", "sv-lead"]);
    expect(roleIds(danish)).toEqual(roleIds(english));
    expect(roleIds(finnish)).toEqual(roleIds(english));
    expect(english.hits[0]?.quality).toBe(1);
  });

  it("shows the label each profile uses", () => {
    const [hit] = search("patience").hits;
    expect(hit?.roles.map((r) => [r.id, r.lang, r.labels])).toEqual([
      ["sv-lead", "sv", ["Tålamod"]],
      ["da-manager", "da", ["Ta\u030Almodighed"]],
      ["nb-agent", "nb", ["Tålmodighet"]],
    ]);
  });

  it.each([
    ["talamod", "patience", "Tålamod"],
    ["tålamod", "patience", "Tålamod"],
    ["Ta\u030Alamod", "patience", "Tålamod"],
    ["talmodighed", "patience", "Tålmodighed"],
    ["tålmodighed", "patience", "Tålmodighed"],
    ["kundtjanst", "customer-service", "Kundtjänst"],
    ["KUNDTJÄNST", "customer-service", "Kundtjänst"],
    ["viestinta", "communication", "Viestintä"],
    ["interpersonelle faerdigheder", "interpersonal-skills", "Interpersonelle færdigheder"],
    ["interpersonelle fardigheder", "interpersonal-skills", "Interpersonelle færdigheder"],
    ["tolmodighet", "patience", "Tålmodighet"],
  ])("folds diacritics both ways: %j finds %s", (query, id, matched) => {
    const outcome = search(query);
    expect(outcome.hits[0]?.id).toBe(id);
    expect(outcome.hits[0]?.matched).toBe(matched);
  });

  it("reports the concept's label and category in the label language", () => {
    const [skill] = search("kundtjanst", { labelLang: "fi" }).hits;
    expect(skill).toMatchObject({ kind: "skill", label: "Asiakaspalvelu", category: null });
    const [tool] = search("salesforce", { labelLang: "sv" }).hits;
    expect(tool).toMatchObject({
      kind: "tool",
      label: "Salesforce",
      category: { id: "crm", label: "Kundrelationshantering (CRM)" },
      matched_via: "name",
    });
  });

  it("gives a tool the category its profiles list it under, each role its own, not the vocabulary's default", () => {
    // The vocabulary's default for Zendesk is help desk; da-manager lists it under CRM, the others under help desk.
    const [zendesk] = search("zendesk").hits;
    expect(zendesk?.category?.id).toBe("help-desk");
    expect(zendesk?.roles.map((r) => [r.id, r.category])).toEqual([
      ["sv-lead", "help-desk"],
      ["da-manager", "crm"],
      ["nb-agent", "help-desk"],
    ]);
    const [hubspot] = search("hubspot").hits;
    expect(hubspot?.roles.map((r) => r.category)).toEqual(["crm"]);
    // A category finds only the tools some profile lists under it.
    const onlyCrm = SkillToolSearch.fromRoles(
      heads([
        loaded("x", "da", { tools: [{ tool: "zendesk", name: "Zendesk", category: "crm", heading: "CRM" }] }),
      ]),
      vocabulary,
    );
    expect(onlyCrm.search("help desk", ALL).hits.some((h) => h.matched_via === "category")).toBe(false);
    expect(onlyCrm.search("crm", ALL).hits.map((h) => [h.id, h.matched_via])).toEqual([
      ["zendesk", "category"],
    ]);
    expect(onlyCrm.search("zendesk", ALL).hits[0]?.category?.id).toBe("crm");
  });

  it("--in limits the kind of concept", () => {
    expect(hitIds(search("crm zendesk empati", { scope: "skills" }))).toEqual(["empathy"]);
    expect(hitIds(search("crm zendesk empati", { scope: "tools" }))).toEqual([
      "zendesk",
      "hubspot",
      "salesforce",
    ]);
    expect(search("empati", { scope: "tools" }).total).toBe(0);
  });

  it("--limit keeps the best hits and still counts them all", () => {
    const outcome = search("crm zendesk empati", { limit: 2 });
    expect(outcome.total).toBe(4);
    expect(hitIds(outcome)).toEqual(["empathy", "zendesk"]);
  });

  describe("several words", () => {
    it("a run of words that names one concept is one term", () => {
      const outcome = search("time management");
      expect(outcome.terms.map((t) => t.term)).toEqual(["time management"]);
      expect(outcome.hits[0]).toMatchObject({
        id: "time-management",
        quality: 1,
        terms: ["time management"],
      });
      expect(roleIds(outcome)).toEqual(["da-manager", "sv-lead"]);
    });

    it("words that are separate concepts are searched one by one and the results unioned", () => {
      const outcome = search("crm zendesk");
      expect(outcome.terms).toEqual([
        { term: "crm", hits: 3 },
        { term: "zendesk", hits: 1 },
      ]);
      expect(outcome.hits.map((h) => [h.id, h.terms, h.matched_via])).toEqual([
        ["zendesk", ["crm", "zendesk"], "name"],
        ["hubspot", ["crm"], "category"],
        ["salesforce", ["crm"], "category"],
      ]);
    });

    it("a category named in full finds its tools; a partial category name does not", () => {
      expect(hitIds(search("help desk"))).toEqual(["zendesk", "slack"]);
      expect(hitIds(search("helpdesk"))).toEqual(["zendesk", "slack"]);
      expect(search("management").hits.every((h) => h.matched_via !== "category")).toBe(true);
    });

    it("a word that finds nothing is reported while the others still find their hits", () => {
      const outcome = search("zendesk xyzzy");
      expect(outcome.terms).toEqual([
        { term: "zendesk", hits: 1 },
        { term: "xyzzy", hits: 0 },
      ]);
      expect(hitIds(outcome)).toEqual(["zendesk"]);
    });

    it("quotes make no difference: the words are joined by the command", () => {
      expect(search("empati   viestinta").terms.map((t) => t.term)).toEqual(["empati", "viestinta"]);
    });
  });

  describe("literal queries", () => {
    it.each(["^zendesk", "zendesk$", "!zendesk", "'zendesk", "=zendesk"])(
      "%j is taken literally: it finds Zendesk, not an extended-search operator's meaning",
      (query) => {
        const outcome = search(query);
        expect(hitIds(outcome)).toEqual(["zendesk"]);
        expect(outcome.hits[0]?.quality).toBeLessThan(1);
      },
    );

    it.each(["slack|zendesk", "^", "$", "!", "'", "=", "|", "!xyzzy"])("%j finds nothing", (query) => {
      expect(search(query).total).toBe(0);
    });
  });

  describe("nothing found", () => {
    it.each(["xyzzy", "qwerty", "kubernetes", "banana", "lorem ipsum", "pizza"])(
      "nonsense %j finds nothing",
      (query) => {
        expect(search(query).total).toBe(0);
      },
    );

    it("suggests the nearest names, as written", () => {
      const outcome = search("hbspt");
      expect(outcome.total).toBe(0);
      expect(outcome.suggestions).toEqual(["HubSpot"]);
    });

    it("a query of invisible characters only finds nothing and is not an error", () => {
      const outcome = search("\u200B\u00AD");
      expect(outcome.total).toBe(0);
      expect(outcome.terms).toEqual([]);
    });
  });

  describe("refused queries", () => {
    it.each(["", "   ", "\t\n"])("an empty query %j is refused", (query) => {
      expect(() => search(query)).toThrow(EmptyInputError);
      expect(() => search(query)).toThrow("the query is empty");
    });

    it(`a query longer than ${MAX_QUERY_LENGTH} characters is refused; one of exactly that is searched`, () => {
      expect(() => search("z".repeat(MAX_QUERY_LENGTH + 1))).toThrow(InputTooLongError);
      expect(search("z".repeat(MAX_QUERY_LENGTH)).total).toBe(0);
    });
  });
});
