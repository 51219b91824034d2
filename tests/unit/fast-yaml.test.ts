// Differential tests of the fast YAML reader (src/core/fast-yaml.ts) against js-yaml, the reference:
// for every input, parseYamlSubset either declines (undefined) or gives exactly what
// yaml.load(text, { schema: CORE_SCHEMA }) gives, key order and prototypes included, and never
// accepts a text that js-yaml refuses. Real and generated profiles must take the fast path, or
// the speed-up would be fake.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import matter from "gray-matter";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import {
  FAST_YAML_MAX_DEPTH,
  FAST_YAML_MAX_LENGTH,
  FAST_YAML_MAX_NODES,
  parseYamlSubset,
} from "../../src/core/fast-yaml.js";
import { MAX_YAML_DEPTH, MAX_YAML_NODES, safeMatterOptions } from "../../src/core/parse-front-matter.js";
import { NAUGHTY_STRINGS } from "../helpers/naughty-strings.js";
import { ROOT } from "../helpers/run-cli.js";

type Reference = { value: unknown } | { error: string };

function reference(text: string): Reference {
  try {
    return { value: yaml.load(text, { schema: yaml.CORE_SCHEMA }) };
  } catch (error) {
    return { error: String(error) };
  }
}

/**
 * A value spelled out so that `toEqual` also compares what it does not see: key order,
 * prototypes, own non-enumerable or symbol keys, -0.
 */
function spelled(value: unknown): unknown {
  if (value === null || typeof value !== "object") {
    return typeof value === "number"
      ? ["number", Object.is(value, -0) ? "-0" : String(value)]
      : [typeof value, value];
  }
  const own = Reflect.ownKeys(value).map(String);
  if (Array.isArray(value)) {
    return ["array", Object.getPrototypeOf(value) === Array.prototype, own.length, value.map(spelled)];
  }
  const keys = Object.keys(value);
  return [
    "object",
    Object.getPrototypeOf(value) === Object.prototype,
    own,
    keys.map((key) => [key, spelled((value as Record<string, unknown>)[key])]),
  ];
}

/** Asserts agreement with js-yaml; true when the fast path was taken. */
function agrees(text: string): boolean {
  const fast = parseYamlSubset(text);
  if (fast === undefined) return false;
  const expected = reference(text);
  expect("error" in expected ? expected.error : "no error", JSON.stringify(text)).toBe("no error");
  if ("value" in expected) expect(spelled(fast.value), JSON.stringify(text)).toEqual(spelled(expected.value));
  return true;
}

/** The text that gray-matter hands to the YAML engine (what parseFrontMatter's parseYaml gets). */
function engineInput(fileText: string): string | undefined {
  let captured: string | undefined;
  const options = safeMatterOptions();
  const capture = (text: string) => {
    captured = text;
    return {};
  };
  (options.engines as Record<string, unknown>).yaml = capture;
  (options.engines as Record<string, unknown>).yml = capture;
  try {
    matter(fileText.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"), options);
  } catch {
    return undefined; // a refused engine fence
  }
  return captured;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.isFile() && entry.name.endsWith(".md") ? [path] : [];
  });
}

const generator = await import(pathToFileURL(join(ROOT, "scripts", "generate-profiles.mjs")).href);
const vocabulary = generator.loadVocabulary();
const GENERATED = Array.from(
  { length: 300 },
  (_, index) => generator.profileText(index, vocabulary).text as string,
);
const REAL = markdownFiles(join(ROOT, "data", "roles")).map((path) => readFileSync(path, "utf8"));
const FIXTURES = markdownFiles(join(ROOT, "tests", "fixtures")).map((path) => readFileSync(path, "utf8"));
const NAUGHTY: string[] = [...NAUGHTY_STRINGS];

