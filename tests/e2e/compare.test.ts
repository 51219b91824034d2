import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { displayWidth, isPlainText, ROOT, runCli } from "../helpers/run-cli.js";

const TL = "customer-service-team-lead";
const CSE = "customer-service-executive";
const CSM = "customer-support-manager";
const CSTM = "customer-support-team-manager";
const CSOM = "customer-service-operations-manager";

const widest = (text: string) => Math.max(...text.split("\n").map(displayWidth));

/** Runs compare and expects success with nothing on stderr. */
function compare(args: string[], env: Record<string, string | undefined> = {}): string {
  const result = runCli(["compare", ...args], { env });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return result.stdout;
}

let extra: string;
const SIXTH = "team-lead-copy";

beforeAll(() => {
  // A sixth role, so that the maximum of six can be compared: a copy of the team lead.
  extra = mkdtempSync(join(tmpdir(), "csroles-compare-"));
  const text = readFileSync(join(ROOT, "data", "roles", `${TL}.md`), "utf8")
    .replace(/^id: .*$/m, `id: ${SIXTH}`)
    .replace(/^title: .*$/m, "title: Kopia av teamledaren")
    .replace(/^title_en: .*$/m, "title_en: Copy of the team lead");
  writeFileSync(join(extra, `${SIXTH}.md`), text);
});

afterAll(() => rmSync(extra, { recursive: true, force: true }));

describe("csroles compare: terminal table", () => {
  it("shows the roles, the aligned ladders with marks, skills, tools and the summaries", () => {
    const out = compare([TL, "CSE"], { COLUMNS: "100" });
    const lines = out.split("\n");
    expect(lines[0]).toBe("Roles");
    expect(out).toContain("│ Title         │ Kundtjänstteamledare       │ Kundeserviceansvarlig      │");
    expect(out).toContain("│ Language      │ Swedish (sv)               │ Norwegian Bokmål (nb)      │");
    expect(out).toContain("│ Level         │ Mid-level                  │ Entry level                │");
    expect(out).toContain(
      "│ Mid-level         │ Senior kundtjänstrepresentant        │ senior kundeserviceansvarlig          │",
    );
    expect(out).toContain(
      "│                   │ Kundtjänstteamledare ←1              │ teamleder ←1                          │",
    );
    expect(out).toContain(
      "│ Specialist        │                                      │ teknisk støtte                        │",
    );
    expect(out).toContain(
      "│ Patience              │ ✓ Tålamod                │ ✓ Tålmodighet                │",
    );
    expect(out).toContain(
      "Only in 1 Kundtjänstteamledare (3 of its 10): Analytical skills, Leadership, Conflict resolution",
    );
    expect(out).toContain("Jaccard similarity: 0.54 (7 of 13)");
    expect(out).toContain("Jaccard similarity: 0.42 (13 of 31)");
    expect(lines.filter((line) => line === "Tools by category")).toHaveLength(1);
    expect(isPlainText(out)).toBe(true);
  });

  it.each([
    ["two roles", [TL, CSE]],
    ["four roles", [TL, CSE, CSM, CSTM]],
    ["five roles", [TL, CSE, CSM, CSTM, CSOM]],
    ["six roles", [TL, CSE, CSM, CSTM, CSOM, SIXTH]],
  ])("%s: no line is wider than COLUMNS at 40, 60, 80, 120 and 200", (_, roles) => {
    for (const width of [40, 60, 80, 120, 200]) {
      const out = compare([...roles, "--data", extra], { COLUMNS: String(width) });
      expect(widest(out), `COLUMNS=${width}`).toBeLessThanOrEqual(width);
      expect(isPlainText(out)).toBe(true);
      expect(out).toContain("Jaccard similarity");
    }
  });

  it("switches to one block per stage when the roles do not fit side by side", () => {
    const out = compare([TL, CSE, CSM, CSTM, "--only", "career"], { COLUMNS: "60" });
    expect(out).not.toContain("│");
    expect(out).toContain(
      [
        "Management",
        "  1 Kundtjänstchef",
        "  2 kundeserviceleder",
        "    støtteleder ←3",
        "    kundesuksessleder",
        "  3 –",
      ].join("\n"),
    );
  });

  it("has no escape bytes with NO_COLOR, even when FORCE_COLOR asks for colour", () => {
    const coloured = compare([TL, CSE], { FORCE_COLOR: "1" });
    expect(coloured).toContain("\u001b[");
    expect(isPlainText(compare([TL, CSE], { FORCE_COLOR: "1", NO_COLOR: "1" }))).toBe(true);
    expect(isPlainText(compare([TL, CSE, "--no-color"], { FORCE_COLOR: "1" }))).toBe(true);
  });

  it("names positions as each profile writes them, or in the --lang language", () => {
    const written = compare([TL, CSE, "--only", "career"], { COLUMNS: "120" });
    expect(written).toContain("teamleder ←1");
    const swedish = compare([TL, CSE, "--only", "career", "--lang", "sv"], { COLUMNS: "120" });
    expect(swedish).toContain("│ Mellannivå");
    expect(swedish).toContain("Teamledare ←1");
    expect(swedish).not.toContain("teamleder ←1");
    // --lang before the command counts too, and so does CSROLES_LANG.
    expect(compare([TL, CSE, "--only", "career"], { COLUMNS: "120", CSROLES_LANG: "da" })).toContain(
      "Teamleder ←1",
    );
    // A locale only sets the labels of stages and skills; positions stay as written.
    const locale = compare([TL, CSE, "--only", "career"], { COLUMNS: "120", LANG: "fi_FI.UTF-8" });
    expect(locale).toContain("│ Keskitaso");
    expect(locale).toContain("teamleder ←1");
    const globalFlag = runCli(["--lang", "en", "compare", TL, CSE, "--only", "career"], {
      env: { COLUMNS: "120" },
    });
    expect(globalFlag.stdout).toContain("Team Lead ←1");
  });

  it("shows only the sections asked for with --only, always after the role header", () => {
    const lines = compare([TL, CSE, "--only", "tools", "--only", "skills"]).split("\n");
    const at = (heading: string) => lines.indexOf(heading);
    expect(at("Roles")).toBe(0);
    expect(at("Career path")).toBe(-1);
    expect(at("Skills")).toBeGreaterThan(0);
    expect(at("Tools by category")).toBeGreaterThan(at("Skills"));
  });
});

