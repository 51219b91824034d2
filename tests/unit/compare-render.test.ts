import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { compareRoles } from "../../src/core/compare/compare-roles.js";
import type { Comparison } from "../../src/core/compare/types.js";
import type { Profile } from "../../src/core/profile.js";
import type { VocabularyIndex } from "../../src/core/vocabulary.js";
import { loadLibrary } from "../../src/io/load-library.js";
import { renderCompareCsv } from "../../src/render/compare-csv.js";
import { renderCompareMarkdown } from "../../src/render/compare-markdown.js";
import { renderCompareTable } from "../../src/render/compare-table.js";
import { displayWidth, isPlainText, ROOT } from "../helpers/run-cli.js";
import { everyProfile, testProfile, testVocabulary } from "../helpers/test-data.js";

// Loading without a cache parses every file: import the parser first.
// Coloured output is tested too: import chalk as the entry point would.

const labels = (en: string) => ({ en, da: `${en} da`, sv: `${en} sv`, nb: `${en} nb`, fi: `${en} fi` });
const concepts = (...ids: string[]) => ids.map((id) => ({ id, labels: labels(id), aliases: [] }));

function tinyVocabulary(): VocabularyIndex {
  return testVocabulary({
    skills: concepts("talking", "listening", "leading"),
    toolCategories: concepts("crm", "chat"),
    stages: concepts("entry", "mid-level", "management"),
    positions: concepts("agent", "lead", "manager"),
    levels: concepts("entry", "management"),
    tools: [
      { id: "crmx", name: "CrmX", category: "crm", labels: labels("CrmX"), aliases: [] },
      { id: "chatty", name: "Chatty", category: "chat", labels: labels("Chatty"), aliases: [] },
    ],
  });
}

const profile = (id: string, fields: Partial<Profile>): Profile =>
  testProfile(id, { title: id, title_en: id, ...fields });

const tiny = tinyVocabulary();
const agent = profile("agent", {
  title: "Kundagent",
  title_en: "Customer Agent",
  position: "agent",
  career_path: [
    { stage: "entry", label: "Början", positions: [{ position: "agent", label: "Kundagent" }] },
    { stage: "management", label: "Ledning", positions: [{ position: "manager", label: "Chef" }] },
  ],
  skills: [
    { skill: "talking", label: "Prata" },
    { skill: "listening", label: "Lyssna" },
  ],
  tools: [{ tool: "crmx", name: "CRM-X", category: "crm", heading: "CRM" }],
});
const lead = profile("lead", {
  title: "Tiiminvetäjä",
  title_en: "Team Lead",
  lang: "fi",
  level: "management",
  position: "lead",
  career_path: [
    { stage: "entry", label: "Alku", positions: [{ position: "agent", label: "agentti" }] },
    { stage: "mid-level", label: "Keskitaso", positions: [{ position: "lead", label: "tiiminvetäjä" }] },
  ],
  skills: [
    { skill: "talking", label: "puhua" },
    { skill: "leading", label: "johtaa" },
  ],
  tools: [
    { tool: "crmx", name: "CrmX", category: "crm", heading: "CRM" },
    { tool: "chatty", name: "Chatty", category: "chat", heading: "Chat" },
  ],
});
const fixture = compareRoles([agent, lead], tiny, { labelLang: "en" });
const plain = (width: number) => ({ width, color: false });

describe("renderCompareTable on fixtures", () => {
  it("draws one table per section when the roles fit side by side", () => {
    expect(renderCompareTable(fixture, plain(80), "written")).toMatchSnapshot();
  });

  it("switches to one block per row when they do not", () => {
    const wide = compareRoles(
      [
        { ...agent, title: "Kundagentsrepresentantsassistent" },
        { ...lead, title: "Asiakastukitiimiesihenkilöassistentti" },
      ],
      tiny,
      { labelLang: "en" },
    );
    expect(renderCompareTable(wide, plain(40), "written")).toMatchSnapshot();
  });

  it("names positions by their shared concept label when asked", () => {
    const text = renderCompareTable(fixture, plain(80), "concept");
    expect(text).toContain("│ entry      │ agent ←1    │ agent ←1       │");
    expect(text).toContain("│ management │ manager     │                │");
    expect(text).not.toContain("Kundagent ←1");
  });

  it("colours only when colour is on", () => {
    for (const width of [40, 80]) {
      expect(renderCompareTable(fixture, { width, color: true }, "written")).toContain("\u001b[");
      expect(isPlainText(renderCompareTable(fixture, plain(width), "written"))).toBe(true);
    }
  });

  it("neutralises control characters from profile text", () => {
    const hostile = compareRoles([{ ...agent, title: "Agent\u001b[31mRED\u0007" }, lead], tiny, {
      labelLang: "en",
    });
    for (const width of [40, 80]) {
      const text = renderCompareTable(hostile, plain(width), "written");
      expect(isPlainText(text)).toBe(true);
      expect(text).toContain("Agent␛[31mRED␇");
    }
    expect(isPlainText(renderCompareMarkdown(hostile, "written"))).toBe(true);
    expect(isPlainText(renderCompareCsv(hostile, "written").replace(/\r\n/g, "\n"))).toBe(true);
  });
});