describe("parseYamlSubset on profiles", () => {
  it("reads every built-in profile the fast way, as js-yaml does", () => {
    expect(REAL.length).toBeGreaterThanOrEqual(5);
    for (const text of REAL) {
      const input = engineInput(text);
      expect(input).toBeDefined();
      expect(agrees(input as string)).toBe(true);
    }
  });

  it("reads every generated benchmark profile the fast way, as js-yaml does", () => {
    for (const text of GENERATED) expect(agrees(engineInput(text) as string)).toBe(true);
  });

  it("agrees with js-yaml on every fixture, valid or broken, with and without gray-matter's cut", () => {
    expect(FIXTURES.length).toBeGreaterThan(50);
    let fast = 0;
    for (const text of FIXTURES) {
      const input = engineInput(text);
      if (input !== undefined && agrees(input)) fast++;
      // The text between the fences as it is in the file: CRs, BOM and all.
      agrees(text.slice(text.indexOf("\n") + 1, text.indexOf("\n---", 3)));
    }
    // Many fixtures write `aliases: [x]`, a flow sequence the subset leaves to js-yaml; the rest
    // are read the fast way.
    expect(fast).toBeGreaterThan(5);
  });

  it("agrees on profiles cut at every line (truncated and partly indented documents)", () => {
    for (const text of [...REAL, ...GENERATED.slice(0, 3)]) {
      const lines = (engineInput(text) as string).split("\n");
      for (let end = 1; end <= lines.length; end++) agrees(lines.slice(0, end).join("\n"));
      for (let start = 1; start < lines.length; start += 7) agrees(lines.slice(start).join("\n"));
    }
  });
});

describe("parseYamlSubset on the Big List of Naughty Strings", () => {
  const indent = (text: string, by: string) =>
    text
      .split("\n")
      .map((line) => (line === "" ? "" : by + line))
      .join("\n");
  // Each form, and the least number of strings (of 2 × 461) it must read the fast way, so that
  // the test is not a vacuous pass. Keys are simple identifiers only: few strings are.
  const forms: [string, (s: string) => string, number][] = [
    ["plain value", (s) => `key: ${s}\nnext: x\n`, 600],
    ["plain entry", (s) => `list:\n  - ${s}\n  - x\n`, 600],
    ["compact mapping", (s) => `list:\n  - label: ${s}\n    text: x\n`, 600],
    ["key", (s) => `${s}: x\n`, 40],
    ["single-quoted", (s) => `key: '${s.replaceAll("'", "''")}'\n`, 850],
    ["double-quoted", (s) => `key: "${s.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"\n`, 850],
    ["double-quoted raw", (s) => `key: "${s}"\n`, 450],
    ["folded", (s) => `key: >-\n${indent(s, "  ")}\nnext: x\n`, 850],
    ["folded clip", (s) => `list:\n  - >\n${indent(s, "    ")}\n`, 850],
    ["literal", (s) => `key: |\n${indent(s, "  ")}\n`, 850],
    ["literal strip", (s) => `l:\n  - a: b\n    c: |-\n${indent(s, "       ")}\n`, 850],
  ];

  it.each(forms)("agrees on each string as a %s", (_, form, least) => {
    let fast = 0;
    for (const naughty of NAUGHTY) {
      if (agrees(form(naughty))) fast++;
      if (agrees(`\n${form(naughty)}`)) fast++;
    }
    expect(fast).toBeGreaterThanOrEqual(least);
  });
});