describe("csroles compare --json", () => {
  it("prints the documented shape, field by field", () => {
    const json = JSON.parse(compare([TL, "CSE", "--json"])) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["label_lang", "sections", "roles", "career", "skills", "tools"]);
    expect(json.label_lang).toBe("en");
    expect(json.sections).toEqual(["career", "skills", "tools"]);
    const roles = json.roles as Record<string, unknown>[];
    expect(roles).toHaveLength(2);
    expect(roles[0]).toEqual({
      column: 1,
      id: TL,
      title: "Kundtjänstteamledare",
      title_en: "Customer Service Team Lead",
      lang: "sv",
      level: "mid-level",
      level_label: "Mid-level",
      position: "team-lead",
      position_label: "Team Lead",
    });
    expect(roles[1]?.id).toBe(CSE);
    expect(roles[1]?.column).toBe(2);

    const career = json.career as {
      stages: { stage: string; label: string; cells: Record<string, unknown>[] }[];
      placements: unknown[];
    };
    expect(career.stages.map((s) => s.stage)).toEqual([
      "entry",
      "mid-level",
      "specialist",
      "management",
      "senior-leadership",
    ]);
    const mid = career.stages[1];
    expect(mid?.label).toBe("Mid-level");
    expect(mid?.cells[1]).toEqual({
      role: CSE,
      stage_label: "Mellomnivåroller",
      inferred: false,
      positions: [
        {
          position: "senior-customer-service-executive",
          label: "senior kundeserviceansvarlig",
          concept_label: "Senior Customer Service Executive",
          marks: [],
        },
        { position: "team-lead", label: "teamleder", concept_label: "Team Lead", marks: [TL] },
        { position: "supervisor", label: "veileder", concept_label: "Supervisor", marks: [] },
      ],
    });
    expect(career.stages[2]?.cells[0]).toEqual({
      role: TL,
      stage_label: null,
      inferred: false,
      positions: [],
    });
    expect(career.placements).toEqual([
      {
        role: TL,
        found_on: [
          { ladder: TL, stage: "mid-level" },
          { ladder: CSE, stage: "mid-level" },
        ],
      },
      { role: CSE, found_on: [{ ladder: CSE, stage: "entry" }] },
    ]);

    const skills = json.skills as {
      rows: { skill: string; label: string; cells: unknown[] }[];
      summary: Record<string, unknown>;
    };
    expect(skills.rows).toHaveLength(13);
    expect(skills.rows[0]).toEqual({
      skill: "communication",
      label: "Communication",
      cells: [
        { role: TL, labels: ["Kommunikation"] },
        { role: CSE, labels: ["Kommunikasjonsferdigheter"] },
      ],
    });
    expect(skills.summary.shared).toHaveLength(7);
    expect(skills.summary.per_role).toEqual([
      { role: TL, total: 10, distinct: ["analytical-skills", "leadership", "conflict-resolution"] },
      { role: CSE, total: 10, distinct: ["critical-thinking", "attention-to-detail", "teamwork"] },
    ]);
    expect(skills.summary.similarity).toEqual({
      measure: "jaccard",
      overall: { intersection: 7, union: 13, score: 0.5385 },
      pairs: [{ roles: [TL, CSE], intersection: 7, union: 13, score: 0.5385 }],
    });

    const tools = json.tools as {
      categories: {
        category: string;
        label: string;
        rows: { tool: string; label: string; cells: unknown[] }[];
      }[];
      summary: { similarity: { overall: unknown } };
    };
    expect(tools.categories[0]?.category).toBe("crm");
    expect(tools.categories[0]?.label).toBe("Customer relationship management (CRM)");
    expect(tools.categories[0]?.rows[0]).toEqual({
      tool: "salesforce",
      label: "Salesforce",
      cells: [
        { role: TL, names: ["Salesforce"] },
        { role: CSE, names: ["Salesforce"] },
      ],
    });
    expect(tools.summary.similarity.overall).toEqual({ intersection: 13, union: 31, score: 0.4194 });
  });

  it("gives every pair for four roles, in command-line order", () => {
    const json = JSON.parse(compare([TL, CSE, CSM, CSTM, "--format", "json", "--only", "skills"])) as {
      sections: string[];
      career?: unknown;
      skills: { summary: { similarity: { overall: unknown; pairs: { roles: string[]; score: number }[] } } };
    };
    expect(json.sections).toEqual(["skills"]);
    expect(json.career).toBeUndefined();
    expect(json.skills.summary.similarity.overall).toEqual({ intersection: 4, union: 24, score: 0.1667 });
    expect(json.skills.summary.similarity.pairs.map((p) => [p.roles.join(" "), p.score])).toEqual([
      [`${TL} ${CSE}`, 0.5385],
      [`${TL} ${CSM}`, 0.4],
      [`${TL} ${CSTM}`, 0.3182],
      [`${CSE} ${CSM}`, 0.3125],
      [`${CSE} ${CSTM}`, 0.2609],
      [`${CSM} ${CSTM}`, 0.4286],
    ]);
  });

  it("labels concepts in the --lang language", () => {
    const json = JSON.parse(compare([TL, CSE, "--json", "--lang", "fi", "--only", "career"])) as {
      label_lang: string;
      career: { stages: { label: string; cells: { positions: { concept_label: string }[] }[] }[] };
    };
    expect(json.label_lang).toBe("fi");
    expect(json.career.stages.map((s) => s.label)).toEqual([
      "Aloitustaso",
      "Keskitaso",
      "Asiantuntija",
      "Johtotaso",
      "Ylin johto",
    ]);
    expect(json.career.stages[1]?.cells[0]?.positions.map((p) => p.concept_label)).toEqual([
      "Vanhempi asiakaspalveluedustaja",
      "Tiiminvetäjä",
    ]);
  });
});