describe("renderCompareMarkdown", () => {
  it("renders a heading and a table per section, several positions joined with <br>", () => {
    expect(renderCompareMarkdown(fixture, "written")).toBe(
      [
        "## Roles",
        "",
        "|  | 1 | 2 |",
        "| --- | --- | --- |",
        "| Title | Kundagent | Tiiminvetäjä |",
        "| English title | Customer Agent | Team Lead |",
        "| Language | Swedish (sv) | Finnish (fi) |",
        "| Level | entry | management |",
        "| ID | agent | lead |",
        "",
        "## Career path",
        "",
        "←n marks role n's own position, on every ladder where it appears.",
        "",
        "| Stage | 1 Kundagent | 2 Tiiminvetäjä |",
        "| --- | --- | --- |",
        "| entry | Kundagent ←1 | agentti ←1 |",
        "| mid-level |  | tiiminvetäjä ←2 |",
        "| management | Chef |  |",
        "",
        "## Skills",
        "",
        "| Skill | 1 Kundagent | 2 Tiiminvetäjä |",
        "| --- | --- | --- |",
        "| talking | ✓ Prata | ✓ puhua |",
        "| listening | ✓ Lyssna |  |",
        "| leading |  | ✓ johtaa |",
        "",
        "- In every role: 1 of 3",
        "- Only in 1 Kundagent (1 of its 2): listening",
        "- Only in 2 Tiiminvetäjä (1 of its 2): leading",
        "- Jaccard similarity: 0.33 (1 of 3)",
        "",
        "## Tools by category",
        "",
        "| Category | Tool | 1 Kundagent | 2 Tiiminvetäjä |",
        "| --- | --- | --- | --- |",
        "| crm | CrmX | ✓ CRM-X | ✓ CrmX |",
        "| chat | Chatty |  | ✓ Chatty |",
        "",
        "- In every role: 1 of 2",
        "- Only in 1 Kundagent (0 of its 1): none",
        "- Only in 2 Tiiminvetäjä (1 of its 2): Chatty",
        "- Jaccard similarity: 0.50 (1 of 2)",
        "",
        "Jaccard similarity = concepts in every role ÷ concepts in any role (0 none shared, 1 identical).",
        "",
      ].join("\n"),
    );
  });

  it("escapes Markdown in profile text, and joins a cell's positions with <br>", () => {
    const two = compareRoles(
      [
        {
          ...agent,
          career_path: [
            {
              stage: "entry",
              label: "x",
              positions: [
                { position: "agent", label: "A|B *star*" },
                { position: "manager", label: "<b>C</b>" },
              ],
            },
          ],
        },
        lead,
      ],
      tiny,
      { labelLang: "en", sections: ["career"] },
    );
    expect(renderCompareMarkdown(two, "written")).toContain(
      "| entry | A\\|B \\*star\\* ←1<br>\\<b\\>C\\</b\\> | agentti ←1 |",
    );
  });
});

describe("renderCompareCsv", () => {
  it("is one table with a leading section column, read back by a real CSV parser", () => {
    const records = parse(renderCompareCsv(fixture, "written"), { record_delimiter: "\r\n" }) as string[][];
    expect(records).toEqual([
      ["section", "category", "id", "label", "agent", "lead"],
      ["role", "", "title", "Title", "Kundagent", "Tiiminvetäjä"],
      ["role", "", "title_en", "English title", "Customer Agent", "Team Lead"],
      ["role", "", "lang", "Language", "sv", "fi"],
      ["role", "", "level", "Level", "entry", "management"],
      ["role", "", "position", "Position", "agent", "lead"],
      ["career", "", "entry", "entry", "Kundagent ←1", "agentti ←1"],
      ["career", "", "mid-level", "mid-level", "", "tiiminvetäjä ←2"],
      ["career", "", "management", "management", "Chef", ""],
      ["skills", "", "talking", "talking", "Prata", "puhua"],
      ["skills", "", "listening", "listening", "Lyssna", ""],
      ["skills", "", "leading", "leading", "", "johtaa"],
      ["skills-summary", "", "total", "In this role", "2", "2"],
      ["skills-summary", "", "shared", "In every role", "1", "1"],
      ["skills-summary", "", "distinct", "Only in this role", "1", "1"],
      ["skills-similarity", "", "agent", "Jaccard similarity with Kundagent", "1", "0.3333"],
      ["skills-similarity", "", "lead", "Jaccard similarity with Tiiminvetäjä", "0.3333", "1"],
      ["skills-similarity", "", "all", "Jaccard similarity of all roles", "0.3333", "0.3333"],
      ["tools", "crm", "crmx", "CrmX", "CRM-X", "CrmX"],
      ["tools", "chat", "chatty", "Chatty", "", "Chatty"],
      ["tools-summary", "", "total", "In this role", "1", "2"],
      ["tools-summary", "", "shared", "In every role", "1", "1"],
      ["tools-summary", "", "distinct", "Only in this role", "0", "1"],
      ["tools-similarity", "", "agent", "Jaccard similarity with Kundagent", "1", "0.5"],
      ["tools-similarity", "", "lead", "Jaccard similarity with Tiiminvetäjä", "0.5", "1"],
      ["tools-similarity", "", "all", "Jaccard similarity of all roles", "0.5", "0.5"],
    ]);
  });

  it("keeps only the role rows and the sections asked for, names following --lang", () => {
    const career = compareRoles([agent, lead], tiny, { labelLang: "sv", sections: ["career"] });
    const records = parse(renderCompareCsv(career, "concept"), { record_delimiter: "\r\n" }) as string[][];
    expect(records.map((r) => r[0])).toEqual([
      "section",
      "role",
      "role",
      "role",
      "role",
      "role",
      "career",
      "career",
      "career",
    ]);
    expect(records[6]).toEqual(["career", "", "entry", "entry sv", "agent sv ←1", "agent sv ←1"]);
  });
});