describe("parseYamlSubset on chosen constructs", () => {
  it.each([
    ["key: value", { key: "value" }],
    ["\nid: a\ntitle: B c\n", { id: "a", title: "B c" }],
    ["a: 'it''s'\nb: \"x\\ty\\u00e9\\x41\\\\\"", { a: "it's", b: "x\ty\u00e9A\\" }],
    [
      "a: true\nb: False\nc: TRUE\nd: ~\ne: null\nf: No\ng: yes\nh: off",
      { a: true, b: false, c: true, d: null, e: null, f: "No", g: "yes", h: "off" },
    ],
    ["a:\nb: []\nc: {}", { a: null, b: [], c: {} }],
    ["s: >-\n  one\n  two\n\n  three\nn: x", { s: "one two\nthree", n: "x" }],
    ["s: >\n  one\n  two\n", { s: "one two\n" }],
    ["s: |\n  one\n    two\n\n  three\n", { s: "one\n  two\n\nthree\n" }],
    ["s: |-\n  # not a comment\n  a: b\n", { s: "# not a comment\na: b" }],
    ["l:\n  - a\n  - b: c\n    d: e\n  -   f: g\n", { l: ["a", { b: "c", d: "e" }, { f: "g" }] }],
    ["# comment\nk:\n    # deep comment\n    - x\n# back\nj: y", { k: ["x"], j: "y" }],
    ["url: https://example.com/a#b\nt: a:b c#d", { url: "https://example.com/a#b", t: "a:b c#d" }],
    [
      "file: 002_cc80030b1b6681a3.txt\nv: 24/7 support\nw: +45 1234",
      { file: "002_cc80030b1b6681a3.txt", v: "24/7 support", w: "+45 1234" },
    ],
    ["constructor: x\ntoString: y", { constructor: "x", toString: "y" }],
  ])("reads %j as js-yaml does", (text, expected) => {
    expect(agrees(text)).toBe(true);
    expect(parseYamlSubset(text)?.value).toEqual(expected);
  });

  it.each([
    ["tabs", "a:\tb"],
    ["a tab in indentation", "a:\n\t- b"],
    ["CR line ends", "a: b\r\nc: d"],
    ["anchors and aliases", "a: &x b\nc: *x"],
    ["tags", "a: !!str 1"],
    ["flow collections with content", "a: [b, c]"],
    ["flow mappings with content", "a: {b: c}"],
    ["explicit keys", "? a\n: b"],
    ["document markers", "---\na: b"],
    ["document end", "a: b\n...\n"],
    ["directives", "%YAML 1.2\n---\na: b"],
    ["duplicate keys", "a: b\na: c"],
    ["duplicate keys in a nested mapping", "l:\n  - a: b\n    a: c"],
    ["a __proto__ key", "__proto__: x"],
    ["a key that resolves", "Null: x"],
    ["a boolean key", "True: x"],
    ["a quoted key", "'a': b"],
    ["a key with a space before the colon", "a : b"],
    ["integers", "a: 12"],
    ["hex", "a: 0x1F"],
    ["octal", "a: 0o17"],
    ["floats", "a: 1e3"],
    ["dots", "a: .inf"],
    ["signed", "a: +12"],
    ["a comment after a value", "a: b # c"],
    ["`: ` in a plain scalar", "a: b: c"],
    ["a trailing colon", "a: b:"],
    ["a multi-line plain scalar", "a: b\n  c"],
    ["a multi-line quoted scalar", "a: 'b\n  c'"],
    ["text after a quoted scalar", "a: 'b' c"],
    ["the \\U escape", 'a: "\\U0001F600"'],
    ["an unknown escape", 'a: "\\q"'],
    ["lines of spaces", "a: b\n  \nc: d"],
    ["trailing spaces", "a: b \nc: d"],
    ["an indentless sequence", "a:\n- b"],
    ["bad indentation", "a:\n  b: c\n d: e"],
    ["a more indented folded line", "a: >\n  b\n    c\n"],
    ["keep chomping", "a: |+\n  b\n"],
    ["an indentation indicator", "a: |2\n   b\n"],
    ["a comment after a block header", "a: | # c\n  b\n"],
    ["a top-level sequence", "- a\n- b"],
    ["a top-level scalar", "just text"],
    ["an indented top level", "  a: b"],
    ["an empty document", "\n# only a comment\n"],
    ["a bare dash", "a:\n  -\n  - b"],
    ["a nested sequence", "a:\n  - - b"],
    ["NUL", "a: b\u0000"],
    ["C1 controls", "a: b\u0085c"],
    ["a byte-order mark", "\uFEFFa: b"],
    ["a lone surrogate", "a: \uD800"],
    ["non-ASCII keys", "å: b"],
  ])("declines %s", (_, text) => {
    expect(parseYamlSubset(text)).toBeUndefined();
  });

  it("declines nesting deeper than its bound, and long texts", () => {
    const deep = (levels: number) =>
      `${Array.from({ length: levels }, (_, level) => `${"  ".repeat(level)}k${level}:`).join("\n")} x`;
    expect(agrees(deep(FAST_YAML_MAX_DEPTH / 2))).toBe(true);
    expect(parseYamlSubset(deep(FAST_YAML_MAX_DEPTH + 1))).toBeUndefined();
    const long = `list:\n${"  - x\n".repeat(FAST_YAML_MAX_LENGTH / 6 + 1)}`;
    expect(long.length).toBeGreaterThan(FAST_YAML_MAX_LENGTH);
    expect(parseYamlSubset(long)).toBeUndefined();
    const longest = `list:\n${"  - x\n".repeat((FAST_YAML_MAX_LENGTH - 6) / 6)}`;
    expect(longest.length).toBeLessThanOrEqual(FAST_YAML_MAX_LENGTH);
    expect(agrees(longest)).toBe(true);
  });

  it("keeps its bounds inside assertBoundedSize's, so its trees need no second walk", () => {
    expect(FAST_YAML_MAX_NODES).toBeLessThan(MAX_YAML_NODES);
    expect(FAST_YAML_MAX_DEPTH + 2).toBeLessThan(MAX_YAML_DEPTH);
  });

  it("spells out what toEqual alone would miss (the comparison can fail)", () => {
    expect(spelled({ a: 1, b: 2 })).not.toEqual(spelled({ b: 2, a: 1 }));
    expect(spelled({ a: 1 })).not.toEqual(spelled(Object.assign(Object.create(null), { a: 1 })));
    expect(spelled({ a: "1" })).not.toEqual(spelled({ a: 1 }));
    expect(spelled([null])).not.toEqual(spelled([undefined]));
  });
});

