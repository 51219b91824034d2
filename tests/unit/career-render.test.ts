import { describe, expect, it } from "vitest";
import { buildCareerGraph } from "../../src/core/career/career-graph.js";
import { transitionBrief } from "../../src/core/career/transition-brief.js";
import { headOf } from "../../src/core/profile.js";
import { renderGapMarkdown } from "../../src/render/gap-markdown.js";
import { renderGapText } from "../../src/render/gap-text.js";
import { renderGraphDot } from "../../src/render/graph-dot.js";
import { renderGraphMermaid } from "../../src/render/graph-mermaid.js";
import { renderGraphText } from "../../src/render/graph-text.js";
import {
  agentRole,
  heads,
  managerRole,
  position,
  role,
  roles,
  vocabulary,
} from "../helpers/career-fixture.js";
import { displayWidth, isPlainText } from "../helpers/run-cli.js";
import { testProfile, testVocabulary } from "../helpers/test-data.js";

const widest = (text: string) => Math.max(...text.split("\n").map(displayWidth));
const plain = (width: number) => ({ width, color: false });
const brief = transitionBrief(role(agentRole), role(managerRole), roles, vocabulary, "en");

/** The lines between a heading and the next blank line. */
function section(text: string, heading: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.startsWith(heading));
  if (start < 0) throw new Error(`no heading ${heading}`);
  const end = lines.indexOf("", start);
  return lines.slice(start, end < 0 ? undefined : end);
}

describe("gap: terminal text", () => {
  it("says each part under its heading: shared skills to build on, the others to gain", () => {
    const text = renderGapText(brief, plain(80));
    expect(section(text, "Skills to gain")).toEqual([
      "Skills to gain (2)",
      "  • Lede [LEAD]: Gå forrest.",
      "  • Tælle [COUNT]",
    ]);
    expect(section(text, "Skills to build on")).toEqual([
      "Skills to build on (1)",
      "  • Tale [TALK]: already as puhua",
    ]);
    expect(section(text, "Tools to learn")).toEqual([
      "Tools to learn (1)",
      "  CHAT",
      "    • Chatty: Hver dag.",
    ]);
    expect(section(text, "Tools already known")).toEqual([
      "Tools already known (1)",
      "  CRM",
      "    • CrmX: already as CRM-X",
    ]);
    expect(section(text, "Path")).toEqual([
      "Path",
      "  ENTRY",
      "  ▶ Agent — agent-role, manager-role",
      "  MID-LEVEL",
      "    LEAD — agent-role",
      "    COACH — manager-role",
      "  MANAGEMENT",
      "  ▶ MANAGER — agent-role, manager-role",
    ]);
    expect(text).toContain(
      "Sources (2)\n  • agent-role: P, 2024-01-01, from seed-a.txt (path, skills, tools)\n",
    );
  });

  it("fits narrow terminals, and colours only when asked", () => {
    for (const width of [30, 50, 80])
      expect(widest(renderGapText(brief, plain(width)))).toBeLessThanOrEqual(width);
    expect(isPlainText(renderGapText(brief, plain(80)))).toBe(true);
    expect(renderGapText(brief, { width: 80, color: true })).toContain("\u001b[");
  });

  it("says plainly what a position without a profile leaves unknown", () => {
    const fromPosition = renderGapText(
      transitionBrief(position("coach"), role(managerRole), roles, vocabulary, "en"),
      plain(400),
    );
    expect(fromPosition).toContain(
      "No full profile exists for COACH (coach). It is known only from the ladders of manager-role (MID-LEVEL; next: MANAGER).",
    );
    expect(fromPosition).not.toContain("Skills to build on");
    const toPosition = renderGapText(
      transitionBrief(role(agentRole), position("coach"), roles, vocabulary, "en"),
      plain(400),
    );
    expect(toPosition).toContain("this brief can only show the path to it");
    expect(toPosition).not.toContain("Skills to gain");
  });
});

