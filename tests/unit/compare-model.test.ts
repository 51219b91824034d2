import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareRoles } from "../../src/core/compare/compare-roles.js";
import { jaccard, summarizeOverlap } from "../../src/core/compare/overlap.js";
import type { Comparison } from "../../src/core/compare/types.js";
import type { Profile } from "../../src/core/profile.js";
import type { VocabularyIndex } from "../../src/core/vocabulary.js";
import { loadLibrary } from "../../src/io/load-library.js";
import { ROOT } from "../helpers/run-cli.js";
import { everyProfile, testProfile, testVocabulary } from "../helpers/test-data.js";

// Loading without a cache parses every file: import the parser first.

const labels = (en: string) => ({
  en,
  da: `${en} (da)`,
  sv: `${en} (sv)`,
  nb: `${en} (nb)`,
  fi: `${en} (fi)`,
});
const concepts = (...ids: string[]) =>
  ids.map((id) => ({ id, labels: labels(id.toUpperCase()), aliases: [] }));

/** A small vocabulary, so the model is tested apart from the real data. */
function tinyVocabulary(): VocabularyIndex {
  return testVocabulary({
    skills: concepts("talk", "listen", "lead", "count"),
    toolCategories: concepts("crm", "chat"),
    stages: concepts("entry", "mid-level", "specialist", "management"),
    positions: concepts("agent", "lead", "expert", "manager"),
    levels: concepts("entry", "management"),
    tools: [
      { id: "crmx", name: "CrmX", category: "crm", labels: labels("CrmX"), aliases: [] },
      { id: "chatty", name: "Chatty", category: "chat", labels: labels("Chatty"), aliases: [] },
      { id: "mailer", name: "Mailer", category: "chat", labels: labels("Mailer"), aliases: [] },
    ],
  });
}

const profile = (id: string, fields: Partial<Profile>): Profile => testProfile(id, fields);

const tiny = tinyVocabulary();

const agent = profile("agent-role", {
  position: "agent",
  career_path: [
    { stage: "entry", label: "Början", positions: [{ position: "agent", label: "Agenten" }] },
    { stage: "management", inferred: true, positions: [{ position: "manager", label: "Chefen" }] },
  ],
  skills: [
    { skill: "listen", label: "Lyssna" },
    { skill: "talk", label: "Prata" },
  ],
  tools: [
    { tool: "crmx", name: "CRM-X", category: "crm", heading: "CRM" },
    { tool: "mailer", name: "e-post", category: "chat", heading: "Chatt" },
  ],
});

const lead = profile("lead-role", {
  lang: "fi",
  level: "management",
  position: "lead",
  career_path: [
    { stage: "mid-level", label: "Keskitaso", positions: [{ position: "lead", label: "vetäjä" }] },
    { stage: "entry", label: "Alku", positions: [{ position: "agent", label: "agentti" }] },
    // The same stage twice reads as one cell.
    { stage: "entry", label: "Alku 2", positions: [{ position: "expert", label: "asiantuntija" }] },
  ],
  skills: [
    { skill: "lead", label: "johtaa" },
    { skill: "talk", label: "puhua" },
    { skill: "talk", label: "viestiä" },
  ],
  tools: [
    // Filed under another category than the agent files it: a row in each category.
    { tool: "crmx", name: "CrmX", category: "chat", heading: "Viestintä" },
    { tool: "chatty", name: "Chatty", category: "chat", heading: "Viestintä" },
  ],
});

describe("jaccard", () => {
  it.each([
    {
      sets: [
        ["a", "b"],
        ["b", "c"],
      ],
      expected: { intersection: 1, union: 3, score: 0.3333 },
    },
    { sets: [["a"], ["a"]], expected: { intersection: 1, union: 1, score: 1 } },
    { sets: [["a"], ["b"]], expected: { intersection: 0, union: 2, score: 0 } },
    { sets: [[], []], expected: { intersection: 0, union: 0, score: null } },
    {
      sets: [
        ["a", "b", "c"],
        ["a", "b"],
        ["a", "d"],
      ],
      expected: { intersection: 1, union: 4, score: 0.25 },
    },
    {
      sets: [
        ["a", "b"],
        ["a", "b", "c"],
      ],
      expected: { intersection: 2, union: 3, score: 0.6667 },
    },
  ])("$sets → $expected.score", ({ sets, expected }) => {
    expect(jaccard(sets.map((ids) => new Set(ids)))).toEqual(expected);
  });
});

