import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import yaml from "js-yaml";
import { afterEach, describe, expect, it } from "vitest";
import { loadProfileFile, loadProfiles, type ProfileFile } from "../../src/core/load-profiles.js";
import { parseFrontMatter } from "../../src/core/parse-front-matter.js";
import { ProblemError } from "../../src/core/problem.js";
import { LIMITS, validateProfile } from "../../src/core/validate-profile.js";
import { loadVocabulary } from "../../src/io/load-library.js";
import { HOSTILE, VALID_PROFILE } from "../helpers/hostile.js";
import { ROOT } from "../helpers/run-cli.js";

/**
 * Property tests of the loader, in this process: whatever text a profile file holds, parsing
 * either gives a document or throws a ProblemError (the documented per-file error), validation
 * never throws, and loading a file or a list of files never throws at all.
 */
const vocabulary = loadVocabulary(join(ROOT, "data"));
const VALID_TEXT = readFileSync(VALID_PROFILE, "utf8");
const [, VALID_FRONT = "", VALID_BODY = ""] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(VALID_TEXT) ?? [];
const VALID_DATA = yaml.load(VALID_FRONT, { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>;

/** Object.prototype has no own enumerable keys, and nothing may add any. */
function assertNoPollution(): void {
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}
afterEach(assertNoPollution);

/** Parses, and lets only ProblemError through as a failure. */
function parseOrProblem(text: string): ReturnType<typeof parseFrontMatter> | ProblemError {
  try {
    return parseFrontMatter(text);
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
}

function checkValidation(data: unknown, body: string): void {
  const { profile, problems } = validateProfile(data, body, vocabulary);
  if (profile) {
    expect(problems).toEqual([]);
    for (const field of [
      "id",
      "title",
      "title_en",
      "lang",
      "level",
      "position",
      "summary",
      "summary_en",
    ] as const) {
      expect(typeof profile[field]).toBe("string");
    }
  } else {
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.length).toBeLessThanOrEqual(LIMITS.problems + 1);
    for (const p of problems) {
      expect(typeof p.field).toBe("string");
      expect(typeof p.message).toBe("string");
    }
  }
}

/** An object with the given own keys, "__proto__" included, set as data (as js-yaml does). */
function objectOf(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

const NASTY_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "<<"];
const key = fc.oneof(
  fc.constantFrom(...NASTY_KEYS, ...Object.keys(VALID_DATA)),
  fc.string({ maxLength: 12 }),
);
const controlText = fc
  .array(
    fc.oneof(
      fc.string({ unit: "binary", maxLength: 8 }),
      fc.constantFrom(
        "\u001b[31m",
        "\u001b]0;x\u0007",
        "\u009b2J",
        "\b",
        "\r",
        "\u202e",
        "\u2066",
        "\u0000",
        "\u0085",
      ),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(""));
const scalar = fc.oneof(
  controlText,
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("a".repeat(LIMITS.name + 1), "b ".repeat(LIMITS.prose), "2024-01-01", "../x", "a/b"),
);
const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie("value")), { maxLength: 4 }).map(objectOf),
  ),
})).value;

/** The paths of every value inside the valid profile, to mutate one. */
function pathsOf(node: unknown, path: (string | number)[] = []): (string | number)[][] {
  const here = [path];
  if (Array.isArray(node)) return [...here, ...node.flatMap((item, i) => pathsOf(item, [...path, i]))];
  if (node !== null && typeof node === "object")
    return [...here, ...Object.entries(node).flatMap(([k, v]) => pathsOf(v, [...path, k]))];
  return here;
}
const VALID_PATHS = pathsOf(VALID_DATA).filter((p) => p.length > 0);

