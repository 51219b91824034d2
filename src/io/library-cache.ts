import { isAscii } from "node:buffer";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import type { Problem } from "../core/problem.js";
import type { HeadPosition, HeadResponsibility, ProfileHead } from "../core/profile.js";
import type { ConceptKind } from "../core/vocabulary.js";

/**
 * The profile cache: one JSON file per library (its list of folders), holding what `list`, `search`
 * and the career commands (`gap`, `graph`) need of every profile file (its head, or its problems),
 * and one more file with the parsed vocabulary (vocabulary.json: parsing its YAML costs more than
 * the rest of a `show`). A file's entry is used while the file's stamp (size, mtime, ctime, inode) is the one stored; the
 * whole cache only while its key (format, csroles build, folders, vocabulary text) is the same.
 * Anything unreadable, damaged or foreign is ignored and replaced; the cache never changes an
 * answer and never fails a command.
 */

/** Bumped whenever the shape of the file changes. */
const FORMAT = 2;

/** What a cache is for: every part must match for it to be used. */
export interface CacheKey {
  /** The csroles build (version and code), so another build's heads are never trusted. */
  version: string;
  folders: string[];
  /** A hash of the vocabulary files' text: profiles are valid or not against the vocabulary. */
  vocabulary: string;
}

/** What the cache knows of one profile file. */
export interface CachedFile {
  stamp: string;
  problems: Problem[];
  /** Set when the file is a valid profile. */
  head?: ProfileHead;
}

export interface LibraryCache {
  /** By path, as the folder listing makes it. */
  files: Map<string, CachedFile>;
}

/** $XDG_CACHE_HOME/csroles, else ~/.cache/csroles; a relative XDG_CACHE_HOME is ignored (XDG spec). */
export function cacheFolder(env: NodeJS.ProcessEnv): string | undefined {
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, "csroles");
  return env.HOME && isAbsolute(env.HOME) ? join(env.HOME, ".cache", "csroles") : undefined;
}

/** The cache file of a library. */
export function cacheFile(cacheDir: string, folders: string[]): string {
  return join(cacheDir, `library-${hashText(folders.join("\0"))}.json`);
}

export function hashText(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** The cache in `file` when it is whole and made for `key`; undefined otherwise, never an error. */
export function readCache(file: string, key: CacheKey): LibraryCache | undefined {
  const data = readJson(file);
  if (!isObject(data) || data.format !== FORMAT || !isObject(data.files)) return undefined;
  if (JSON.stringify(data.key) !== JSON.stringify(key)) return undefined;
  const tables = decodeTables(data.skills, data.tools);
  if (!tables) return undefined;
  if (!isListOf(data.positions, isPosition) || !isListOf(data.responsibilities, isResponsibility))
    return undefined;
  const lists: HeadLists = {
    positions: data.positions as HeadPosition[],
    responsibilities: data.responsibilities as HeadResponsibility[],
  };
  const files = new Map<string, CachedFile>();
  for (const [path, stored] of Object.entries(data.files)) {
    const entry = decodeFile(stored, tables, lists);
    if (entry) files.set(path, entry);
  }
  return { files };
}

/**
 * Writes the cache atomically: to a temporary file of this process, then renamed over the old one,
 * so a reader (or another csroles writing at the same time) sees one whole file or the other.
 * Failing to write (no cache folder, read-only, full disk) changes nothing but the next run's speed.
 */
export function writeCache(file: string, key: CacheKey, cache: LibraryCache): void {
  const tables: Tables = {
    skills: new Map(),
    tools: new Map(),
    positions: new ItemTable(),
    responsibilities: new ItemTable(),
  };
  const files: Record<string, StoredFile> = {};
  for (const [path, entry] of cache.files) files[path] = encodeFile(entry, tables);
  writeJson(file, {
    format: FORMAT,
    key,
    skills: [...tables.skills.keys()].map((text) => text.split("\0")),
    tools: [...tables.tools.keys()].map((text) => text.split("\0")),
    positions: tables.positions.items,
    responsibilities: tables.responsibilities.items,
    files,
  });
}

/** The vocabulary's files as parsed from YAML, when kept for the text whose hash is `hash`. */
export function readVocabularyCache(
  cacheDir: string,
  hash: string,
): Record<ConceptKind, unknown> | undefined {
  const data = readJson(join(cacheDir, "vocabulary.json"));
  return isObject(data) && data.format === FORMAT && data.hash === hash && isObject(data.parsed)
    ? (data.parsed as Record<ConceptKind, unknown>)
    : undefined;
}

export function writeVocabularyCache(
  cacheDir: string,
  hash: string,
  parsed: Record<ConceptKind, unknown>,
): void {
  writeJson(join(cacheDir, "vocabulary.json"), { format: FORMAT, hash, parsed });
}

/**
 * The JSON in a file that writeJson wrote: ASCII only, so it is read as Latin-1, several times faster
 * than decoding UTF-8 (a file with any other byte is not one of ours).
 */
export function readJson(file: string): unknown {
  try {
    const bytes = readFileSync(file);
    return isAscii(bytes) ? JSON.parse(bytes.toString("latin1")) : undefined;
  } catch {
    return undefined;
  }
}

/** JSON with every character beyond ASCII escaped (\u00e4), for readJson. */
export function asciiJson(data: unknown): string {
  return JSON.stringify(data).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Writes `data` as JSON, atomically (see writeCache); any failure is ignored. */
export function writeJson(file: string, data: unknown): void {
  writeAtomically(file, [asciiJson(data)]);
}

/**
 * Writes the parts one after the other to a temporary file of this process, then renames it over
 * `file` (see writeCache); any failure is ignored.
 */
export function writeAtomically(file: string, parts: (string | Uint8Array)[]): void {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    makeFolder(dirname(file));
    writeFileSync(
      temp,
      Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part) : part))),
      {
        mode: 0o600,
      },
    );
    renameSync(temp, file);
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // no folder to remove it from
    }
  }
}

