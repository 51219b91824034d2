import matter from "gray-matter";
import { afterEach, describe, expect, it } from "vitest";
import { assertBoundedSize, parseFrontMatter, safeMatterOptions } from "../../src/core/parse-front-matter.js";
import { ProblemError } from "../../src/core/problem.js";

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

  it("bounds the walk of shared references", () => {
    const shared = Array(1000).fill("x");
    expect(() => assertBoundedSize(Array(100).fill(shared))).toThrow(/more than/);
    expect(() => assertBoundedSize({ list: shared })).not.toThrow();
  });
});