describe("parseYamlSubset on generated documents", () => {
  const KEYS = [
    "id",
    "title",
    "a",
    "b",
    "k_2",
    "x-y",
    "__proto__",
    "true",
    "Null",
    "a b",
    "'q'",
    "-x",
    "?",
    "<<",
    "1",
  ];
  const NASTY = [
    ...["~", "null", "Null", "NULL", "true", "True", "FALSE", "No", "yes", "on", "y", "="],
    ...[
      "0x1F",
      "0o17",
      "0b11",
      "1_000",
      ".inf",
      "-.Inf",
      ".NaN",
      "1e3",
      "-12",
      "+12",
      "012",
      "1.5",
      ".5",
      "5.",
    ],
    ...["1:30", "2024-01-01", "0", "+", ".", "..", "0x", "0b2", "1e", "e1", "+.5", "-0", "+0.0"],
    ...[
      "a: b",
      "a:b",
      "a:",
      "a #b",
      "a#b",
      "#a",
      "- a",
      "-a",
      "?a",
      ":a",
      "[a]",
      "[]",
      "{}",
      "{a: 1}",
      "[ ]",
    ],
    ...[
      "&a x",
      "*a",
      "!tag x",
      "|",
      ">",
      "'x'",
      '"x"',
      "%x",
      "@x",
      "`x",
      "",
      " ",
      "a\tb",
      "a\\b",
      "a'b",
      'a"b',
    ],
    ...[
      "\u00a0x",
      "x\u00a0",
      "a\u2028b",
      "a\u0085b",
      "\ufeffx",
      "é",
      "😀",
      "\ud800",
      "---",
      "...",
      "a  b",
      "<<",
    ],
  ];
  const word = fc.stringMatching(/^[A-Za-zæøå][A-Za-z0-9 ,.æøå/()-]{0,12}$/);
  const scalarText = fc.oneof(
    { weight: 4, arbitrary: word },
    { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
  );
  const key = fc.oneof(
    { weight: 5, arbitrary: fc.stringMatching(/^[a-z_][a-z0-9_-]{0,6}$/) },
    fc.constantFrom(...KEYS),
  );

  /** A value on the line of its key or dash: a list of lines, the first one going after `key: `. */
  type Lines = string[];
  const blockBody = fc.array(
    fc.oneof(word, fc.constant(""), fc.constantFrom(" more", "# hash", "a: b", "  x")),
    {
      minLength: 0,
      maxLength: 4,
    },
  );
  const inlineValue = (indent: string): fc.Arbitrary<Lines> =>
    fc.oneof(
      { weight: 5, arbitrary: scalarText.map((s) => [s]) },
      { weight: 2, arbitrary: scalarText.map((s) => [`'${s.replaceAll("'", "''")}'`]) },
      {
        weight: 2,
        arbitrary: scalarText.map((s) => [`"${s.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`]),
      },
      { weight: 1, arbitrary: scalarText.map((s) => [`"${s}"`]) },
      { weight: 1, arbitrary: fc.constantFrom("[]", "{}", "[a]", "{a: b}", "[ ]").map((s) => [s]) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(
            fc.constantFrom(">-", ">", "|", "|-", "|+", ">2", "| # c"),
            blockBody,
            fc.constantFrom("  ", "   ", " "),
          )
          .map(([header, body, more]) => [
            header,
            ...body.map((line) => (line === "" ? "" : indent + more + line)),
          ]),
      },
    );

  const node = fc.letrec<{ mapping: Lines; sequence: Lines }>((tie) => ({
    mapping: fc
      .array(
        fc.tuple(
          key,
          fc.oneof(
            { weight: 4, arbitrary: inlineValue("").map((v) => ({ kind: "inline" as const, lines: v })) },
            {
              weight: 1,
              arbitrary: fc
                .oneof(tie("mapping"), tie("sequence"), fc.constant([] as Lines))
                .map((v) => ({ kind: "block" as const, lines: v })),
            },
          ),
        ),
        { minLength: 1, maxLength: 4 },
      )
      .map((entries) =>
        entries.flatMap(([k, value]) =>
          value.kind === "inline"
            ? [
                `${k}: ${value.lines[0]}`,
                ...value.lines.slice(1).map((line) => (line === "" ? "" : `  ${line}`)),
              ]
            : [`${k}:`, ...value.lines.map((line) => (line === "" ? "" : `  ${line}`))],
        ),
      ),
    sequence: fc
      .array(fc.oneof({ weight: 3, arbitrary: inlineValue("") }, { weight: 2, arbitrary: tie("mapping") }), {
        minLength: 1,
        maxLength: 3,
      })
      .map((items) =>
        items.flatMap((lines) => [
          `- ${lines[0]}`,
          ...lines.slice(1).map((line) => (line === "" ? "" : `  ${line}`)),
        ]),
      ),
  }));

  /** Small damage: the kind of slip a hand-written file has, and constructs outside the subset. */
  const noise = fc.array(
    fc.tuple(
      fc.nat(),
      fc.constantFrom(
        "",
        "# comment",
        "  # indented comment",
        "   ",
        "---",
        "...",
        "%YAML 1.2",
        "\t",
        "x",
        " ",
        "- ",
        "? k",
        ": v",
        "dup: 1",
        "dup: 2",
      ),
      fc.constantFrom("insert", "indent", "dedent", "append", "cr"),
    ),
    { maxLength: 3 },
  );

  function damage(lines: Lines, edits: [number, string, string][]): string {
    const out = [...lines];
    for (const [at, text, how] of edits) {
      const i = out.length === 0 ? 0 : at % out.length;
      if (how === "insert") out.splice(i, 0, text);
      else if (how === "indent") out[i] = ` ${out[i] ?? ""}`;
      else if (how === "dedent") out[i] = (out[i] ?? "").replace(/^ /, "");
      else if (how === "append") out[i] = `${out[i] ?? ""}${text}`;
      else out[i] = `${out[i] ?? ""}\r`;
    }
    return out.join("\n");
  }

  it("agrees with js-yaml on clean documents, and mostly takes the fast path", () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(node.mapping, fc.boolean(), (lines, leadingBreak) => {
        runs++;
        if (agrees(`${leadingBreak ? "\n" : ""}${lines.join("\n")}`)) fast++;
      }),
      { numRuns: 3000 },
    );
    expect(fast).toBeGreaterThan(runs / 4);
  });

  it("agrees with js-yaml on damaged documents", () => {
    let fast = 0;
    fc.assert(
      fc.property(node.mapping, noise, (lines, edits) => {
        if (agrees(damage(lines, edits))) fast++;
      }),
      { numRuns: 3000 },
    );
    expect(fast).toBeGreaterThan(100);
  });

  it("agrees with js-yaml on damaged real profiles", () => {
    const inputs = [...REAL, ...GENERATED.slice(0, 20)].map((text) =>
      (engineInput(text) as string).split("\n"),
    );
    fc.assert(
      fc.property(fc.constantFrom(...inputs), noise, (lines, edits) => {
        agrees(damage(lines, edits));
      }),
      { numRuns: 1000 },
    );
  });
});
