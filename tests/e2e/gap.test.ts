import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { TransitionBrief } from "../../src/core/career/transition-brief.js";
import type { Profile } from "../../src/core/profile.js";
import { CAREER_FIXTURES, json, laddersListing, libraryProfiles, ok, widest } from "../helpers/career-cli.js";
import { isPlainText, runCli } from "../helpers/run-cli.js";

const CSE = "customer-service-executive";
const CSOM = "customer-service-operations-manager";
const CSM = "customer-support-manager";
const DATA = ["--data", CAREER_FIXTURES];

const ids = (items: { skill?: string; tool?: string }[]) => items.map((i) => i.skill ?? i.tool).sort();
const builtIn = libraryProfiles();
const profile = (id: string) => builtIn.find((p) => p.id === id) as Profile;

describe("csroles gap: the JSON contract", () => {
  const brief = json<TransitionBrief>(["gap", "chat-agent", "chat-coach", ...DATA]);

  it("has the documented fields, and each end its profile id, position and label", () => {
    expect(Object.keys(brief)).toEqual([
      "label_lang",
      "from",
      "to",
      "path",
      "skills",
      "tools",
      "responsibilities",
      "growth",
      "sources",
    ]);
    expect(brief.from).toMatchObject({ id: "chat-agent", position: "support-agent", label: "Support Agent" });
    expect(brief.to).toMatchObject({
      id: "chat-coach",
      position: "quality-assurance-specialist",
      unknown: [],
    });
    expect(Object.keys(brief.skills)).toEqual(["gain", "shared"]);
    expect(Object.keys(brief.tools)).toEqual(["gain", "shared"]);
    expect(Object.keys(brief.responsibilities)).toEqual(["gain"]);
  });

  it("splits the target's skills and tools by concept, with the target's own words and notes", () => {
    expect(ids(brief.skills.gain)).toEqual(["data-analysis", "leadership"]);
    expect(ids(brief.skills.shared)).toEqual(["communication", "empathy"]);
    expect(brief.skills.gain.find((s) => s.skill === "leadership")).toMatchObject({
      label: "Lederskab",
      note: "Gå forrest for chatteamet.",
    });
    expect(brief.skills.shared.find((s) => s.skill === "communication")?.from_labels).toEqual(["Viestintä"]);
    expect(brief.tools.gain.map((t) => [t.tool, t.category, t.note])).toEqual([
      ["tableau", "analytics", "Ugentlige kvalitetsrapporter."],
    ]);
    expect(ids(brief.tools.shared)).toEqual(["zendesk"]);
    expect(brief.responsibilities.gain.map((r) => r.area)).toEqual(["Kvalitet", "Træning"]);
    expect(brief.growth.text).toBe("Certificering i kvalitetssikring styrker karrieren.");
  });

  it("gives the path from the ladders that contain it, and the sources behind every part", () => {
    expect(brief.path).toEqual([
      {
        stage: "entry",
        label: "Entry level",
        positions: [
          { position: "support-agent", label: "Support Agent", roles: ["chat-agent", "chat-coach"] },
        ],
      },
      {
        stage: "mid-level",
        label: "Mid-level",
        positions: [
          {
            position: "quality-assurance-specialist",
            label: "Quality Assurance Specialist",
            roles: ["chat-agent", "chat-coach"],
          },
        ],
      },
    ]);
    const sources = Object.fromEntries(brief.sources.map((s) => [s.role, s]));
    expect(sources["chat-agent"]?.parts).toEqual(["path", "skills", "tools"]);
    expect(sources["chat-coach"]).toMatchObject({
      file: join(CAREER_FIXTURES, "chat-coach.md"),
      source: { file: "fixture-seed.txt", publisher: "Test fixture", date: "2026-01-03" },
      parts: ["path", "skills", "tools", "responsibilities", "growth"],
    });
  });

  it("never lists a skill or tool both roles have as to gain (built-in roles, expectations from show --json)", () => {
    for (const [from, to] of [
      [CSE, CSOM],
      [CSE, CSM],
      [CSOM, CSE],
    ] as const) {
      const gap = json<TransitionBrief>(["gap", from, to]);
      const has = new Set(profile(from).skills.map((s) => s.skill));
      const wants = new Set(profile(to).skills.map((s) => s.skill));
      expect(ids(gap.skills.shared)).toEqual([...wants].filter((s) => has.has(s)).sort());
      expect(ids(gap.skills.gain)).toEqual([...wants].filter((s) => !has.has(s)).sort());
      const tools = new Set(profile(from).tools.map((t) => t.tool));
      for (const tool of gap.tools.gain) expect(tools.has(tool.tool)).toBe(false);
      for (const tool of gap.tools.shared) expect(tools.has(tool.tool)).toBe(true);
    }
  });
});