function mutated(path: (string | number)[], replacement: unknown, extraKey?: [string, unknown]): unknown {
  const copy = structuredClone(VALID_DATA);
  let parent: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  Object.defineProperty(parent, last, {
    value: replacement,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  if (extraKey && !Array.isArray(parent)) {
    Object.defineProperty(parent, extraKey[0], {
      value: extraKey[1],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

const FENCES = [
  "---",
  "---yaml",
  "--- YML ",
  "---js",
  "---JS",
  "--- javascript",
  "---coffee",
  "--- CoffeeScript",
  "---json",
  "---toml",
  "----",
  "--",
  "---\t",
  "",
];
const YAML_SNIPPETS = [
  "a: &a [x, x]",
  "b: [*a, *a, *a]",
  "c: *nowhere",
  "d: !!js/function 'function () {}'",
  "e: !!python/object/apply:os.system ['true']",
  "<<: *a",
  "f: [[[[[[",
  "g: {h: &g [*g]}",
  "? [complex, key]\n: value",
  "%YAML 1.1",
  "...",
  "i: |\n  block\n  text",
  'j: "\\e[31m\\x9b\\u202e"',
  "__proto__: {polluted: yes}",
  "constructor: {prototype: {polluted: yes}}",
  "id: a\tb",
  "k: 0x1F\nl: .inf\nm: 1e400",
  "---",
  "\u0000",
];

describe("parsing any text as a profile file", () => {
  it("arbitrary text: a document or a ProblemError, never anything else", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        const result = parseOrProblem(text);
        if (!(result instanceof ProblemError)) checkValidation(result.data, result.body);
      }),
      { numRuns: 2000 },
    );
  });

  it("fenced YAML-ish documents (any fence, snippets, aliases, tags, BOM, CRLF)", () => {
    const line = fc.oneof(
      fc.constantFrom(...YAML_SNIPPETS),
      fc.string({ unit: "grapheme-ascii", maxLength: 20 }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...FENCES),
        fc.array(line, { maxLength: 12 }),
        fc.string({ maxLength: 40 }),
        fc.boolean(),
        fc.boolean(),
        (fence, lines, body, bom, crlf) => {
          let text = `${bom ? "\uFEFF" : ""}${fence}\n${lines.join("\n")}\n---\n${body}`;
          if (crlf) text = text.replace(/\n/g, "\r\n");
          const result = parseOrProblem(text);
          if (result instanceof ProblemError) {
            expect(result.field).toMatch(/^(file|front-matter)$/);
          } else {
            expect(fence.trim()).toMatch(/^---(\s*ya?ml)?$/i);
            checkValidation(result.data, result.body);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("generated YAML values as front-matter (nasty keys included)", () => {
    fc.assert(
      fc.property(value, (data) => {
        const text = `---\n${yaml.dump(data, { schema: yaml.CORE_SCHEMA, skipInvalid: true })}---\n`;
        const result = parseOrProblem(text);
        if (!(result instanceof ProblemError)) checkValidation(result.data, result.body);
      }),
      { numRuns: 1500 },
    );
  });

  it("alias graphs of any shape end in a document or a clear refusal", () => {
    const graph = fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(graph, (nodes) => {
        // Node i lists earlier nodes by alias (node 0 is a leaf list): fan-out grows exponentially.
        const lines = nodes.map((refs, i) =>
          i === 0 ? "n0: &n0 [x, y]" : `n${i}: &n${i} [${refs.map((r) => `*n${r % i}`).join(", ")}]`,
        );
        const result = parseOrProblem(`---\n${lines.join("\n")}\n---\n`);
        if (result instanceof ProblemError) expect(result.message).toMatch(/alias bomb|nested deeper/);
        else checkValidation(result.data, result.body);
      }),
      { numRuns: 300 },
    );
  });
});

describe("validating profile-shaped data", () => {
  it("the valid profile with any one field replaced by any value, and any extra key added", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID_PATHS),
        value,
        fc.option(fc.tuple(key, value), { nil: undefined }),
        (path, replacement, extra) => {
          const data = mutated(path, replacement, extra);
          checkValidation(data, VALID_BODY);
          // And the same data through YAML text and the whole file loader.
          const text = `---\n${yaml.dump(data, { schema: yaml.CORE_SCHEMA, skipInvalid: true })}---\n${VALID_BODY}`;
          const file: ProfileFile = { path: "/fuzz/profile.md", origin: "/fuzz", text };
          const loaded = loadProfileFile(file, vocabulary);
          expect(loaded.profile === undefined).toBe(loaded.problems.length > 0);
          for (const p of loaded.problems) expect(p.file).toBe("/fuzz/profile.md");
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("anything at all (null prototypes, boxed values, maps, sets) never makes the validator throw", () => {
    const anything = fc.anything({
      withNullPrototype: true,
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withObjectString: true,
      withSparseArray: true,
      key,
    });
    fc.assert(
      fc.property(anything, (data) => {
        checkValidation(data, "");
      }),
      { numRuns: 1500 },
    );
  });
});

describe("loading many files at once", () => {
  it("a list of good, duplicated and broken files: every file is a profile or a problem, ids stay unique", () => {
    const fileText = fc.oneof(
      fc
        .constantFrom("a-role", "b-role", "constructor", "__proto__", "../x")
        .map((id) => VALID_TEXT.replace("id: support-agent", `id: "${id}"`)),
      fc.string({ unit: "binary", maxLength: 80 }),
      fc.constantFrom(...YAML_SNIPPETS).map((snippet) => `---\n${snippet}\n---\n`),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("/a", "/b"), fileText), { maxLength: 10 }), (entries) => {
        const files: ProfileFile[] = entries.map(([origin, text], i) => ({
          path: `${origin}/${i}.md`,
          origin,
          text,
        }));
        const { profiles, problems } = loadProfiles(files, vocabulary);
        const ids = profiles.map((p) => p.profile.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const file of files) {
          const used = profiles.some((p) => p.file === file.path || p.overrides.includes(file.path));
          expect(used || problems.some((p) => p.file === file.path)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("the hostile fixture folders load in this process without polluting any prototype", () => {
    const folders = readdirSync(HOSTILE, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
      .map((entry) => join(entry.parentPath, entry.name));
    expect(folders.length).toBeGreaterThan(80);
    const files: ProfileFile[] = folders.map((path) => ({
      path,
      origin: join(path, ".."),
      text: readFileSync(path, "utf8"),
    }));
    const { profiles, problems } = loadProfiles(files, vocabulary);
    expect(profiles.map((p) => p.profile.id)).toContain("constructor");
    expect(problems.some((p) => p.field === "__proto__" && p.message === "unknown field")).toBe(true);
    assertNoPollution();
  });
});