describe("summarizeOverlap", () => {
  it("lists shared and distinct ids in row order and every pair in command-line order", () => {
    const summary = summarizeOverlap(
      [
        { role: "x", ids: new Set(["a", "b", "c"]) },
        { role: "y", ids: new Set(["c", "b", "d"]) },
        { role: "z", ids: new Set(["b", "e"]) },
      ],
      ["e", "d", "c", "b", "a"],
    );
    expect(summary).toEqual({
      shared: ["b"],
      per_role: [
        { role: "x", total: 3, distinct: ["a"] },
        { role: "y", total: 3, distinct: ["d"] },
        { role: "z", total: 2, distinct: ["e"] },
      ],
      similarity: {
        measure: "jaccard",
        overall: { intersection: 1, union: 5, score: 0.2 },
        pairs: [
          { roles: ["x", "y"], intersection: 2, union: 4, score: 0.5 },
          { roles: ["x", "z"], intersection: 1, union: 4, score: 0.25 },
          { roles: ["y", "z"], intersection: 1, union: 4, score: 0.25 },
        ],
      },
    });
  });
});

describe("compareRoles on small fixtures", () => {
  const c = compareRoles([agent, lead], tiny, { labelLang: "en" });

  it("gives a header per role with its column number", () => {
    expect(c.roles).toEqual([
      {
        column: 1,
        id: "agent-role",
        title: "agent-role as written",
        title_en: "agent-role in English",
        lang: "sv",
        level: "entry",
        level_label: "ENTRY",
        position: "agent",
        position_label: "AGENT",
      },
      {
        column: 2,
        id: "lead-role",
        title: "lead-role as written",
        title_en: "lead-role in English",
        lang: "fi",
        level: "management",
        level_label: "MANAGEMENT",
        position: "lead",
        position_label: "LEAD",
      },
    ]);
    expect(c.sections).toEqual(["career", "skills", "tools"]);
  });

  it("aligns the paths by stage in ladder order, leaving a stage a path lacks empty", () => {
    const career = c.career;
    expect(career?.stages.map((s) => s.stage)).toEqual(["entry", "mid-level", "management"]);
    expect(career?.stages.map((s) => s.label)).toEqual(["ENTRY", "MID-LEVEL", "MANAGEMENT"]);
    const [entry, mid, management] = career?.stages ?? [];
    expect(entry?.cells).toEqual([
      {
        role: "agent-role",
        stage_label: "Början",
        inferred: false,
        positions: [{ position: "agent", label: "Agenten", concept_label: "AGENT", marks: ["agent-role"] }],
      },
      {
        role: "lead-role",
        stage_label: "Alku",
        inferred: false,
        positions: [
          { position: "agent", label: "agentti", concept_label: "AGENT", marks: ["agent-role"] },
          { position: "expert", label: "asiantuntija", concept_label: "EXPERT", marks: [] },
        ],
      },
    ]);
    expect(mid?.cells[0]).toEqual({ role: "agent-role", stage_label: null, inferred: false, positions: [] });
    expect(mid?.cells[1]?.positions).toEqual([
      { position: "lead", label: "vetäjä", concept_label: "LEAD", marks: ["lead-role"] },
    ]);
    expect(management?.cells[0]).toMatchObject({ stage_label: null, inferred: true });
    expect(management?.cells[1]?.positions).toEqual([]);
  });

  it("places each role wherever its own position appears, on every ladder", () => {
    expect(c.career?.placements).toEqual([
      {
        role: "agent-role",
        found_on: [
          { ladder: "agent-role", stage: "entry" },
          { ladder: "lead-role", stage: "entry" },
        ],
      },
      { role: "lead-role", found_on: [{ ladder: "lead-role", stage: "mid-level" }] },
    ]);
  });

  it("puts the union of skills in vocabulary order with each profile's own labels", () => {
    expect(c.skills?.rows).toEqual([
      {
        skill: "talk",
        label: "TALK",
        cells: [
          { role: "agent-role", labels: ["Prata"] },
          { role: "lead-role", labels: ["puhua", "viestiä"] },
        ],
      },
      {
        skill: "listen",
        label: "LISTEN",
        cells: [
          { role: "agent-role", labels: ["Lyssna"] },
          { role: "lead-role", labels: [] },
        ],
      },
      {
        skill: "lead",
        label: "LEAD",
        cells: [
          { role: "agent-role", labels: [] },
          { role: "lead-role", labels: ["johtaa"] },
        ],
      },
    ]);
    expect(c.skills?.summary.shared).toEqual(["talk"]);
    expect(c.skills?.summary.per_role).toEqual([
      { role: "agent-role", total: 2, distinct: ["listen"] },
      { role: "lead-role", total: 2, distinct: ["lead"] },
    ]);
    expect(c.skills?.summary.similarity.overall).toEqual({ intersection: 1, union: 3, score: 0.3333 });
  });

  it("groups tools by the category each profile files them under, and counts tool ids once", () => {
    expect(c.tools?.categories).toEqual([
      {
        category: "crm",
        label: "CRM",
        rows: [
          {
            tool: "crmx",
            label: "CrmX",
            cells: [
              { role: "agent-role", names: ["CRM-X"] },
              { role: "lead-role", names: [] },
            ],
          },
        ],
      },
      {
        category: "chat",
        label: "CHAT",
        rows: [
          {
            tool: "crmx",
            label: "CrmX",
            cells: [
              { role: "agent-role", names: [] },
              { role: "lead-role", names: ["CrmX"] },
            ],
          },
          {
            tool: "chatty",
            label: "Chatty",
            cells: [
              { role: "agent-role", names: [] },
              { role: "lead-role", names: ["Chatty"] },
            ],
          },
          {
            tool: "mailer",
            label: "Mailer",
            cells: [
              { role: "agent-role", names: ["e-post"] },
              { role: "lead-role", names: [] },
            ],
          },
        ],
      },
    ]);
    expect(c.tools?.summary).toEqual({
      shared: ["crmx"],
      per_role: [
        { role: "agent-role", total: 2, distinct: ["mailer"] },
        { role: "lead-role", total: 2, distinct: ["chatty"] },
      ],
      similarity: {
        measure: "jaccard",
        overall: { intersection: 1, union: 3, score: 0.3333 },
        pairs: [{ roles: ["agent-role", "lead-role"], intersection: 1, union: 3, score: 0.3333 }],
      },
    });
  });

  it("labels concepts in the label language", () => {
    const sv = compareRoles([agent, lead], tiny, { labelLang: "sv" });
    expect(sv.label_lang).toBe("sv");
    expect(sv.career?.stages[0]?.label).toBe("ENTRY (sv)");
    expect(sv.career?.stages[0]?.cells[0]?.positions[0]).toMatchObject({
      label: "Agenten",
      concept_label: "AGENT (sv)",
    });
    expect(sv.skills?.rows[0]?.label).toBe("TALK (sv)");
    expect(sv.tools?.categories[1]?.label).toBe("CHAT (sv)");
  });

  it("builds only the sections asked for, always in the order career, skills, tools", () => {
    const only = compareRoles([agent, lead], tiny, { labelLang: "en", sections: ["tools", "career"] });
    expect(only.sections).toEqual(["career", "tools"]);
    expect(Object.keys(only)).toEqual(["label_lang", "sections", "roles", "career", "tools"]);
  });
});

