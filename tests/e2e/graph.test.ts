import { describe, expect, it } from "vitest";
import type { CareerGraph } from "../../src/core/career/career-graph.js";
import type { PositionView } from "../../src/core/career/position-view.js";
import { CAREER_FIXTURES, json, laddersListing, libraryProfiles, ok, widest } from "../helpers/career-cli.js";
import { isPlainText, runCli } from "../helpers/run-cli.js";

const CSE = "customer-service-executive";
const CSM = "customer-support-manager";
const DATA = ["--data", CAREER_FIXTURES];
const builtIn = libraryProfiles();

describe("csroles graph --json", () => {
  const graph = json<CareerGraph>(["graph"]);

  it("has a node per position the ladders list, and edges between nodes stated by the graph's ladders", () => {
    expect(Object.keys(graph)).toEqual(["label_lang", "roles", "nodes", "edges", "path"]);
    expect(graph.roles.sort()).toEqual(builtIn.map((p) => p.id).sort());
    const listed = new Set(
      builtIn.flatMap((p) => p.career_path.flatMap((s) => s.positions.map((e) => e.position))),
    );
    expect(graph.nodes.map((n) => n.position).sort()).toEqual([...listed].sort());
    const nodes = new Set(graph.nodes.map((n) => n.position));
    for (const edge of graph.edges) {
      expect(Object.keys(edge)).toEqual(["from", "to", "roles", "on_path"]);
      expect(nodes.has(edge.from) && nodes.has(edge.to)).toBe(true);
      for (const role of edge.roles) expect(laddersListing(builtIn, edge.from)).toContain(role);
    }
    const agent = graph.nodes.find((n) => n.position === "support-agent");
    expect(Object.keys(agent ?? {})).toEqual(["position", "label", "stages", "profiles", "on_path"]);
    expect(agent?.stages.flatMap((s) => s.roles)).toEqual(laddersListing(builtIn, "support-agent"));
    expect(graph.path).toBeNull();
  });

  it("marks the way between two places, a role standing for its own position", () => {
    const marked = json<CareerGraph>(["graph", "--from", "støtteagent", "--to", CSM]);
    expect(marked.path).toEqual({ from: "support-agent", to: CSM });
    const onPath = marked.edges.filter((e) => e.on_path);
    expect(onPath.some((e) => e.from === "support-agent")).toBe(true);
    expect(onPath.some((e) => e.to === CSM)).toBe(true);
    expect(marked.nodes.filter((n) => n.on_path).map((n) => n.position)).toContain("support-agent");
  });

  it("--role keeps only those profiles' ladders", () => {
    const one = json<CareerGraph>(["graph", "--role", "CSE"]);
    expect(one.roles).toEqual([CSE]);
    for (const edge of one.edges) expect(edge.roles).toEqual([CSE]);
    const two = json<CareerGraph>(["graph", "--role", "CSE", "--role", "kundesupportchef"]);
    expect(two.roles.sort()).toEqual([CSE, CSM]);
  });

  it("takes the ladders of --data folders, with the positions and steps they add", () => {
    const withData = json<CareerGraph>(["graph", ...DATA]);
    const step = withData.edges.find(
      (e) => e.from === "support-agent" && e.to === "quality-assurance-specialist",
    );
    const before = json<CareerGraph>(["graph"]).edges.find((e) => e.from === step?.from && e.to === step?.to);
    expect(step?.roles.filter((role) => !before?.roles.includes(role))).toEqual(["chat-agent", "chat-coach"]);
    const qa = withData.nodes.find((n) => n.position === "quality-assurance-specialist");
    expect(qa?.profiles).toEqual(["chat-coach"]);
    expect(qa?.stages.find((s) => s.stage === "mid-level")?.roles).toEqual(["chat-agent", "chat-coach"]);
  });
});

