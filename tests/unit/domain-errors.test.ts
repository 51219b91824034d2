// The core says what was wrong as plain data (core/domain-errors.ts) and names no command, option
// or example; the command line words it (commands/usage-errors.ts). Every refusal of the core is
// exercised here, checked for CLI words, and checked for the words the command line gives it.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { usageErrorFor } from "../../src/commands/usage-errors.js";
import { findCareerPoint } from "../../src/core/career/find-career-point.js";
import { checkRoleCount, resolveRoles } from "../../src/core/compare/resolve-roles.js";
import { DomainError } from "../../src/core/domain-errors.js";
import { findRole } from "../../src/core/find-role.js";
import { listRoles } from "../../src/core/list-roles.js";
import { headOf } from "../../src/core/profile.js";
import { checkQuery } from "../../src/core/search/search.js";
import { CsrolesError, ExitCode } from "../../src/errors.js";
import { agentRole, heads, managerRole, roles, vocabulary } from "../helpers/career-fixture.js";
import { ROOT } from "../helpers/run-cli.js";
import { testProfile } from "../helpers/test-data.js";

const CORE = join(ROOT, "src", "core");

function coreSources(folder = CORE): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return coreSources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** A second role with the agent role's title and position, so that names fit two roles. */
const agentTwin = { ...agentRole, profile: { ...agentRole.profile, id: "agent-twin" } };
/** A ladder whose words name two positions alike. */
const sameWords = headOf(
  testProfile("same-words", {
    career_path: [
      {
        stage: "entry",
        positions: [
          { position: "lead", label: "Same" },
          { position: "coach", label: "Same" },
        ],
      },
    ],
  }),
);

const CASES: { refusal: string; run: () => unknown; said: string; hint?: string }[] = [
  {
    refusal: "an empty role name",
    run: () => findRole("  ", roles, vocabulary),
    said: "the role name is empty",
    hint: "run 'csroles list' to see the roles",
  },
  {
    refusal: "an over-long role name",
    run: () => findRole("x".repeat(201), roles, vocabulary),
    said: "the role name is longer than 200 characters",
  },
  {
    refusal: "a name of two roles",
    run: () => findRole("agent-role as written", [...roles, agentTwin], vocabulary),
    said: 'the role name "agent-role as written" fits several roles: agent-role, agent-twin',
    hint: "give the id of the one you mean",
  },
  {
    refusal: "an unknown role near others",
    run: () => findRole("managr-role", roles, vocabulary),
    said: 'unknown role "managr-role"',
    hint: "did you mean manager-role? Run 'csroles list' to see all roles",
  },
  {
    refusal: "an unknown role near nothing",
    run: () =>
      findRole(
        "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",
        roles,
        vocabulary,
      ),
    said: `unknown role "${"q".repeat(60)}…"`,
    hint: "run 'csroles list' to see all roles",
  },
  {
    refusal: "a position two roles stand for",
    run: () => findCareerPoint("agentti", [...roles, agentTwin], heads, vocabulary),
    said: 'the name "agentti" fits several roles: agent-role, agent-twin',
    hint: "give the id of the one you mean",
  },
  {
    refusal: "a name of two positions",
    run: () => findCareerPoint("same", roles, [...heads, sameWords], vocabulary),
    said: 'the name "same" fits several positions: lead, coach',
    hint: "give the id of the one you mean",
  },
  {
    refusal: "an unknown role or position near a position",
    run: () => findCareerPoint("coahc", roles, heads, vocabulary),
    said: 'unknown role or position "coahc"',
    hint: "did you mean coach? Run 'csroles graph' to see every position",
  },
  {
    refusal: "an unknown role or position near nothing",
    run: () => findCareerPoint("qqqqqqqqqq", roles, heads, vocabulary),
    said: 'unknown role or position "qqqqqqqqqq"',
    hint: "run 'csroles graph' to see every position, 'csroles list' every role",
  },
  {
    refusal: "an empty search query",
    run: () => checkQuery(" \t"),
    said: "the search query is empty",
    hint: "name a skill or a tool, e.g. csroles search zendesk",
  },
  {
    refusal: "an over-long search query",
    run: () => checkQuery("z".repeat(501)),
    said: "the search query is longer than 500 characters",
    hint: "search for one skill or tool at a time",
  },
  {
    refusal: "an unknown language to list",
    run: () => listRoles([], vocabulary, { labelLang: "en", writtenIn: "de" }),
    said: "unknown language 'de' in --written-in",
    hint: "use one of en, da, sv, nb, fi",
  },
  {
    refusal: "an unknown level to list",
    run: () => listRoles([], vocabulary, { labelLang: "en", level: "intern" }),
    said: "unknown level 'intern'",
    hint: "use one of entry, management",
  },
  {
    refusal: "an unknown sort key",
    run: () => listRoles([], vocabulary, { labelLang: "en", sort: "salary" }),
    said: "cannot sort by 'salary'",
    hint: "use one of id, title, title_en, lang, level",
  },
  {
    refusal: "no roles to compare",
    run: () => checkRoleCount([]),
    said: "compare needs at least 2 roles, got none",
    hint: "give 2 to 6 roles, e.g. csroles compare customer-service-team-lead customer-support-manager",
  },
  {
    refusal: "one role to compare",
    run: () => checkRoleCount(["agent-role"]),
    said: "compare needs at least 2 roles, got one",
    hint: "give 2 to 6 roles, e.g. csroles compare customer-service-team-lead customer-support-manager",
  },
  {
    refusal: "seven roles to compare",
    run: () => checkRoleCount(["a", "b", "c", "d", "e", "f", "g"]),
    said: "compare takes at most 6 roles, got 7",
    hint: "compare fewer roles at a time",
  },
  {
    refusal: "one role named twice",
    run: () => resolveRoles(["agent-role", " agent-role"], roles, vocabulary),
    said: 'the role "agent-role" is given twice',
    hint: "compare different roles",
  },
  {
    refusal: "two names of one role",
    run: () =>
      resolveRoles(["manager-role", "manager-role in English"], [agentRole, managerRole], vocabulary),
    said: '"manager-role" and "manager-role in English" are the same role (manager-role)',
    hint: "compare different roles",
  },
];

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("nothing was refused");
}