describe("compareRoles on the real profiles", () => {
  const library = loadLibrary({ dataDir: join(ROOT, "data"), extraDirs: [] });
  const byId = (id: string) => {
    const found = everyProfile(library).find((p) => p.profile.id === id);
    if (!found) throw new Error(`no profile ${id}`);
    return found.profile;
  };
  const TL = "customer-service-team-lead";
  const CSE = "customer-service-executive";
  const CSM = "customer-support-manager";
  const CSTM = "customer-support-team-manager";
  const compare = (...ids: string[]): Comparison =>
    compareRoles(ids.map(byId), library.vocabulary, { labelLang: "en" });

  it("loads the five profiles without problems", () => {
    expect(library.problems).toEqual([]);
    expect(everyProfile(library)).toHaveLength(5);
  });

  describe("team lead (sv) and customer service executive (nb)", () => {
    const c = compare(TL, CSE);

    it("aligns the two ladders by stage; the team lead's path has no specialist stage", () => {
      const stages = c.career?.stages ?? [];
      expect(stages.map((s) => s.stage)).toEqual([
        "entry",
        "mid-level",
        "specialist",
        "management",
        "senior-leadership",
      ]);
      const written = stages.map((s) => s.cells.map((cell) => cell.positions.map((p) => p.label)));
      expect(written).toEqual([
        [["Kundtjänstrepresentant"], ["kundeservicerepresentant", "støtteagent", "kundeserviceansvarlig"]],
        [
          ["Senior kundtjänstrepresentant", "Kundtjänstteamledare"],
          ["senior kundeserviceansvarlig", "teamleder", "veileder"],
        ],
        [[], ["teknisk støtte", "kvalitetskontroll", "kundesuksess"]],
        [["Kundtjänstchef"], ["kundeserviceleder", "støtteleder", "kundesuksessleder"]],
        [
          ["Direktör för kundupplevelse", "Vice President of Customer Experience"],
          ["direktør for kundeservice", "visepresident for kundeserviceopplevelse", "sjef for kundeservice"],
        ],
      ]);
      expect(stages[0]?.cells.map((cell) => [cell.stage_label, cell.inferred])).toEqual([
        [null, true],
        ["Inngangsroller", false],
      ]);
    });

    it("marks the team lead on both ladders and the executive on its own", () => {
      const marked = (c.career?.stages ?? []).flatMap((s) =>
        s.cells.flatMap((cell) =>
          cell.positions.filter((p) => p.marks.length > 0).map((p) => [s.stage, cell.role, p.label, p.marks]),
        ),
      );
      expect(marked).toEqual([
        ["entry", CSE, "kundeserviceansvarlig", [CSE]],
        ["mid-level", TL, "Kundtjänstteamledare", [TL]],
        ["mid-level", CSE, "teamleder", [TL]],
      ]);
      expect(c.career?.placements).toEqual([
        {
          role: TL,
          found_on: [
            { ladder: TL, stage: "mid-level" },
            { ladder: CSE, stage: "mid-level" },
          ],
        },
        { role: CSE, found_on: [{ ladder: CSE, stage: "entry" }] },
      ]);
    });

    it("shares 7 of 13 skills: Jaccard 0.5385", () => {
      const summary = c.skills?.summary;
      expect(c.skills?.rows).toHaveLength(13);
      expect(summary?.shared).toEqual([
        "communication",
        "problem-solving",
        "empathy",
        "patience",
        "adaptability",
        "time-management",
        "technical-proficiency",
      ]);
      expect(summary?.per_role).toEqual([
        { role: TL, total: 10, distinct: ["analytical-skills", "leadership", "conflict-resolution"] },
        { role: CSE, total: 10, distinct: ["critical-thinking", "attention-to-detail", "teamwork"] },
      ]);
      expect(summary?.similarity.overall).toEqual({ intersection: 7, union: 13, score: 0.5385 });
      const empathy = c.skills?.rows.find((r) => r.skill === "empathy");
      expect(empathy?.cells).toEqual([
        { role: TL, labels: ["Empati"] },
        { role: CSE, labels: ["Empati"] },
      ]);
      const patience = c.skills?.rows.find((r) => r.skill === "patience");
      expect(patience?.cells.map((cell) => cell.labels)).toEqual([["Tålamod"], ["Tålmodighet"]]);
    });

    it("shares 13 of 31 tools: Jaccard 0.4194", () => {
      const summary = c.tools?.summary;
      expect(summary?.shared).toHaveLength(13);
      expect(summary?.per_role.map((r) => [r.total, r.distinct.length])).toEqual([
        [20, 7],
        [24, 11],
      ]);
      expect(summary?.per_role[0]?.distinct).toEqual([
        "groove",
        "kayako",
        "five9",
        "talkdesk",
        "power-bi",
        "moodle",
        "talentlms",
      ]);
      expect(summary?.similarity.overall).toEqual({ intersection: 13, union: 31, score: 0.4194 });
      expect(c.tools?.categories.map((g) => [g.category, g.rows.length])).toEqual([
        ["crm", 3],
        ["help-desk", 5],
        ["communication", 9],
        ["call-center", 2],
        ["knowledge-management", 3],
        ["analytics", 4],
        ["feedback-surveys", 3],
        ["training-lms", 2],
      ]);
    });
  });

  describe("four roles: team lead, executive, support manager, support team manager", () => {
    const c = compare(TL, CSE, CSM, CSTM);

    it("has five stage rows; only the executive's path has a specialist stage", () => {
      const stages = c.career?.stages ?? [];
      expect(stages.map((s) => [s.stage, s.cells.map((cell) => cell.positions.length)])).toEqual([
        ["entry", [1, 3, 2, 1]],
        ["mid-level", [2, 3, 2, 2]],
        ["specialist", [0, 3, 0, 0]],
        ["management", [1, 3, 0, 1]],
        ["senior-leadership", [2, 3, 3, 2]],
      ]);
    });

    it("marks each role wherever its position sits, on every ladder", () => {
      expect(c.career?.placements).toEqual([
        {
          role: TL,
          found_on: [
            { ladder: TL, stage: "mid-level" },
            { ladder: CSE, stage: "mid-level" },
            { ladder: CSM, stage: "mid-level" },
            { ladder: CSTM, stage: "mid-level" },
          ],
        },
        { role: CSE, found_on: [{ ladder: CSE, stage: "entry" }] },
        {
          role: CSM,
          found_on: [
            { ladder: CSE, stage: "management" },
            { ladder: CSM, stage: "senior-leadership" },
          ],
        },
        { role: CSTM, found_on: [{ ladder: CSTM, stage: "management" }] },
      ]);
      const supportManagerOnExecutiveLadder = c.career?.stages
        .find((s) => s.stage === "management")
        ?.cells[1]?.positions.find((p) => p.marks.length > 0);
      expect(supportManagerOnExecutiveLadder).toEqual({
        position: "customer-support-manager",
        label: "støtteleder",
        concept_label: "Customer Support Manager",
        marks: [CSM],
      });
    });

    it("shares 4 of 24 skills; each pair's Jaccard score is exact", () => {
      const summary = c.skills?.summary;
      expect(summary?.shared).toEqual([
        "communication",
        "problem-solving",
        "time-management",
        "technical-proficiency",
      ]);
      expect(summary?.per_role).toEqual([
        { role: TL, total: 10, distinct: [] },
        { role: CSE, total: 10, distinct: ["teamwork"] },
        // critical thinking is shared with the executive, team management with the team manager.
        { role: CSM, total: 11, distinct: [] },
        {
          role: CSTM,
          total: 19,
          distinct: [
            "presentation-skills",
            "decision-making",
            "strategic-thinking",
            "coaching-mentoring",
            "it-fundamentals",
            "customer-focus",
            "service-orientation",
          ],
        },
      ]);
      expect(summary?.similarity.overall).toEqual({ intersection: 4, union: 24, score: 0.1667 });
      expect(summary?.similarity.pairs).toEqual([
        { roles: [TL, CSE], intersection: 7, union: 13, score: 0.5385 },
        { roles: [TL, CSM], intersection: 6, union: 15, score: 0.4 },
        { roles: [TL, CSTM], intersection: 7, union: 22, score: 0.3182 },
        { roles: [CSE, CSM], intersection: 5, union: 16, score: 0.3125 },
        { roles: [CSE, CSTM], intersection: 6, union: 23, score: 0.2609 },
        { roles: [CSM, CSTM], intersection: 9, union: 21, score: 0.4286 },
      ]);
    });

    it("shares 6 of 35 tools", () => {
      const summary = c.tools?.summary;
      expect(summary?.shared).toEqual([
        "salesforce",
        "zendesk",
        "freshdesk",
        "guru",
        "confluence",
        "tableau",
      ]);
      expect(summary?.similarity.overall).toEqual({ intersection: 6, union: 35, score: 0.1714 });
      expect(summary?.similarity.pairs.find((p) => p.roles[0] === CSM && p.roles[1] === CSTM)).toEqual({
        roles: [CSM, CSTM],
        intersection: 7,
        union: 19,
        score: 0.3684,
      });
    });
  });
});