/**
 * Makes a folder and its missing parents, one at a time. Not mkdirSync's `recursive`: under /proc
 * (XDG_CACHE_HOME=/proc/nope) Node's recursive mkdir never returns.
 */
function makeFolder(dir: string): void {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return;
    const parent = dirname(dir);
    if (code !== "ENOENT" || parent === dir) throw error;
    makeFolder(parent);
    mkdirSync(dir, { mode: 0o700 });
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

type SkillUse = ProfileHead["skills"][number];
type ToolUse = ProfileHead["tools"][number];

/**
 * A file's entry as written: the head's skills and tools as numbers in the cache's tables of
 * distinct (skill, label, note) and (tool, name, category) entries, which repeat across thousands of
 * profiles. A quarter of the size of plain objects, and each entry is one shared object once read.
 */
interface StoredFile {
  stamp: string;
  problems: Problem[];
  head?: Omit<ProfileHead, "skills" | "tools" | "positions" | "responsibilities"> & {
    skills: number[];
    tools: number[];
    positions: number[];
    responsibilities: number[];
  };
}

/**
 * Each distinct entry's fields joined by NUL, by its number (the order first met). A field holding a
 * NUL (a YAML "\\0") gives the entry a field too many, which fails the check on reading: never wrong.
 */
interface Tables {
  skills: Map<string, number>;
  tools: Map<string, number>;
  positions: ItemTable<HeadPosition>;
  responsibilities: ItemTable<HeadResponsibility>;
}

/** The distinct ladder positions and responsibility areas, stored once: generated libraries repeat them. */
interface HeadLists {
  positions: HeadPosition[];
  responsibilities: HeadResponsibility[];
}

/** Distinct items by their JSON text, each numbered in the order first met. */
class ItemTable<T> {
  readonly items: T[] = [];
  private readonly numbers = new Map<string, number>();

  numberOf(item: T): number {
    const text = JSON.stringify(item);
    let at = this.numbers.get(text);
    if (at === undefined) {
      at = this.items.length;
      this.items.push(item);
      this.numbers.set(text, at);
    }
    return at;
  }
}

function numberOf(table: Map<string, number>, entry: string[]): number {
  const text = entry.join("\0");
  let at = table.get(text);
  if (at === undefined) {
    at = table.size;
    table.set(text, at);
  }
  return at;
}

function encodeFile(entry: CachedFile, tables: Tables): StoredFile {
  if (!entry.head) return { stamp: entry.stamp, problems: entry.problems };
  const { skills, tools, positions, responsibilities, ...rest } = entry.head;
  return {
    stamp: entry.stamp,
    problems: entry.problems,
    head: {
      ...rest,
      skills: skills.map((skill) => numberOf(tables.skills, [skill.skill, skill.label, skill.note ?? ""])),
      tools: tools.map((tool) => numberOf(tables.tools, [tool.tool, tool.name, tool.category])),
      positions: positions.map((position) => tables.positions.numberOf(position)),
      responsibilities: responsibilities.map((area) => tables.responsibilities.numberOf(area)),
    },
  };
}

const isStrings = (value: unknown, length: number): value is string[] =>
  Array.isArray(value) && value.length === length && value.every((text) => typeof text === "string");

function decodeTables(skills: unknown, tools: unknown): { skills: SkillUse[]; tools: ToolUse[] } | undefined {
  if (!Array.isArray(skills) || !skills.every((entry) => isStrings(entry, 3))) return undefined;
  if (!Array.isArray(tools) || !tools.every((entry) => isStrings(entry, 3))) return undefined;
  return {
    skills: skills.map(
      ([skill, label, note]) => (note ? { skill, label, note } : { skill, label }) as SkillUse,
    ),
    tools: tools.map(([tool, name, category]) => ({ tool, name, category }) as ToolUse),
  };
}

const HEAD_STRINGS = ["id", "title", "title_en", "lang", "level", "position"] as const;

/** A stored entry as the loader uses it, or undefined when it does not have the right shape. */
function decodeFile(
  stored: unknown,
  tables: { skills: SkillUse[]; tools: ToolUse[] },
  lists: HeadLists,
): CachedFile | undefined {
  if (!isObject(stored) || typeof stored.stamp !== "string" || !Array.isArray(stored.problems))
    return undefined;
  if (!isProblems(stored.problems)) return undefined;
  const entry: CachedFile = { stamp: stored.stamp, problems: stored.problems };
  const head = stored.head;
  if (head === undefined) return entry;
  if (!isObject(head) || !HEAD_STRINGS.every((field) => typeof head[field] === "string")) return undefined;
  const { aliases, skill_count, tool_count } = head;
  if (!Array.isArray(aliases) || !aliases.every((alias) => typeof alias === "string")) return undefined;
  if (typeof skill_count !== "number" || typeof tool_count !== "number") return undefined;
  if (!isSource(head.source)) return undefined;
  const skills = entriesOf(head.skills, tables.skills);
  const tools = entriesOf(head.tools, tables.tools);
  const positions = entriesOf(head.positions, lists.positions);
  const responsibilities = entriesOf(head.responsibilities, lists.responsibilities);
  if (!skills || !tools || !positions || !responsibilities) return undefined;
  // Read in place: the parsed object becomes the head (a copy of 10,000 heads costs a collection).
  Object.assign(head, { skills, tools, positions, responsibilities });
  entry.head = head as unknown as ProfileHead;
  return entry;
}

export function isProblems(value: unknown): value is Problem[] {
  return isListOf(value, (p) => isObject(p) && typeof p.file === "string" && typeof p.message === "string");
}

function isListOf(value: unknown, isItem: (item: unknown) => boolean): boolean {
  return Array.isArray(value) && value.every(isItem);
}

const isPosition = (item: unknown): boolean =>
  isObject(item) && ["stage", "position", "label"].every((field) => typeof item[field] === "string");

const isSource = (value: unknown): boolean =>
  isObject(value) && Object.values(value).every((field) => typeof field === "string");

const isResponsibility = (item: unknown): boolean =>
  isObject(item) &&
  typeof item.area === "string" &&
  typeof item.text === "string" &&
  isListOf(item.skills, (skill) => typeof skill === "string");

function entriesOf<T>(numbers: unknown, table: T[]): T[] | undefined {
  if (!Array.isArray(numbers)) return undefined;
  const entries: T[] = [];
  for (const at of numbers) {
    const found = table[at as number];
    if (found === undefined || !Number.isInteger(at)) return undefined;
    entries.push(found);
  }
  return entries;
}