describe("csroles compare --csv", () => {
  it("reads back with a CSV parser: one table, a leading section column, a column per role", () => {
    const out = compare([TL, CSE, "--csv"]);
    expect(out.endsWith("\r\n")).toBe(true);
    const records = parse(out, { record_delimiter: "\r\n" }) as string[][];
    expect(records[0]).toEqual(["section", "category", "id", "label", TL, CSE]);
    expect(records.every((r) => r.length === 6)).toBe(true);
    const sections = [...new Set(records.slice(1).map((r) => r[0]))];
    expect(sections).toEqual([
      "role",
      "career",
      "skills",
      "skills-summary",
      "skills-similarity",
      "tools",
      "tools-summary",
      "tools-similarity",
    ]);
    const find = (section: string, id: string) => records.find((r) => r[0] === section && r[2] === id);
    expect(find("role", "title")).toEqual([
      "role",
      "",
      "title",
      "Title",
      "Kundtjänstteamledare",
      "Kundeserviceansvarlig",
    ]);
    expect(find("career", "mid-level")).toEqual([
      "career",
      "",
      "mid-level",
      "Mid-level",
      "Senior kundtjänstrepresentant; Kundtjänstteamledare ←1",
      "senior kundeserviceansvarlig; teamleder ←1; veileder",
    ]);
    expect(find("career", "specialist")?.[4]).toBe("");
    expect(find("skills", "patience")).toEqual([
      "skills",
      "",
      "patience",
      "Patience",
      "Tålamod",
      "Tålmodighet",
    ]);
    expect(find("skills", "teamwork")).toEqual(["skills", "", "teamwork", "Teamwork", "", "Teamarbeid"]);
    expect(find("skills-summary", "total")?.slice(4)).toEqual(["10", "10"]);
    expect(find("skills-summary", "shared")?.slice(4)).toEqual(["7", "7"]);
    expect(find("skills-summary", "distinct")?.slice(4)).toEqual(["3", "3"]);
    expect(find("skills-similarity", CSE)?.slice(4)).toEqual(["0.5385", "1"]);
    expect(find("skills-similarity", "all")?.slice(4)).toEqual(["0.5385", "0.5385"]);
    expect(find("tools", "email")).toEqual(["tools", "communication", "email", "Email", "E-post", "e-post"]);
    expect(find("tools-similarity", "all")?.slice(4)).toEqual(["0.4194", "0.4194"]);
  });
});