describe("csroles graph: text, Mermaid and DOT", () => {
  const graph = json<CareerGraph>(["graph", "--from", "support-agent", "--to", CSM]);
  const args = ["graph", "--from", "support-agent", "--to", CSM];

  it("text: counts, a layer per stage and every position, fitting the width; the path marked", () => {
    for (const width of [30, 80, 140]) {
      const text = ok(args, { COLUMNS: String(width) });
      expect(widest(text)).toBeLessThanOrEqual(width);
      expect(isPlainText(text)).toBe(true);
    }
    const text = ok([...args, "--format", "text"], { COLUMNS: "400" });
    expect(text.split("\n")[0]).toBe(
      `Career graph: ${graph.roles.length} ladders, ${graph.nodes.length} positions, ${graph.edges.length} steps`,
    );
    for (const node of graph.nodes) expect(text).toMatch(new RegExp(`^(▶ | {2})${node.label} — `, "m"));
    expect(text).toMatch(/^▶ Support Agent — /m);
    expect(ok(args, { FORCE_COLOR: "1" })).toContain("\u001b[");
  });

  it("mermaid: a flowchart with a node per position, an edge per step, the path's edges styled", () => {
    const lines = ok([...args, "--format", "mermaid"])
      .trimEnd()
      .split("\n");
    expect(lines[0]).toBe("flowchart BT");
    expect(lines.filter((l) => /^ {2}n\d+\["[^"]+"\]$/.test(l))).toHaveLength(graph.nodes.length);
    expect(lines.filter((l) => /^ {2}n\d+ --> n\d+$/.test(l))).toHaveLength(graph.edges.length);
    const styled = lines
      .find((l) => l.startsWith("  linkStyle "))
      ?.split(" ")[3]
      ?.split(",");
    const expected = graph.edges.flatMap((e, i) => (e.on_path ? [String(i)] : []));
    expect(styled).toEqual(expected);
  });

  it("dot: a digraph with every position and step, quoted, the path coloured", () => {
    const dot = ok([...args, "--format", "dot"]);
    expect(dot.startsWith("digraph career {\n")).toBe(true);
    expect(dot.endsWith("\n}\n")).toBe(true);
    for (const node of graph.nodes) expect(dot).toContain(`  "${node.position}" [label="${node.label}"`);
    expect(dot.match(/ -> /g)).toHaveLength(graph.edges.length);
    expect(dot.match(/penwidth=2\.5/g)).toHaveLength(graph.edges.filter((e) => e.on_path).length);
  });

  it("--lang gives the labels in that language", () => {
    const fi = json<CareerGraph>(["graph", "--lang", "fi"]);
    const { labels } = json<PositionView>(["show", "support-agent"]);
    expect(fi.nodes.find((n) => n.position === "support-agent")?.label).toBe(labels.fi);
  });
});

describe("csroles graph: errors", () => {
  it.each([
    ["--from without --to", ["graph", "--from", CSE], /^csroles: --from needs --to\n/],
    [
      "an unknown --role",
      ["graph", "--role", "kundesuportchef"],
      /^csroles: unknown role "kundesuportchef"\nhint: did you mean customer-support-manager\b/,
    ],
    [
      "an unknown --from",
      ["graph", "--from", "supervisr", "--to", CSM],
      /^csroles: unknown role or position "supervisr"\nhint: did you mean supervisor\b/,
    ],
    [
      "the same place twice",
      ["graph", "--from", "CSE", "--to", CSE],
      /^csroles: --from and --to name the same place/,
    ],
    ["an unknown format", ["graph", "--format", "svg"], /^csroles: unknown format 'svg' for this command\n/],
    [
      "--json with another format",
      ["graph", "--json", "--format", "dot"],
      /^csroles: choose one output format/,
    ],
    [
      "a place off the ladders shown",
      ["graph", "--role", CSM, "--from", "support-agent", "--to", CSM],
      /^csroles: "support-agent" \(support-agent\) is on none of the ladders shown\n/,
    ],
  ])("%s exits 2", (_name, args, message) => {
    const result = runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
  });
});

describe("csroles show <position>", () => {
  it("shows a position without a profile: labels, ladders with stage and neighbours, a hint to gap", () => {
    const view = json<PositionView>(["show", "support-agent"]);
    expect(Object.keys(view)).toEqual([
      "kind",
      "position",
      "label_lang",
      "label",
      "labels",
      "aliases",
      "ladders",
      "unknown",
    ]);
    expect(view.kind).toBe("position");
    expect(view.ladders.map((l) => l.role)).toEqual(laddersListing(builtIn, "support-agent"));
    for (const placement of view.ladders) {
      const ladder = builtIn.find((p) => p.id === placement.role);
      const entry = ladder?.career_path.find((s) => s.positions.some((p) => p.position === "support-agent"));
      expect(placement.stage).toBe(entry?.stage);
    }
    for (const name of Object.values(view.labels))
      expect(json<PositionView>(["show", name]).position).toBe("support-agent");
    const text = ok(["show", "støtteagent"], { COLUMNS: "300" });
    expect(text.split("\n")[0]).toBe(`${view.label} — career position, no profile of its own`);
    expect(text).toContain("No full profile exists for Support Agent");
    expect(text).toContain("hint: csroles gap support-agent <role>");
    for (const width of [30, 80])
      expect(widest(ok(["show", "support-agent"], { COLUMNS: String(width) }))).toBeLessThanOrEqual(width);
  });

  it("a profile's JSON says it is one, first", () => {
    expect(Object.keys(json<object>(["show", CSM]))[0]).toBe("kind");
    expect(json<{ kind: string }>(["show", CSM]).kind).toBe("profile");
  });

  it("a position that a --data profile stands for shows that profile", () => {
    expect(
      json<{ kind: string; id: string }>(["show", "quality-assurance-specialist", ...DATA]),
    ).toMatchObject({
      kind: "profile",
      id: "chat-coach",
    });
  });
});