describe("csroles gap: positions", () => {
  it("takes a position by id or by its label in each language, and says what is unknown", () => {
    const { labels } = json<{ labels: Record<string, string> }>(["show", "support-agent"]);
    expect(Object.keys(labels)).toEqual(["en", "da", "sv", "nb", "fi"]);
    for (const name of ["support-agent", "SUPPORT-AGENT", ...Object.values(labels)]) {
      const gap = json<TransitionBrief>(["gap", name, CSM]);
      expect(gap.from).toMatchObject({ id: null, position: "support-agent", title: null });
      expect(gap.from.unknown).toEqual(["skills", "tools", "responsibilities", "growth"]);
      expect(gap.from.listed_on.map((l) => l.role)).toEqual(laddersListing(builtIn, "support-agent"));
      expect(ids(gap.skills.gain)).toEqual(ids(profile(CSM).skills));
    }
    const text = ok(["gap", "støtteagent", CSM], { COLUMNS: "300" });
    expect(text).toContain("No full profile exists for Support Agent (support-agent).");
  });

  it("treats a position that no ladder lists as an unknown name", () => {
    // Every built-in ladder that lists support-agent is replaced by one that does not.
    const folder = mkdtempSync(join(tmpdir(), "csroles-gap-"));
    const template = readFileSync(join(CAREER_FIXTURES, "chat-coach.md"), "utf8");
    for (const id of laddersListing(builtIn, "support-agent"))
      writeFileSync(
        join(folder, `${id}.md`),
        template
          .replace("id: chat-coach", `id: ${id}`)
          .replace("position: support-agent", "position: customer-service-representative"),
      );
    try {
      for (const args of [
        ["gap", "support-agent", CSM],
        ["show", "support-agent"],
      ]) {
        const result = runCli([...args, "--data", folder]);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/^csroles: unknown role( or position)? "support-agent"\n/);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("goes through a position that a --data folder's ladders add", () => {
    const without = json<TransitionBrief>(["gap", CSE, "customer-support-team-manager"]);
    const withData = json<TransitionBrief>(["gap", "chat-agent", "customer-support-team-manager", ...DATA]);
    const onPath = (b: TransitionBrief) => b.path.flatMap((s) => s.positions.map((p) => p.position));
    expect(onPath(without)).not.toContain("quality-assurance-specialist");
    const added = withData.path
      .flatMap((s) => s.positions)
      .find((p) => p.position === "quality-assurance-specialist");
    expect(added?.roles).toContain("chat-coach");
  });
});

describe("csroles gap: text and Markdown", () => {
  const HEADINGS = [
    "Path",
    "Skills to gain",
    "Skills to build on",
    "Tools to learn",
    "Tools already known",
    "Responsibilities to take on",
    "Growth",
    "Sources",
  ];

  it("prints every part in order, fitting the width, without escapes unless colour is asked for", () => {
    for (const width of [40, 80, 120]) {
      const text = ok(["gap", CSE, CSOM], { COLUMNS: String(width) });
      expect(widest(text)).toBeLessThanOrEqual(width);
      expect(isPlainText(text)).toBe(true);
      const at = HEADINGS.map((h) => text.split("\n").findIndex((line) => line.startsWith(h)));
      expect(at.every((index, i) => index > (at[i - 1] ?? 0))).toBe(true);
    }
    expect(ok(["gap", CSE, CSOM, "--color"])).toContain("\u001b[");
    expect(ok(["gap", CSE, CSOM], { FORCE_COLOR: "1", NO_COLOR: "1" })).not.toContain("\u001b[");
  });

  it("--markdown is a handout with a heading per part; --format markdown is the same", () => {
    const md = ok(["gap", "chat-agent", "chat-coach", "--markdown", ...DATA]);
    expect(md.split("\n")[0]).toBe(
      "# From Chat-asiakaspalvelija (Support Agent, chat-agent) to Chatcoach (Quality Assurance Specialist, chat-coach)",
    );
    for (const heading of HEADINGS) expect(md).toMatch(new RegExp(`^## ${heading}\\b`, "m"));
    expect(md).toContain("- **Lederskab \\[Leadership\\]**: Gå forrest for chatteamet.");
    expect(ok(["gap", "chat-agent", "chat-coach", "--format", "markdown", ...DATA])).toBe(md);
  });

  it("--lang gives the concept labels in that language", () => {
    const sv = json<TransitionBrief>(["gap", "chat-agent", "chat-coach", "--lang", "sv", ...DATA]);
    const graph = json<{ nodes: { position: string; label: string }[] }>(["graph", "--lang", "sv", ...DATA]);
    expect(sv.label_lang).toBe("sv");
    expect(sv.to.label).toBe(graph.nodes.find((n) => n.position === "quality-assurance-specialist")?.label);
    expect(sv.to.label).not.toBe("Quality Assurance Specialist");
  });
});

describe("csroles gap: errors", () => {
  it.each([
    [
      "an unknown name",
      ["gap", "suport-agent", CSM],
      /^csroles: unknown role or position "suport-agent"\nhint: did you mean support-agent\b/,
    ],
    [
      "the same role twice",
      ["gap", "CSE", CSE],
      /^csroles: "CSE" and "customer-service-executive" are the same role \(customer-service-executive\)\n/,
    ],
    [
      "the same position twice",
      ["gap", "støtteagent", "support-agent"],
      /are the same position \(support-agent\)\n/,
    ],
    ["a missing argument", ["gap", CSE], /^csroles: missing required argument 'to'\n/],
    [
      "an unknown format",
      ["gap", CSE, CSM, "--format", "csv"],
      /^csroles: unknown format 'csv' for this command\n/,
    ],
  ])("%s exits 2 with a clear message", (_name, args, message) => {
    const result = runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/\nhint: .+\n$/);
  });
});