describe("compare output fits the terminal", () => {
  const library = loadLibrary({ dataDir: join(ROOT, "data"), extraDirs: [] });
  const profiles = everyProfile(library).map((p) => p.profile);
  const pick = (...ids: string[]) =>
    ids.map((id) => {
      const found = profiles.find((p) => p.id === id);
      if (!found) throw new Error(`no profile ${id}`);
      return found;
    });
  const FOUR = [
    "customer-service-team-lead",
    "customer-service-executive",
    "customer-support-manager",
    "customer-support-team-manager",
  ];
  // A sixth role: a copy with long unbreakable words, to fill the maximum of six columns.
  const [base] = pick("customer-service-executive");
  if (!base) throw new Error("no base profile");
  const sixth: Profile = {
    ...base,
    id: "copy-role",
    title: "Kundeservicerepræsentantassistentvikarstillingsindehaver",
    career_path: [
      {
        stage: "entry",
        label: "x",
        positions: [{ position: base.position, label: "https://example.com/an/overly/long/position-name" }],
      },
    ],
  };
  const cases: [string, Comparison][] = [
    ["2 roles", compareRoles(pick(...FOUR.slice(0, 2)), library.vocabulary, { labelLang: "en" })],
    ["4 roles", compareRoles(pick(...FOUR), library.vocabulary, { labelLang: "en" })],
    [
      "6 roles",
      compareRoles([...pick(...FOUR, "customer-service-operations-manager"), sixth], library.vocabulary, {
        labelLang: "fi",
      }),
    ],
  ];

  const widest = (text: string) => Math.max(...text.split("\n").map(displayWidth));

  it.each(cases)("%s: no line wider than 40, 60, 80, 120 or 200 columns, in any variant", (_, comparison) => {
    for (const width of [40, 60, 80, 120, 200]) {
      for (const color of [false, true]) {
        for (const names of ["written", "concept"] as const) {
          const text = renderCompareTable(comparison, { width, color }, names);
          expect(widest(text), `width ${width}, colour ${color}, ${names}`).toBeLessThanOrEqual(width);
          expect(isPlainText(text)).toBe(!color);
        }
      }
    }
  });

  // Every width, not just the round ones: layouts switch at widths that depend on the data. The
  // career section alone keeps this quick; the other sections go through the same layout code.
  it.each(cases)(
    "%s: no career line wider than the terminal at every width from 40 to 200",
    (_, comparison) => {
      const career: Comparison = { ...comparison, sections: ["career"], skills: undefined, tools: undefined };
      const over: string[] = [];
      for (let width = 40; width <= 200; width++) {
        const found = widest(renderCompareTable(career, plain(width), "written"));
        if (found > width) over.push(`${found} at ${width}`);
      }
      expect(over).toEqual([]);
    },
  );

  it("puts four roles side by side at 120 columns and in blocks at 60", () => {
    const four = compareRoles(pick(...FOUR), library.vocabulary, { labelLang: "en", sections: ["career"] });
    const at = (width: number) => renderCompareTable(four, plain(width), "written").split("\n");
    expect(at(120)).toContain(
      "│ Stage      │ 1 Kundtjänstteamledare │ 2 Kundeserviceansvarlig  │ 3 Kundesupportchef       │ 4 Asiakastukitiimin      │",
    );
    const narrow = at(60);
    expect(narrow).toContain("Entry level");
    expect(narrow.some((line) => line.includes("│"))).toBe(false);
  });

  it("reads as one block per stage for four roles at 60 columns", () => {
    const four = compareRoles(pick(...FOUR), library.vocabulary, { labelLang: "en", sections: ["career"] });
    expect(renderCompareTable(four, plain(60), "written")).toMatchSnapshot();
  });

  it("draws the career table of two real roles at 80 columns", () => {
    const two = compareRoles(pick(...FOUR.slice(0, 2)), library.vocabulary, {
      labelLang: "en",
      sections: ["career"],
    });
    expect(renderCompareTable(two, plain(80), "written")).toMatchSnapshot();
  });
});
