import { describe, expect, it } from "vitest";
import { LANGUAGES, type Language } from "../../src/core/profile.js";
import { say } from "../../src/messages/translate.js";
import { type CliResult, runCli, runCliAsync } from "../helpers/run-cli.js";

const TL = "customer-service-team-lead";
const CSM = "customer-support-manager";

function run(args: string[], env: Record<string, string | undefined> = {}) {
  return runCli(args, { env: { COLUMNS: "100", ...env } });
}

/** Several runs at once, without blocking the test runner meanwhile. */
function runAll<Runs extends string[][]>(...runs: Runs): Promise<{ [Run in keyof Runs]: CliResult }> {
  const results = Promise.all(runs.map((args) => runCliAsync(args, { env: { COLUMNS: "100" } })));
  return results as Promise<{ [Run in keyof Runs]: CliResult }>;
}

/** `text` as a regular expression that matches it literally. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The keys of every object in a JSON value, with their paths; array items share a path. */
function keyPaths(value: unknown, path = ""): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((item) => keyPaths(item, `${path}[]`)))];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    `${path}.${key}`,
    ...keyPaths(inner, `${path}.${key}`),
  ]);
}

describe.each(LANGUAGES)("the interface in %s", (lang: Language) => {
  const t = (key: Parameters<typeof say>[1]) => say(lang, key);

  it("show: headings and field names", () => {
    const { stdout, code } = run(["show", CSM, "--lang", lang]);
    expect(code).toBe(0);
    for (const key of [
      "heading.summary",
      "heading.responsibilities",
      "heading.skills",
      "heading.tools",
      "heading.career",
      "heading.practices",
    ] as const) {
      expect(stdout).toMatch(new RegExp(`^${t(key)}$`, "m"));
    }
    expect(stdout).toContain(`${t("field.language")}: ${say(lang, "language.da")} (da)`);
    expect(stdout).toContain(`${t("field.aliases")}: `);
    expect(stdout).toContain(t("career.thisRole"));
  });

  it("compare: headings, table headers and summary lines", () => {
    const { stdout, code } = run(["compare", TL, CSM, "--lang", lang], { COLUMNS: "120" });
    expect(code).toBe(0);
    for (const key of [
      "heading.roles",
      "heading.career",
      "heading.skills",
      "heading.toolsByCategory",
    ] as const) {
      expect(stdout).toMatch(new RegExp(`^${t(key)}$`, "m"));
    }
    expect(stdout).toContain(t("field.stage"));
    expect(stdout).toContain(t("field.titleEn"));
    const { summary } = JSON.parse(run(["compare", TL, CSM, "--json"]).stdout).skills;
    const shared = { shared: summary.shared.length, union: summary.similarity.overall.union };
    expect(stdout).toContain(say(lang, "compare.inEveryRole", shared));
  });

  it("list: table headers, level labels and the no-match line", () => {
    const { stdout } = run(["list", "--lang", lang]);
    expect(stdout).toContain(t("field.id"));
    expect(stdout).toContain(t("field.level"));
    expect(run(["list", "--lang", lang, "--written-in", "en"]).stdout).toBe(`${t("list.noMatch")}\n`);
  });

  it("list: at 80 columns, no title, English title word or level label is broken", () => {
    const { stdout } = runCli(["list", "--lang", lang]);
    const roles = JSON.parse(runCli(["list", "--lang", lang, "--json"]).stdout).roles as {
      title: string;
      title_en: string;
      level_label: string;
    }[];
    for (const role of roles) {
      for (const word of [...role.title.split(" "), ...role.title_en.split(" "), role.level_label]) {
        expect(stdout, word).toContain(word);
      }
    }
    for (const line of stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("search: the hit line and table headers", () => {
    const { stdout } = run(["search", "zendesk", "--limit", "1", "--lang", lang]);
    expect(stdout).toContain(t("search.kindTool"));
    expect(stdout).toContain(t("field.writtenAs"));
  });

  it("errors and hints", () => {
    const { stderr, code } = run(["show", "customer-suport-manager", "--lang", lang]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `csroles: ${say(lang, "error.roleUnknown", { name: '"customer-suport-manager"' })}`,
    );
    expect(stderr).toContain(`\n${t("error.hintPrefix")}: `);
    const nothing = run(["search", "xyzzyq", "--lang", lang]);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain(say(lang, "error.noMatch", { query: '"xyzzyq"' }));
  });

  it("gap: the title lines, every part's heading and the note on a missing profile", async () => {
    const [{ stdout, code }, json, { stdout: markdown }] = await runAll(
      ["gap", "support-agent", CSM, "--lang", lang],
      ["gap", "support-agent", CSM, "--json", "--lang", lang],
      ["gap", TL, CSM, "--markdown", "--lang", lang],
    );
    expect(code).toBe(0);
    const brief = JSON.parse(json.stdout);
    expect(stdout).toMatch(
      new RegExp(
        `^ *${t("gap.leadFrom")} ${literal(say(lang, "gap.positionNoProfile", { label: brief.from.label }))}$`,
        "m",
      ),
    );
    expect(stdout).toMatch(
      new RegExp(`^ *${t("gap.leadTo")} ${literal(`${brief.to.title} — ${brief.to.label}`)}$`, "m"),
    );
    expect(stdout).toMatch(new RegExp(`^${t("gap.path")}$`, "m"));
    for (const [key, count] of [
      ["gap.skillsGain", brief.skills.gain.length],
      ["gap.toolsGain", brief.tools.gain.length],
      ["gap.responsibilities", brief.responsibilities.gain.length],
      ["gap.sources", brief.sources.length],
    ] as const) {
      expect(stdout).toMatch(new RegExp(`^${t(key)} \\(${count}\\)$`, "m"));
    }
    expect(stdout).toContain(
      say(lang, "gap.noProfile", { label: brief.from.label, position: "support-agent" }),
    );
    for (const key of ["gap.skillsShared", "gap.toolsShared"] as const)
      expect(markdown).toMatch(new RegExp(`^## ${t(key)} \\(\\d+\\)$`, "m"));
    expect(markdown).toMatch(new RegExp(`^## ${t("gap.growth")}$`, "m"));
    expect(markdown).toContain(say(lang, "gap.alreadyAs", { names: "" }).trim());
  });

  it("graph: the heading, legend and path line", async () => {
    const args = ["graph", "--from", "support-agent", "--to", CSM, "--lang", lang];
    const [{ stdout, code }, json] = await runAll(args, [...args, "--json"]);
    expect(code).toBe(0);
    const graph = JSON.parse(json.stdout);
    const label = (position: string) =>
      graph.nodes.find((n: { position: string }) => n.position === position).label;
    const [heading, legend, path] = stdout.split("\n");
    expect(heading).toBe(
      say(lang, "graph.heading", {
        ladders: say(lang, "graph.ladders", { count: graph.roles.length }),
        positions: say(lang, "graph.positions", { count: graph.nodes.length }),
        steps: say(lang, "graph.steps", { count: graph.edges.length }),
      }),
    );
    expect(legend).toBe(t("graph.legend"));
    expect(path).toBe(say(lang, "graph.pathMarked", { from: label("support-agent"), to: label(CSM) }));
  });

  it("show <position>: the heading, fields, note and ladders", async () => {
    const [{ stdout, code }, json] = await runAll(
      ["show", "supervisor", "--lang", lang],
      ["show", "supervisor", "--json", "--lang", lang],
    );
    expect(code).toBe(0);
    const view = JSON.parse(json.stdout);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe(say(lang, "position.heading", { label: view.label }));
    expect(lines).toContain(`${t("field.id")}: supervisor`);
    expect(stdout).toContain(`${t("position.labels")}: en `);
    expect(stdout).toMatch(
      new RegExp(`^${literal(say(lang, "position.onLadders", { count: view.ladders.length }))}$`, "m"),
    );
    expect(stdout).toMatch(new RegExp(`^ {4}${say(lang, "position.below", { positions: "" }).trim()} `, "m"));
    expect(stdout).toContain(
      `${t("error.hintPrefix")}: ${say(lang, "position.gapHint", { position: "supervisor" })}`,
    );
  });

  it("gap and graph errors", async () => {
    const [same, unknown, half] = await runAll(
      ["gap", "supervisor", "supervisor", "--lang", lang],
      ["gap", "xyzzyq", CSM, "--lang", lang],
      ["graph", "--from", "supervisor", "--lang", lang],
    );
    expect(same.code).toBe(2);
    expect(same.stderr).toBe(
      `csroles: ${say(lang, "gap.samePosition", { first: '"supervisor"', again: '"supervisor"', id: "supervisor" })}\n` +
        `${t("error.hintPrefix")}: ${t("gap.sameHint")}\n`,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`csroles: ${say(lang, "position.unknown", { name: '"xyzzyq"' })}\n`);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain(
      `csroles: ${say(lang, "graph.needsOther", { given: "from", missing: "to" })}\n`,
    );
  });

  it("validate: the summary line", () => {
    const { stdout } = run(["validate", "--lang", lang]);
    const files = say(lang, "validate.files", { count: 5 });
    expect(stdout).toBe(`${say(lang, "validate.summary", { files, valid: 5, invalid: 0 })}\n`);
  });
});

describe("choosing the language", () => {
  it("takes Danish from LANG=da_DK.UTF-8", () => {
    const { stdout, stderr } = run(["show", TL, "--section", "overview"], { LANG: "da_DK.UTF-8" });
    expect(stdout).toContain("Sprog: svensk (sv)");
    expect(stdout).toContain("Niveau: Mellemniveau");
    expect(stdout).toMatch(/^Resumé$/m);
    expect(stderr).toBe("");
  });

  it("falls back to English quietly from an unsupported locale", () => {
    const { stdout, stderr, code } = run(["show", TL, "--section", "overview"], { LANG: "de_DE.UTF-8" });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Summary$/m);
    expect(stderr).toBe("");
  });

  it("warns once and goes on when CSROLES_LANG is unsupported", () => {
    const { stdout, stderr, code } = run(["list", "--json"], {
      CSROLES_LANG: "klingon",
      LANG: "sv_SE.UTF-8",
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).label_lang).toBe("sv");
    expect(stderr).toBe(
      "csroles: varning: CSROLES_LANG 'klingon' är inte en av en, da, sv, nb, fi; värdet ignoreras\n",
    );
  });

  it("makes an unsupported --lang a usage error naming the supported codes", () => {
    for (const args of [
      ["--lang", "de", "list"],
      ["show", TL, "--lang", "xx"],
    ]) {
      const { stderr, code } = run(args);
      expect(code).toBe(2);
      expect(stderr).toMatch(
        /^csroles: unknown language '(de|xx)' in --lang\nhint: use one of en, da, sv, nb, fi\n$/,
      );
    }
  });

  it("keeps list's language filter as --written-in, and --lang as the interface language", () => {
    const { stdout } = run(["list", "--written-in", "sv", "--lang", "fi", "--json"]);
    const listed = JSON.parse(stdout);
    expect(listed.label_lang).toBe("fi");
    expect(listed.roles.map((r: { lang: string }) => r.lang)).toEqual(["sv", "sv"]);
  });
});

describe("JSON output", () => {
  it.each([
    ["list", ["list", "--json"]],
    ["show", ["show", CSM, "--json"]],
    ["search", ["search", "zendesk", "empati", "--json"]],
    ["compare", ["compare", TL, CSM, "--json"]],
    ["validate", ["validate", "--json"]],
    ["gap", ["gap", "support-agent", CSM, "--json"]],
    ["graph", ["graph", "--json"]],
    ["show <position>", ["show", "supervisor", "--json"]],
  ])("%s has the same keys in every language", (_name, args) => {
    const english = keyPaths(JSON.parse(run([...args, "--lang", "en"]).stdout));
    expect(english.length).toBeGreaterThan(3);
    for (const lang of LANGUAGES)
      expect(keyPaths(JSON.parse(run([...args, "--lang", lang]).stdout))).toEqual(english);
  });
});

describe("ladder positions", () => {
  /** The position names a ladder shows, without marks. */
  const showPositions = (stdout: string) =>
    stdout
      .split("\n")
      .filter((line) => /^ {2}[│ ] {1}(▶| ) /.test(line))
      .map((line) =>
        line
          .slice(6)
          .replace(/ ← .*$/, "")
          .trim(),
      );

  it("are named the same way by show and compare: by concept with --lang, as written without", () => {
    for (const [env, args] of [
      [{}, ["--lang", "da"]],
      [{ CSROLES_LANG: "fi" }, []],
      [{ LANG: "sv_SE.UTF-8" }, []],
      [{}, []],
    ] as const) {
      const shown = showPositions(run(["show", TL, "--section", "career", ...args], env).stdout);
      const compared = run(["compare", TL, CSM, "--only", "career", "--csv", ...args], env).stdout;
      expect(shown.length).toBeGreaterThan(3);
      for (const name of shown) expect(compared, `${JSON.stringify(env)} ${args.join(" ")}`).toContain(name);
    }
    // With --lang da, the Swedish ladder is named in Danish; from the locale it stays as written.
    expect(showPositions(run(["show", TL, "--section", "career", "--lang", "da"]).stdout)).toContain(
      "Teamleder",
    );
    expect(showPositions(run(["show", TL, "--section", "career"], { LANG: "da_DK.UTF-8" }).stdout)).toContain(
      "Kundtjänstteamledare",
    );
  });
});