describe("csroles compare --markdown", () => {
  it("prints a Markdown report: headings, tables, summaries as lists", () => {
    const out = compare([TL, CSE, "--markdown"]);
    const lines = out.split("\n");
    expect(lines.filter((l) => l.startsWith("## "))).toEqual([
      "## Roles",
      "## Career path",
      "## Skills",
      "## Tools by category",
    ]);
    expect(lines).toContain("| Stage | 1 Kundtjänstteamledare | 2 Kundeserviceansvarlig |");
    expect(lines).toContain(
      "| Entry level | Kundtjänstrepresentant | kundeservicerepresentant<br>støtteagent<br>kundeserviceansvarlig ←2 |",
    );
    expect(lines).toContain("| Empathy | ✓ Empati | ✓ Empati |");
    expect(lines).toContain("- Jaccard similarity: 0.54 (7 of 13)");
    // Every table row has the same number of cells as its header.
    const tableRows = lines.filter((l) => l.startsWith("| Stage") || l.startsWith("| Entry level"));
    expect(tableRows.map((l) => l.split(" | ").length)).toEqual([3, 3]);
  });
});

describe("csroles compare: errors", () => {
  it.each([
    {
      name: "one role",
      args: ["CSE"],
      message: "csroles: compare needs at least 2 roles, got one",
    },
    {
      name: "the same role twice",
      args: ["CSE", "CSE"],
      message: 'csroles: the role "CSE" is given twice',
    },
    {
      name: "two names of the same role",
      args: ["kundeserviceansvarlig", CSE],
      message: `csroles: "kundeserviceansvarlig" and "${CSE}" are the same role (${CSE})`,
    },
    {
      name: "an unknown role",
      args: [TL, "kundtjanstteamledar"],
      message: 'csroles: unknown role "kundtjanstteamledar"',
      hint: /^hint: did you mean customer-service-team-lead\b/,
    },
    {
      name: "more than six roles",
      args: [TL, CSE, CSM, CSTM, CSOM, "x", "y"],
      message: "csroles: compare takes at most 6 roles, got 7",
    },
    {
      name: "an unknown format",
      args: [TL, CSE, "--format", "yaml"],
      message: "csroles: unknown format 'yaml' for this command",
    },
    {
      name: "two formats",
      args: [TL, CSE, "--json", "--csv"],
      message: "csroles: choose one output format, not json and csv",
    },
    {
      name: "an unknown --only section",
      args: [TL, CSE, "--only", "salary"],
      message: "csroles: unknown section 'salary' for --only",
    },
  ])("$name: exit 2, one line and a hint on stderr", ({ args, message, hint }) => {
    const result = runCli(["compare", ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(message);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(hint ?? /^hint: /);
  });

  it("no role at all: exit 2", () => {
    const result = runCli(["compare"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")[0]).toBe("csroles: missing required argument 'roles'");
  });
});

describe("csroles compare: large profiles", () => {
  // Two valid profiles at the limits (300 tools with long names) once took minutes in cli-table3's
  // per-line debug truncation (tables are drawn by src/render/draw-grid.ts now); the timeout only
  // guards against a hang, speed is the benchmark's.
  const dir = mkdtempSync(join(tmpdir(), "csroles-compare-large-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("compares two profiles with 300 long tool names each", { timeout: 120_000 }, () => {
    const valid = readFileSync(join(ROOT, "tests/fixtures/profiles/valid/support-agent.md"), "utf8");
    const [head = "", body = ""] = valid.split("tools:\n");
    const rest = body.slice(body.indexOf("career_path:"));
    for (const n of [1, 2]) {
      const tools = Array.from(
        { length: 300 },
        (_, i) =>
          `  - tool: zendesk\n    name: ${"Zendesk Suite Enterprise Edition ".repeat(3)}${n}-${i}\n    category: help-desk\n    heading: Helpdesk\n`,
      ).join("");
      writeFileSync(
        join(dir, `big-${n}.md`),
        `${head.replace("id: support-agent", `id: big-${n}`)}tools:\n${tools}${rest}`,
      );
    }
    const result = runCli(["compare", "big-1", "big-2", "--only", "tools", "--data", dir], {
      timeout: 110_000,
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("1-299");
    expect(result.stdout).toContain("2-299");
    expect(widest(result.stdout)).toBeLessThanOrEqual(80);
  });
});
