import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import yaml from "js-yaml";
import { afterAll, describe, expect, it } from "vitest";
import { runCompare } from "../../src/commands/compare.js";
import type { CommandResult } from "../../src/commands/context.js";
import { runList } from "../../src/commands/list.js";
import { runSearch } from "../../src/commands/search.js";
import { runShow } from "../../src/commands/show.js";
import { runValidate } from "../../src/commands/validate.js";
import { CsrolesError, ExitCode } from "../../src/errors.js";
import { loadLibrary } from "../../src/io/load-library.js";
import { displayWidth } from "../../src/render/wrap-text.js";
import { hasStackTrace, suiteSandbox, unsafeCharacters, VALID_PROFILE } from "../helpers/hostile.js";
import { NAUGHTY_STRINGS } from "../helpers/naughty-strings.js";
import { ROOT } from "../helpers/run-cli.js";
import { libraryContext } from "../helpers/test-data.js";

/**
 * The Big List of Naughty Strings (the npm package big-list-of-naughty-strings) in every text
 * field of a profile: one profile per string, every title, label, name, heading, note, item,
 * alias, source field and the body set to it. The whole corpus goes through list, show, search,
 * compare and validate in this process (the command functions the entry point calls); a sample
 * goes through the built binary.
 */
const naughty: string[] = [...NAUGHTY_STRINGS];
const [, FRONT = ""] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(VALID_PROFILE, "utf8")) ?? [];
const BASE = yaml.load(FRONT, { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>;

const TEXT_KEYS = new Set([
  "title",
  "title_en",
  "summary",
  "summary_en",
  "area",
  "text",
  "label",
  "group",
  "note",
  "name",
  "heading",
  "publisher",
  "file",
  "url",
  "growth",
]);

/** The base profile with every text field (and every list of text) set to `text`. */
function profileWith(id: string, text: string): Record<string, unknown> {
  const fill = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(fill);
    if (node === null || typeof node !== "object") return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        TEXT_KEYS.has(key) && typeof value === "string" ? text : fill(value),
      ]),
    );
  };
  const data = fill(structuredClone(BASE)) as Record<string, unknown>;
  data.id = id;
  data.aliases = [text];
  data.growth = text;
  data.source = { publisher: text, file: text, url: text };
  data.skills = (data.skills as Record<string, unknown>[]).map((skill) => ({
    ...skill,
    group: text,
    note: text,
  }));
  data.tools = (data.tools as Record<string, unknown>[]).map((tool) => ({ ...tool, note: text }));
  data.responsibilities = [{ area: text, text, items: [text, { label: text, text }] }];
  data.best_practices = [{ title: text, text, items: [text] }];
  return data;
}