/** Every text an error holds: its message and every string in its own fields. */
function textsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value instanceof Error) return [value.message, ...Object.values(value).flatMap(textsOf)];
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(textsOf);
  return [];
}

describe("the core's refusals", () => {
  it.each(CASES)("$refusal is a domain error that names no command or option", ({ run }) => {
    const error = thrown(run);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).not.toBeInstanceOf(CsrolesError);
    for (const text of textsOf(error)) {
      expect(text).not.toMatch(/csroles/i);
      expect(text).not.toMatch(/(^|\s)--[a-z]/);
    }
  });

  it.each(CASES)("$refusal is told by the command line with its hint, exit 2", ({ run, said, hint }) => {
    const error = usageErrorFor(thrown(run) as DomainError);
    expect(error.message).toBe(said);
    expect(error.hint).toBe(hint);
    expect(error.exitCode).toBe(ExitCode.usage);
  });
});

describe("the core's sources", () => {
  it("import nothing outside src/core but packages (no errors, messages, commands or render)", () => {
    for (const file of coreSources()) {
      const text = readFileSync(file, "utf8");
      for (const [, specifier = ""] of text.matchAll(/\bfrom\s+"([^"]+)"/g)) {
        if (!specifier.startsWith(".")) continue;
        const target = relative(CORE, resolve(dirname(file), specifier));
        expect(target.startsWith(".."), `${relative(ROOT, file)} imports ${specifier}`).toBe(false);
      }
    }
  });

  it("hold no string that names the command line", () => {
    for (const file of coreSources()) {
      const code = readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line));
      for (const line of code)
        for (const [literal] of line.matchAll(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g)) {
          expect(literal, relative(ROOT, file)).not.toMatch(/csroles\b|(^|\s|["'`])--[a-z]/);
        }
    }
  });
});