describe("gap: Markdown handout", () => {
  it("has a heading per part, lists for entries, and escapes profile text", () => {
    const hostile = transitionBrief(
      role(agentRole),
      {
        profile: {
          ...managerRole,
          profile: {
            ...managerRole.profile,
            skills: [{ skill: "lead", label: "*Lede* <b>|", note: "a\u001b[2Jb" }],
          },
        },
        position: "manager",
      },
      roles,
      vocabulary,
      "en",
    );
    const md = renderGapMarkdown(hostile);
    expect(md.split("\n")[0]).toBe(
      "# From agent-role as written (Agent, agent-role) to manager-role as written (MANAGER, manager-role)",
    );
    expect(md).toContain("## Skills to gain (1)\n\n- **\\*Lede\\* \\<b\\>\\| \\[LEAD\\]**: a␛\\[2Jb\n");
    expect(md).toContain(
      "## Path\n\n- ENTRY: **Agent** (agent-role, manager-role)\n- MID-LEVEL: LEAD (agent-role); COACH (manager-role)\n",
    );
    for (const heading of [
      "## Tools to learn (1)",
      "### CHAT",
      "## Responsibilities to take on (1)",
      "### Teamet",
      "## Growth",
      "## Sources (2)",
    ])
      expect(md).toContain(`${heading}\n`);
    expect(isPlainText(md)).toBe(true);
  });
});

describe("graph renderers", () => {
  const graph = buildCareerGraph(heads, vocabulary, "en", { from: "agent", to: "manager" });

  it("text: one layer per stage, each position with the steps up from it, the path marked", () => {
    const text = renderGraphText(graph, plain(80));
    expect(text.split("\n").slice(0, 3)).toEqual([
      "Career graph: 2 ladders, 4 positions, 4 steps",
      "↑ leads to (n: how many ladders state the step).",
      "▶ and ⇑ mark the way up from Agent to MANAGER.",
    ]);
    expect(text).toContain("\nENTRY\n▶ Agent — 2 ladders; profile agent-role\n    ⇑ LEAD (1), COACH (1)\n");
    for (const width of [30, 80])
      expect(widest(renderGraphText(graph, plain(width)))).toBeLessThanOrEqual(width);
  });

  it("mermaid: a flowchart whose every line is a node, an edge or a style, edges styled by index", () => {
    const lines = renderGraphMermaid(graph).trimEnd().split("\n");
    expect(lines[0]).toBe("flowchart BT");
    const nodes = lines.filter((l) => /^ {2}n\d+\["[^"]*"\]$/.test(l));
    const edges = lines.filter((l) => /^ {2}n\d+ --> n\d+$/.test(l));
    const styles = lines.filter((l) =>
      /^ {2}(classDef onPath |class [n\d,]+ onPath$|linkStyle [\d,]+ )/.test(l),
    );
    expect(nodes).toHaveLength(4);
    expect(edges).toHaveLength(4);
    expect(nodes.length + edges.length + styles.length + 1).toBe(lines.length);
    expect(lines).toContain("  linkStyle 0,1,2,3 stroke:#c2410c,stroke-width:3px");
  });

  it("mermaid and dot: labels with quotes and markup cannot break out of their strings", () => {
    const odd = testVocabulary({
      ...vocabulary.vocabulary,
      positions: vocabulary.vocabulary.positions.map((p) =>
        p.id === "agent" ? { ...p, labels: { ...p.labels, en: 'A "quoted" <b>#1</b> \\ agent' } } : p,
      ),
    });
    const oddGraph = buildCareerGraph(heads, odd, "en");
    expect(renderGraphMermaid(oddGraph)).toContain(
      '  n1["A #34;quoted#34; #60;b#62;#35;1#60;/b#62; \\ agent"]\n',
    );
    expect(renderGraphDot(oddGraph)).toContain('  "agent" [label="A \\"quoted\\" <b>#1</b> \\\\ agent"];\n');
  });

  it("dot: a digraph of quoted nodes and edges, the path coloured, positions ranked by their lowest stage", () => {
    const dot = renderGraphDot(graph);
    expect(dot.startsWith("digraph career {\n  rankdir=BT;\n")).toBe(true);
    expect(dot.endsWith("}\n")).toBe(true);
    expect(dot).toContain('  "agent" -> "lead" [tooltip="agent-role", color="#c2410c", penwidth=2.5];\n');
    expect(dot).toContain('  { rank=same; "lead"; "coach"; }\n');
    const unmarked = renderGraphDot(
      buildCareerGraph([headOf(testProfile("x", { career_path: [] }))], vocabulary, "en"),
    );
    expect(unmarked).not.toContain("->");
  });
});
