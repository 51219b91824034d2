import { describe, expect, it } from "vitest";
import { allSteps, buildCareerGraph, stepsBetween } from "../../src/core/career/career-graph.js";
import { findCareerPoint } from "../../src/core/career/find-career-point.js";
import { ladderSteps } from "../../src/core/career/ladders.js";
import { describePosition } from "../../src/core/career/position-view.js";
import { isSameEnd, transitionBrief } from "../../src/core/career/transition-brief.js";
import { NameNotFoundError } from "../../src/core/domain-errors.js";
import { headOf } from "../../src/core/profile.js";
import {
  agentRole,
  heads,
  managerRole,
  position,
  role,
  roles,
  vocabulary,
} from "../helpers/career-fixture.js";

describe("ladder steps", () => {
  it("joins every position of a stage to every position of the ladder's next stage, in stage order", () => {
    const steps = ladderSteps(headOf(managerRole.profile), vocabulary).map(
      (s) => `${s.from.position}>${s.to.position}`,
    );
    expect(steps).toEqual(["agent>coach", "coach>manager"]);
  });
});

describe("career graph", () => {
  const graph = buildCareerGraph(heads, vocabulary, "sv");

  it("merges positions across profiles into nodes, lowest stage first, with the ladders that list them", () => {
    expect(graph.nodes.map((n) => n.position)).toEqual(["agent", "lead", "coach", "manager"]);
    const agent = graph.nodes[0];
    expect(agent?.label).toBe("Agenten");
    expect(agent?.stages).toEqual([
      { stage: "entry", label: "ENTRY sv", roles: ["agent-role", "manager-role"] },
    ]);
    expect(graph.nodes.find((n) => n.position === "manager")?.profiles).toEqual(["manager-role"]);
  });

  it("has an edge per step, knowing the profiles that state it", () => {
    expect(graph.edges.map((e) => [e.from, e.to, e.roles])).toEqual([
      ["agent", "lead", ["agent-role"]],
      ["agent", "coach", ["manager-role"]],
      ["lead", "manager", ["agent-role"]],
      ["coach", "manager", ["manager-role"]],
    ]);
    expect(graph.path).toBeNull();
    expect(graph.edges.some((e) => e.on_path)).toBe(false);
  });

  it("marks every shortest way up between two positions, and only those", () => {
    const marked = buildCareerGraph(heads, vocabulary, "en", { from: "agent", to: "manager" });
    expect(marked.edges.filter((e) => e.on_path)).toHaveLength(4);
    const short = buildCareerGraph(heads, vocabulary, "en", { from: "lead", to: "manager" });
    expect(short.edges.filter((e) => e.on_path).map((e) => `${e.from}>${e.to}`)).toEqual(["lead>manager"]);
    expect(short.nodes.filter((n) => n.on_path).map((n) => n.position)).toEqual(["lead", "manager"]);
  });

  it("finds no way down a ladder", () => {
    expect(stepsBetween(allSteps(heads, vocabulary), "manager", "agent")).toEqual([]);
  });
});

describe("finding a role or a position", () => {
  const find = (query: string) => findCareerPoint(query, roles, heads, vocabulary);

  it("prefers a role, then finds a position by id, label in any language, alias or a ladder's words", () => {
    expect(find("manager-role")).toMatchObject({ kind: "role", role: { profile: { id: "manager-role" } } });
    for (const name of ["coach", "COACH fi", "coach DA", "Træner", "traener"])
      expect(find(name)).toEqual({ kind: "position", position: "coach" });
    for (const name of ["agentti", "Agenten", "asiakasagentti", "REP"])
      expect(find(name)).toMatchObject({ kind: "role", role: { profile: { id: "agent-role" } } });
  });

  it("treats a position that no ladder lists as unknown, suggesting what is near", () => {
    const failure = (query: string) => {
      try {
        find(query);
      } catch (caught) {
        return caught as NameNotFoundError;
      }
      throw new Error(`${query} was found`);
    };
    const hermit = failure("hermit");
    expect(hermit).toBeInstanceOf(NameNotFoundError);
    expect(hermit).toMatchObject({ given: "hermit", lookedUpAs: "roleOrPosition", suggestions: [] });
    const typo = failure("coahc");
    expect(typo.suggestions).toEqual(["coach"]);
  });
});

