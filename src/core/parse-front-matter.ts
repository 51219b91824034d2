import matter from "gray-matter";
import yaml from "js-yaml";
import { ProblemError } from "./problem.js";

export interface ParsedDocument {
  /** The parsed YAML front-matter (unknown shape: validate before use). */
  data: unknown;
  /** The front-matter text, lines as in the file from line 2. */
  frontMatter: string;
  body: string;
}

/** Parsed YAML may hold shared references (aliases): walking them is bounded by these. */
export const MAX_YAML_NODES = 50_000;
export const MAX_YAML_DEPTH = 40;

function refuseEngine(name: string) {
  return () => {
    throw new ProblemError(
      "front-matter",
      `the '${name}' front-matter engine is refused; only YAML front-matter is read`,
      1,
    );
  };
}

function parseYaml(text: string): unknown {
  try {
    // CORE_SCHEMA: no timestamps (dates stay strings), no !!binary, no custom or language tags.
    return yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const line = error.mark?.line === undefined ? undefined : error.mark.line + 1; // gray-matter hands over the text from the end of the opening fence line
      throw new ProblemError("front-matter", `invalid YAML: ${error.reason}`, line);
    }
    if (error instanceof RangeError) {
      throw new ProblemError("front-matter", "YAML nested too deeply to read");
    }
    throw error;
  }
}

/**
 * gray-matter options that can never run code: it evaluates front-matter whose fence names
 * `js`/`javascript` (looked up case-insensitively through its alias table, so overriding `js`
 * alone lets `---JS` through), and caches by content when called without options. Every
 * engine but YAML is replaced by one that refuses, and an options object is always passed.
 */
type MatterOptions = NonNullable<Parameters<typeof matter>[1]>;

export function safeMatterOptions(): MatterOptions {
  return {
    language: "yaml",
    engines: {
      yaml: parseYaml,
      yml: parseYaml,
      javascript: refuseEngine("javascript"),
      js: refuseEngine("js"),
      coffee: refuseEngine("coffee"),
      coffeescript: refuseEngine("coffeescript"),
      cson: refuseEngine("cson"),
      json: refuseEngine("json"),
      toml: refuseEngine("toml"),
    } as unknown as MatterOptions["engines"],
  };
}

/** Throws when walking `value` would visit too many nodes or go too deep (YAML alias bombs). */
export function assertBoundedSize(value: unknown): void {
  let visited = 0;
  const walk = (node: unknown, depth: number): void => {
    visited += 1;
    if (visited > MAX_YAML_NODES) {
      throw new ProblemError(
        "front-matter",
        `YAML expands to more than ${MAX_YAML_NODES} values (an alias bomb?); refused`,
      );
    }
    if (depth > MAX_YAML_DEPTH) {
      throw new ProblemError("front-matter", `YAML nested deeper than ${MAX_YAML_DEPTH} levels; refused`);
    }
    if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1);
    } else if (node !== null && typeof node === "object") {
      for (const key of Object.keys(node)) walk((node as Record<string, unknown>)[key], depth + 1);
    }
  };
  walk(value, 0);
}

const FENCE = "---";

/** The options never change, and gray-matter copies them before use: built once. */
const MATTER_OPTIONS = safeMatterOptions();

/** The text without a leading byte-order mark, with LF line endings (CRLF and CR both become LF). */
function normalizeLineEnds(rawText: string): string {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/**
 * Splits a profile file into YAML front-matter and Markdown body, safely.
 * Accepts a UTF-8 byte-order mark and CRLF line endings.
 */
export function parseFrontMatter(rawText: string): ParsedDocument {
  const text = normalizeLineEnds(rawText);
  if (text.trim() === "")
    throw new ProblemError("file", "file is empty; a profile starts with a '---' line", 1);
  if (text.includes("\u0000")) throw new ProblemError("file", "file contains NUL bytes; is it a text file?");
  const firstBreak = text.indexOf("\n");
  const firstLine = firstBreak === -1 ? text : text.slice(0, firstBreak);
  if (!firstLine.startsWith(FENCE) || firstLine.startsWith(`${FENCE}-`)) {
    throw new ProblemError("front-matter", "no front-matter: the file must start with a line '---'", 1);
  }
  const engine = firstLine.slice(FENCE.length).trim();
  if (engine !== "" && !/^ya?ml$/i.test(engine)) {
    throw new ProblemError(
      "front-matter",
      `the fence names the '${engine}' engine; only YAML front-matter is read (start the file with a plain '---')`,
      1,
    );
  }
  const closeAt = firstBreak === -1 ? -1 : text.indexOf(`\n${FENCE}`, firstBreak);
  if (closeAt === -1) {
    throw new ProblemError("front-matter", "unclosed front-matter: no closing '---' line", 1);
  }
  const closeLineEnd = text.indexOf("\n", closeAt + 1);
  const closeLine = text.slice(closeAt + 1, closeLineEnd === -1 ? undefined : closeLineEnd);
  if (closeLine.trimEnd() !== FENCE) {
    const line = text.slice(0, closeAt + 1).split("\n").length;
    throw new ProblemError("front-matter", "the closing fence must be a line of exactly '---'", line);
  }
  const frontMatter = text.slice(firstBreak + 1, closeAt);
  const parsed = matter(text, MATTER_OPTIONS);
  assertBoundedSize(parsed.data);
  return { data: parsed.data, frontMatter, body: parsed.content };
}
