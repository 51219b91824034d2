import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LoadedRole, ProfileHead } from "../../src/core/profile.js";
import { fuzzyLimit, rankableRoles, rankRoles } from "../../src/core/rank-roles.js";
import type { VocabularyIndex } from "../../src/core/vocabulary.js";
import { loadLibrary } from "../../src/io/load-library.js";
import { ROOT } from "../helpers/run-cli.js";
import { testRole, testVocabulary } from "../helpers/test-data.js";

// Loading without a cache parses every file: import the parser first.

const labels = (en: string, sv = en) => ({ en, da: en, sv, nb: en, fi: en });

/** A vocabulary with two positions, so the ranking is tested apart from the real data. */
function tinyVocabulary(): VocabularyIndex {
  return testVocabulary({
    skills: [],
    toolCategories: [],
    stages: [],
    positions: [
      { id: "agent", labels: labels("Service representative", "Kundtjänstmedarbetare"), aliases: [] },
      { id: "lead", labels: labels("Team lead", "Teamledare"), aliases: ["gruppledare"] },
    ],
    levels: [{ id: "entry", labels: labels("Entry"), aliases: [] }],
    tools: [],
  });
}

const role = (id: string, title: string, titleEn: string, fields: Partial<ProfileHead> = {}): LoadedRole =>
  testRole(id, title, titleEn, fields);

const tiny = rankableRoles(
  [
    role("support-agent", "Supportagent", "Support Agent", { aliases: ["SA"] }),
    role("chat-agent", "Chattagent", "Chat Agent"),
    role("team-lead", "Teamledare", "Team Lead", { position: "lead" }),
    role("service-manager", "Servicechef", "Service Manager", {
      position: "lead",
      aliases: ["Kundtjänstchef"],
    }),
    role("agent", "Agent", "Agent"),
  ],
  tinyVocabulary(),
);

/** The ranked ids with how each matched, as "id:match" (fuzzy ones with their distance). */
const ranked = (query: string) =>
  rankRoles(query, tiny).map(
    (r) => `${r.role.profile.id}:${r.match}${r.match === "fuzzy" ? r.distance : ""}`,
  );

describe("rankRoles", () => {
  it.each([
    // Nothing typed: every role, by title as written.
    ["", ["agent:all", "chat-agent:all", "service-manager:all", "support-agent:all", "team-lead:all"]],
    ["   ", ["agent:all", "chat-agent:all", "service-manager:all", "support-agent:all", "team-lead:all"]],
    // Exact names (id, title, alias) come first, then prefixes, by title.
    ["agent", ["agent:exact", "chat-agent:prefix", "support-agent:prefix"]],
    ["sa", ["support-agent:exact"]],
    ["TEAMLEDARE", ["team-lead:exact", "service-manager:exact"]],
    // Prefix of the name, of a word in it, and every query word starting a word.
    ["supp", ["support-agent:prefix"]],
    ["manag", ["service-manager:prefix"]],
    ["serv man", ["service-manager:prefix"]],
    // Diacritics and case do not matter, in the query or in the names.
    ["kundtjanst", ["service-manager:prefix", "agent:prefix", "chat-agent:prefix", "support-agent:prefix"]],
    ["KUNDTJÄNSTCHEF", ["service-manager:exact"]],
    // Substrings, also across the spaces of a name.
    ["ttag", ["chat-agent:substring"]],
    ["amle", ["team-lead:substring", "service-manager:substring"]],
    // Near misses: one typo in a short query, two in a long one; fewest typos first.
    ["suport", ["support-agent:fuzzy1"]],
    ["chatagnet", ["chat-agent:fuzzy2"]],
    ["servise managr", ["service-manager:fuzzy2"]],
    // Too short for typos, and nothing like any name.
    ["xg", []],
    ["zzzzzz", []],
  ])("%j ranks %j", (query, expected) => {
    expect(ranked(query)).toEqual(expected);
  });

  it("ranks a role's own names before its position's labels in other languages", () => {
    // Both are prefixes of "teamledare"; team-lead's title is its own name, service-manager's is not.
    expect(ranked("teamled")).toEqual(["team-lead:prefix", "service-manager:prefix"]);
  });

  it("returns each role once, with its best match", () => {
    const ids = rankRoles("agent", tiny).map((r) => r.role.profile.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("copes with a very long query without matching everything", () => {
    expect(ranked("agent ".repeat(2000))).toEqual([
      "agent:prefix",
      "chat-agent:prefix",
      "support-agent:prefix",
    ]);
  });
});

describe("fuzzyLimit", () => {
  it.each([
    [1, 0],
    [3, 0],
    [4, 1],
    [7, 1],
    [8, 2],
    [40, 2],
  ])("%i letters allow %i typos", (length, limit) => {
    expect(fuzzyLimit(length)).toBe(limit);
  });
});

describe("rankRoles over the built-in profiles", () => {
  const library = loadLibrary({ dataDir: join(ROOT, "data"), extraDirs: [] });
  const roles = rankableRoles(library.roles, library.vocabulary);
  const ids = (query: string) => rankRoles(query, roles).map((r) => r.role.profile.id);

  it("lists every role by title when nothing is typed", () => {
    expect(ids("")).toEqual([
      "customer-support-team-manager", // Asiakastukitiimin johtaja
      "customer-service-executive", // Kundeserviceansvarlig
      "customer-support-manager", // Kundesupportchef
      "customer-service-operations-manager", // Kundtjänstoperationschef
      "customer-service-team-lead", // Kundtjänstteamledare
    ]);
  });

  it("finds the Kundtjänst… roles from 'kundtjanst', own titles first", () => {
    expect(ids("kundtjanst").slice(0, 2)).toEqual([
      "customer-service-operations-manager",
      "customer-service-team-lead",
    ]);
  });

  it.each([
    ["CSE", "customer-service-executive"],
    ["kundtjänstteamledare", "customer-service-team-lead"],
    ["asiakastuki", "customer-support-team-manager"],
    ["kunde supportchef", "customer-support-manager"],
    ["Customer Service Operations Manager", "customer-service-operations-manager"],
    ["kundtjanstoperationchef", "customer-service-operations-manager"],
  ])("%j puts %s first", (query, id) => {
    expect(ids(query)[0]).toBe(id);
  });
});