const root = mkdtempSync(join(tmpdir(), "csroles-blns-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const folder = join(root, "blns");
mkdirSync(folder);
const ids = naughty.map((_, i) => `blns-${String(i).padStart(3, "0")}`);
naughty.forEach((text, i) => {
  const front = yaml.dump(profileWith(ids[i] as string, text), { schema: yaml.CORE_SCHEMA, lineWidth: -1 });
  writeFileSync(join(folder, `${ids[i]}.md`), `---\n${front}---\n${text}\n`);
});
/** Required fields may not be blank: the profiles of the blank strings are the invalid ones. */
const blank = new Set(ids.filter((_, i) => (naughty[i] as string).trim() === ""));
const validIds = ids.filter((id) => !blank.has(id));

const library = loadLibrary({ dataDir: join(ROOT, "data"), extraDirs: [{ dir: folder, from: "--data" }] });
const context = libraryContext(library);

/** Runs a command function as the entry point would: its result, or the documented error it threw. */
async function inProcess(produce: () => CommandResult | Promise<CommandResult>) {
  try {
    const result = await produce();
    return { code: result.exitCode ?? ExitCode.ok, stdout: result.stdout };
  } catch (error) {
    if (!(error instanceof CsrolesError)) throw error;
    return { code: error.exitCode, stdout: "" };
  }
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Columns a terminal gives a line: each grapheme cluster takes at most two. (displayWidth, from
 * string-width 4, counts combining marks outside U+0300-036F, such as Thai vowels or tag
 * characters, one column each, so a blns zalgo cluster would "measure" far wider than it shows.)
 */
function terminalWidth(line: string): number {
  let width = 0;
  for (const { segment } of graphemes.segment(line)) width += Math.min(2, displayWidth(segment));
  return width;
}

/**
 * Printable always; `fits` also holds every line to the 80 columns. Search is not held to it:
 * the continuation lines of its hit headings are indented past the width (reported).
 */
function checkOutput(stdout: string, fits: boolean, where: string): void {
  expect(unsafeCharacters(stdout), where).toEqual([]);
  if (fits) {
    const tooWide = stdout.split("\n").filter((line) => terminalWidth(line) > 80);
    expect(tooWide, where).toEqual([]);
  }
}

/** Every n-th item, to keep the costlier loops to a sample that still covers each kind of string. */
const everyNth = <T>(items: T[], n: number) => items.filter((_, i) => i % n === 0);

const FORMATS = [{}, { json: true }, { csv: true }, { markdown: true }] as const;

describe("every string of blns.json in every text field of a profile", () => {
  it("loads every profile but those of the blank strings, which are reported", () => {
    expect(naughty.length).toBeGreaterThan(450);
    expect(
      library.roles
        .map((r) => r.profile.id)
        .filter((id) => id.startsWith("blns-"))
        .sort(),
    ).toEqual(validIds);
    expect([...new Set(library.problems.map((p) => p.file))].sort()).toEqual(
      [...blank].map((id) => join(folder, `${id}.md`)).sort(),
    );
  });

  it.each(FORMATS)("list %j: every role, printable, tables within 80 columns", async (flags) => {
    const { code, stdout } = await inProcess(() => runList(flags, context));
    expect(code).toBe(0);
    checkOutput(stdout, Object.keys(flags).length === 0, "list");
    if ("json" in flags) {
      const roles = (JSON.parse(stdout) as { roles: { id: string; title: string }[] }).roles;
      for (const [i, id] of ids.entries()) {
        if (!blank.has(id)) expect(roles.find((r) => r.id === id)?.title).toBe(naughty[i]);
      }
    }
  });

  it("show, as text and as JSON, for every profile: printable, and JSON gives each string back", async () => {
    for (const [i, id] of ids.entries()) {
      if (blank.has(id)) continue;
      const text = await inProcess(() => runShow(id, {}, context));
      expect(text.code, id).toBe(0);
      checkOutput(text.stdout, true, `show ${id}`);
      const json = await inProcess(() => runShow(id, { json: true }, context));
      checkOutput(json.stdout, false, `show ${id} --json`);
      const shown = JSON.parse(json.stdout) as {
        title: string;
        aliases: string[];
        skills: { note: string }[];
      };
      expect(shown.title, id).toBe(naughty[i]);
      expect(shown.skills[0]?.note, id).toBe(naughty[i]);
    }
  });

  it("show finds a profile by its naughty title or alias, or refuses with exit 2 (every 3rd string)", async () => {
    for (const text of everyNth(naughty, 3)) {
      const { code, stdout } = await inProcess(() => runShow(text, {}, context));
      expect([ExitCode.ok, ExitCode.usage], JSON.stringify(text)).toContain(code);
      checkOutput(stdout, true, `show ${JSON.stringify(text)}`);
    }
  });

  it.each(FORMATS)("search %j for a skill every profile has: all of them found, printable", async (flags) => {
    const { code, stdout } = await inProcess(() => runSearch(["empathy"], flags, context));
    expect(code).toBe(0);
    checkOutput(stdout, false, "search empathy");
    if ("json" in flags) {
      const roles = (
        JSON.parse(stdout) as { results: { id: string; roles: { id: string }[] }[] }
      ).results.find((r) => r.id === "empathy")?.roles;
      expect(
        roles
          ?.map((r) => r.id)
          .filter((id) => id.startsWith("blns-"))
          .sort(),
      ).toEqual(validIds);
    }
  });

  it("search with a string as the query (every 8th): exit 0, 1 or 2 (blank), printable", async () => {
    for (const text of everyNth(naughty, 8)) {
      const { code, stdout } = await inProcess(() => runSearch([text], {}, context));
      const expected: number[] = text.trim() === "" ? [ExitCode.usage] : [ExitCode.ok, ExitCode.noMatch];
      expect(expected, JSON.stringify(text)).toContain(code);
      checkOutput(stdout, false, `search ${JSON.stringify(text)}`);
    }
  }, 120_000);

  it("compare every profile, six at a time, in every format: printable, tables within 80 columns", async () => {
    for (let i = 0; i < validIds.length; i += 6) {
      // The last group takes its missing roles from the start, so that it still compares several.
      const group = [...validIds.slice(i, i + 6), ...validIds.slice(0, Math.max(0, i + 6 - validIds.length))];
      for (const flags of FORMATS) {
        const { code, stdout } = await inProcess(() => runCompare(group, flags, context));
        expect(code, group.join(" ")).toBe(0);
        checkOutput(
          stdout,
          Object.keys(flags).length === 0,
          `compare ${group.join(" ")} ${JSON.stringify(flags)}`,
        );
      }
    }
  }, 120_000);

  it("validate reports the blank ones and exits 3, as text and JSON", async () => {
    for (const flags of [{}, { json: true }]) {
      const { code, stdout } = await inProcess(() => runValidate(flags, context));
      expect(code).toBe(ExitCode.data);
      checkOutput(stdout, false, "validate");
    }
  });
});

describe("a sample of blns.json profiles through the built binary", () => {
  // Escape sequences, bidi, zalgo, emoji, right-to-left, a script tag, and a long one.
  const sample = [
    naughty.find((s) => s.includes("\u001b[0;31m")),
    // Bidirectional embeddings and isolates (this version of the list has no U+202E override).
    naughty.find((s) => /[\u202a-\u202e\u2066-\u2069]/.test(s)),
    naughty.find((s) => /\p{M}{5,}/u.test(s)),
    naughty.find((s) => /\p{Extended_Pictographic}/u.test(s)),
    naughty.find((s) => /\p{Script=Arabic}/u.test(s)),
    naughty.find((s) => s.includes("<script>")),
    naughty.reduce((a, b) => (b.length > a.length ? b : a)),
  ].filter((s): s is string => s !== undefined);
  const sampleIds = sample.map((s) => ids[naughty.indexOf(s)] as string);
  const sandbox = suiteSandbox("csroles-blns-bin-");
  const sampleFolder = join(root, "sample");
  mkdirSync(sampleFolder);
  for (const id of sampleIds)
    writeFileSync(join(sampleFolder, `${id}.md`), readFileSync(join(folder, `${id}.md`)));

  it("finds each kind of string in the list", () => {
    expect(sample).toHaveLength(7);
  });

  it.each(
    [
      ["list"],
      ["list", "--csv"],
      ["show", sampleIds[0] as string],
      ["show", sampleIds[1] as string, "--json"],
      ["search", "zendesk"],
      ["compare", ...sampleIds.slice(0, 4)],
      ["compare", ...sampleIds.slice(3, 7), "--markdown"],
    ].map((args) => [args.join(" "), args] as const),
  )("csroles %s: exit 0, printable, no stack trace", (_name, args) => {
    const result = sandbox.run([...args, "--data", sampleFolder]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(unsafeCharacters(result.stdout)).toEqual([]);
  });
});