describe("transition brief", () => {
  const brief = transitionBrief(role(agentRole), role(managerRole), roles, vocabulary, "en");

  it("splits the target's skills by concept: shared ones are never to gain", () => {
    expect(brief.skills.gain.map((s) => s.skill)).toEqual(["lead", "count"]);
    expect(brief.skills.shared).toEqual([
      {
        skill: "talk",
        label: "Tale",
        note: "Klart og venligt.",
        concept_label: "TALK",
        from_labels: ["puhua"],
      },
    ]);
    const gained = new Set(brief.skills.gain.map((s) => s.skill));
    for (const skill of agentRole.profile.skills) expect(gained.has(skill.skill)).toBe(false);
  });

  it("splits tools the same way, by tool whatever the category, with the category's label", () => {
    expect(brief.tools.gain).toEqual([
      {
        tool: "chatty",
        name: "Chatty",
        category: "chat",
        heading: "Chat",
        note: "Hver dag.",
        concept_label: "Chatty",
        category_label: "CHAT",
      },
    ]);
    expect(brief.tools.shared.map((t) => [t.tool, t.from_names])).toEqual([["crmx", ["CRM-X"]]]);
  });

  it("gives the path, responsibilities, growth and the sources behind each part", () => {
    expect(brief.path.map((s) => [s.stage, s.positions.map((p) => [p.position, p.roles])])).toEqual([
      ["entry", [["agent", ["agent-role", "manager-role"]]]],
      [
        "mid-level",
        [
          ["lead", ["agent-role"]],
          ["coach", ["manager-role"]],
        ],
      ],
      ["management", [["manager", ["agent-role", "manager-role"]]]],
    ]);
    expect(brief.responsibilities.gain).toEqual(managerRole.profile.responsibilities);
    expect(brief.growth).toEqual({
      text: "Tag en lederuddannelse.",
      best_practices: [{ title: "Lyt", text: "Lyt først." }],
    });
    expect(brief.sources).toEqual([
      {
        role: "agent-role",
        file: "/roles/agent-role.md",
        source: agentRole.profile.source,
        parts: ["path", "skills", "tools"],
      },
      {
        role: "manager-role",
        file: "/roles/manager-role.md",
        source: managerRole.profile.source,
        parts: ["path", "skills", "tools", "responsibilities", "growth"],
      },
    ]);
    expect(brief.from).toEqual({
      id: "agent-role",
      position: "agent",
      label: "Agent",
      title: "agent-role as written",
      listed_on: [
        {
          role: "agent-role",
          stage: "entry",
          stage_label: "ENTRY",
          written: "agentti",
          before: [],
          after: [{ position: "lead", label: "LEAD" }],
        },
        {
          role: "manager-role",
          stage: "entry",
          stage_label: "ENTRY",
          written: "Agent",
          before: [],
          after: [{ position: "coach", label: "COACH" }],
        },
      ],
      unknown: [],
    });
  });

  it("from a position without a profile: every target skill is to gain, and the gap says what is unknown", () => {
    const fromCoach = transitionBrief(position("coach"), role(managerRole), roles, vocabulary, "en");
    expect(fromCoach.from).toMatchObject({
      id: null,
      position: "coach",
      unknown: ["skills", "tools", "responsibilities", "growth"],
    });
    expect(fromCoach.skills.gain.map((s) => s.skill)).toEqual(["talk", "lead", "count"]);
    expect(fromCoach.skills.shared).toEqual([]);
    expect(fromCoach.sources.find((s) => s.role === "manager-role")?.parts).toEqual([
      "path",
      "position",
      "skills",
      "tools",
      "responsibilities",
      "growth",
    ]);
  });

  it("to a position without a profile: only the path is known", () => {
    const toCoach = transitionBrief(role(agentRole), position("coach"), roles, vocabulary, "en");
    expect(toCoach.skills).toEqual({ gain: [], shared: [] });
    expect(toCoach.responsibilities.gain).toEqual([]);
    expect(toCoach.growth).toEqual({ text: null, best_practices: [] });
    expect(toCoach.path.map((s) => s.stage)).toEqual(["entry", "mid-level"]);
  });

  it("knows a place from itself", () => {
    expect(isSameEnd(role(agentRole), role(agentRole))).toBe(true);
    expect(isSameEnd(position("coach"), position("coach"))).toBe(true);
    expect(isSameEnd(role(agentRole), position("agent"))).toBe(true);
    expect(isSameEnd(role(agentRole), role(managerRole))).toBe(false);
  });
});

describe("position view", () => {
  it("lists each ladder that lists the position, its stage, its words and the neighbours there", () => {
    const view = describePosition("coach", heads, vocabulary, "da");
    expect(view).toMatchObject({ kind: "position", position: "coach", label: "COACH da", aliases: [] });
    expect(view.labels.fi).toBe("COACH fi");
    expect(view.ladders).toEqual([
      {
        role: "manager-role",
        stage: "mid-level",
        stage_label: "MID-LEVEL da",
        written: "Træner",
        before: [{ position: "agent", label: "Agent da" }],
        after: [{ position: "manager", label: "MANAGER da" }],
      },
    ]);
  });
});
