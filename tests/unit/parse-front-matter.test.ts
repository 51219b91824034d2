import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import matter from "gray-matter";
import yaml from "js-yaml";
import { afterEach, describe, expect, it } from "vitest";
import { assertBoundedSize, parseFrontMatter, safeMatterOptions } from "../../src/core/parse-front-matter.js";
import { ProblemError } from "../../src/core/problem.js";
import { ROOT } from "../helpers/run-cli.js";

const marker = "__csrolesEngineRan";
const payload = `{ ${marker}: (globalThis.${marker} = true) }`;

function problemOf(text: string): ProblemError {
  try {
    parseFrontMatter(text);
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error("expected a problem");
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[marker];
});

/** gray-matter with js-yaml alone, as the engine is configured (the reference). */
function jsYamlData(text: string): unknown {
  const options = safeMatterOptions();
  const load = (source: string) => yaml.load(source, { schema: yaml.CORE_SCHEMA });
  (options.engines as Record<string, unknown>).yaml = load;
  return matter(text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"), options).data;
}

/** js-yaml's own report of the front-matter of `text` (a file with a plain `---` fence). */
function jsYamlError(text: string): { message: string; line: number | undefined } {
  const front = text.slice(3, text.indexOf("\n---", 3));
  try {
    yaml.load(front, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    const { reason, mark } = error as yaml.YAMLException;
    return { message: `invalid YAML: ${reason}`, line: mark?.line === undefined ? undefined : mark.line + 1 };
  }
  throw new Error("expected js-yaml to refuse it");
}

describe("parseFrontMatter", () => {
  it("reads YAML front-matter and the body", () => {
    const doc = parseFrontMatter("---\nid: a-role\ntitle: Rolle\n---\n# Body\n");
    expect(doc.data).toEqual({ id: "a-role", title: "Rolle" });
    expect(doc.body).toBe("# Body\n");
  });

  it("accepts a byte-order mark and CRLF line endings", () => {
    const doc = parseFrontMatter("\uFEFF---\r\nid: a-role\r\nlist:\r\n  - x\r\n---\r\nBody\r\n");
    expect(doc.data).toEqual({ id: "a-role", list: ["x"] });
    expect(doc.body).toBe("Body\n");
  });

  it.each([
    "---js",
    "---JS",
    "---javascript",
    "---JavaScript",
    "--- javascript",
    "---  js  ",
    "---coffee",
    "---CoffeeScript",
    "--- json",
  ])("refuses the engine fence %j and runs no code", (fence) => {
    const problem = problemOf(`${fence}\n${payload}\n---\nbody\n`);
    expect(problem.field).toBe("front-matter");
    expect(problem.message).toMatch(/only YAML/);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it.each(["js", "JS", "javascript", "JavaScript", "coffee", "Javascript "])(
    "the gray-matter options alone refuse the %j engine (defence in depth)",
    (engine) => {
      expect(() => matter(`---${engine}\n${payload}\n---\n`, safeMatterOptions())).toThrow(/refused/);
      expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
    },
  );

  it("does not share parsed objects between parses of the same text (gray-matter's cache)", () => {
    const text = "---\nid: a-role\naliases: [x]\n---\n";
    const first = parseFrontMatter(text).data as { aliases: string[] };
    first.aliases.push("mutated");
    const second = parseFrontMatter(text).data as { aliases: string[] };
    expect(second.aliases).toEqual(["x"]);
  });

  it("keeps dates as strings and refuses YAML tags", () => {
    expect(parseFrontMatter("---\nid: 2024-01-01\n---\n").data).toEqual({ id: "2024-01-01" });
    for (const tag of [
      "!!js/function 'function () {}'",
      "!!python/object:os.system x",
      "!!timestamp 2024-01-01",
    ]) {
      const problem = problemOf(`---\nid: ${tag}\n---\n`);
      expect(problem.message).toMatch(/invalid YAML: unknown tag/);
      expect(problem.line).toBe(2);
    }
  });

  it("hands back non-mapping YAML for the validator to report", () => {
    expect(parseFrontMatter("---\n- a\n- b\n---\n").data).toEqual(["a", "b"]);
    expect(parseFrontMatter("---\njust text\n---\n").data).toBe("just text");
  });

  it.each([
    ["", /empty/],
    ["   \n\n", /empty/],
    ["# Just markdown\n", /no front-matter/],
    ["---\nid: x\n", /unclosed/],
    ["---\nid: x\n--- trailing\n", /exactly '---'/],
    ["---\nid: [unclosed\n---\n", /invalid YAML/],
    ["---\nid: a\nid: b\n---\n", /invalid YAML: duplicated mapping key/],
    ["---\nid: x\u0000\n---\n", /NUL/],
  ])("reports %j as a problem", (text, message) => {
    expect(problemOf(text).message).toMatch(message);
  });

  it("does not let __proto__ keys pollute prototypes", () => {
    const doc = parseFrontMatter(
      "---\n__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\n---\n",
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(doc.data as object)).toContain("__proto__");
  });

  it("refuses alias bombs and deep nesting", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(", ")}]`);
    }
    expect(problemOf(`---\n${levels.join("\n")}\n---\n`).message).toMatch(/alias bomb/);
    expect(problemOf(`---\nx: ${"[".repeat(60)}${"]".repeat(60)}\n---\n`).message).toMatch(/nested/);
    expect(problemOf(`---\nx: ${"[".repeat(200_000)}\n---\n`).message).toMatch(/YAML/);
  });

  it("gives the data js-yaml gives", () => {
    const files = [
      ...readdirSync(join(ROOT, "data", "roles")).map((name) => join(ROOT, "data", "roles", name)),
      join(ROOT, "tests", "fixtures", "profiles", "valid", "support-agent.md"),
    ];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      expect(parseFrontMatter(text).data, file).toStrictEqual(jsYamlData(text));
    }
    for (const text of ["---\r\nid: a\r\nlist:\r\n  - x\r\n---\r\n", "---\rid: a\rs: >-\r  b\r  c\r---\r"]) {
      expect(parseFrontMatter(text).data).toStrictEqual(jsYamlData(text));
    }
  });

  it.each([
    ["a repeated key", "---\nid: a\ntitle: b\nid: c\n---\n"],
    ["a repeated nested key", "---\nid: a\nskills:\n  - skill: x\n    skill: y\n---\n"],
    ["a tab in indentation", "---\nid: a\nskills:\n\t- x\n---\n"],
    ["bad indentation", "---\nid: a\nsource:\n  file: x\n publisher: y\n---\n"],
    ["a key after a scalar", "---\nid: a: b\n---\n"],
    ["an unclosed quote", "---\nid: 'a\ntitle: b\n---\n"],
    ["an unknown escape", '---\nid: "a\\q"\n---\n'],
    ["a non-printable character", "---\nid: a\u0001b\n---\n"],
    ["an unknown tag deep down", "---\nid: a\nsource:\n  file: !!binary x\n---\n"],
  ])("reports %s with js-yaml's message and line", (_, text) => {
    const problem = problemOf(text);
    const expected = jsYamlError(text);
    expect(problem.field).toBe("front-matter");
    expect(problem.message).toBe(expected.message);
    expect(problem.line).toBe(expected.line);
    expect(problem.line).toBeGreaterThanOrEqual(2);
  });

  it("refuses YAML with too many values, even without aliases", () => {
    const text = `---\nid: a\nlist:\n${"  - x\n".repeat(50_001)}---\n`;
    expect(problemOf(text).message).toMatch(/more than 50000 values/);
  });

  it("bounds the walk of shared references", () => {
    const shared = Array(1000).fill("x");
    expect(() => assertBoundedSize(Array(100).fill(shared))).toThrow(/more than/);
    expect(() => assertBoundedSize({ list: shared })).not.toThrow();
  });
});
