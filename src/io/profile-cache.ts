import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { Problem } from "../core/problem.js";
import type { Profile, ProfileHead } from "../core/profile.js";
import type { Vocabulary } from "../core/vocabulary-types.js";

/**
 * The profile cache: what parsing and validating every profile file produced, kept between runs
 * so that a warm run reads one small manifest instead of parsing YAML. Layout, per set of folders:
 *   <key>.json          manifest: per file its stamp, problems, head and where its record is
 *   <key>-<token>.rec   full profiles as JSON, one after another, read by byte range
 * Entries are reused only when the file's size, mtime and inode are unchanged; the manifest is
 * checked before use and ignored when truncated, corrupt, or written by another build.
 */

const CACHE_FORMAT = 2;

export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

/** A role's head without its skill and tool lists, which live in the lists file. */
export type HeadCore = Omit<ProfileHead, "skills" | "tools">;

export interface CachedFile {
  stamp: FileStamp;
  problems: Problem[];
  head?: HeadCore;
  /** Byte offset and length of the full profile in the records file, and a hash of its bytes. */
  record?: [number, number, string];
}

export interface Manifest {
  format: number;
  build: string;
  vocabularyStamp: string;
  vocabulary: Vocabulary;
  records: string;
  recordsSize: number;
  /** The file of skill and tool lists per profile (read by search only). */
  lists: string;
  listsSize: number;
  files: Record<string, CachedFile>;
}

/** Skill [id, label] and tool [id, name, category] lists of one profile, flattened. */
export type Lists = [string[], string[]];

export function encodeLists(head: Pick<ProfileHead, "skills" | "tools">): Lists {
  return [
    head.skills.flatMap((s) => [s.skill, s.label]),
    head.tools.flatMap((t) => [t.tool, t.name, t.category]),
  ];
}

export function decodeLists(lists: Lists): Pick<ProfileHead, "skills" | "tools"> {
  const [skills, tools] = lists;
  const head: Pick<ProfileHead, "skills" | "tools"> = { skills: [], tools: [] };
  for (let i = 0; i + 1 < skills.length; i += 2)
    head.skills.push({ skill: skills[i] ?? "", label: skills[i + 1] ?? "" });
  for (let i = 0; i + 2 < tools.length; i += 3) {
    head.tools.push({ tool: tools[i] ?? "", name: tools[i + 1] ?? "", category: tools[i + 2] ?? "" });
  }
  return head;
}

// On disk each file is one array, to keep a manifest of thousands of profiles quick to parse:
// [size, mtimeMs, ino, problems, head | 0, offset, length, hash]
// head: [id, title, title_en, lang, level, position, aliases, skill_count, tool_count]
type EncodedHead = [string, string, string, string, string, string, string[], number, number];
type EncodedFile = [number, number, number, Problem[], EncodedHead | 0, number, number, string];

function encodeFile(entry: CachedFile): EncodedFile {
  const h = entry.head;
  const head: EncodedHead | 0 = h
    ? [h.id, h.title, h.title_en, h.lang, h.level, h.position, h.aliases, h.skill_count, h.tool_count]
    : 0;
  const [offset, length, hash] = entry.record ?? [0, 0, ""];
  return [entry.stamp.size, entry.stamp.mtimeMs, entry.stamp.ino, entry.problems, head, offset, length, hash];
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

function decodeFile(value: unknown, recordsSize: number): CachedFile | undefined {
  if (!Array.isArray(value) || value.length !== 8) return undefined;
  const [size, mtimeMs, ino, problems, head, offset, length, hash] = value as unknown[];
  if (typeof size !== "number" || typeof mtimeMs !== "number" || typeof ino !== "number") return undefined;
  if (!Array.isArray(problems)) return undefined;
  const entry: CachedFile = { stamp: { size, mtimeMs, ino }, problems: problems as Problem[] };
  if (head === 0) return entry;
  if (!Array.isArray(head) || head.length !== 9) return undefined;
  const [id, title, title_en, lang, level, position, aliases, skill_count, tool_count] = head as unknown[];
  if (
    typeof id !== "string" ||
    typeof title !== "string" ||
    typeof title_en !== "string" ||
    typeof lang !== "string" ||
    typeof level !== "string" ||
    typeof position !== "string" ||
    !isStringArray(aliases) ||
    typeof skill_count !== "number" ||
    typeof tool_count !== "number"
  ) {
    return undefined;
  }
  if (typeof offset !== "number" || typeof length !== "number" || typeof hash !== "string") return undefined;
  if (offset < 0 || length <= 0 || offset + length > recordsSize) return undefined;
  entry.head = {
    id,
    title,
    title_en,
    lang: lang as ProfileHead["lang"],
    level,
    position,
    aliases,
    skill_count,
    tool_count,
  };
  entry.record = [offset, length, hash];
  return entry;
}

/** The cache folder: $XDG_CACHE_HOME/csroles, else ~/.cache/csroles; undefined when neither is known. */
export function cacheFolder(env: NodeJS.ProcessEnv): string | undefined {
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, "csroles");
  const home = env.HOME || safeHomedir();
  return home ? join(home, ".cache", "csroles") : undefined;
}

function safeHomedir(): string | undefined {
  try {
    return homedir();
  } catch {
    return undefined;
  }
}

/**
 * cyrb53, a fast 53-bit string hash. The cache only needs to tell its own files apart and notice
 * accidental damage; node:crypto would cost several milliseconds of start-up to initialise.
 * (Anyone who can write to the cache folder can change what it holds in any case.)
 */
function hash53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

export function cacheKey(folders: string[]): string {
  const text = JSON.stringify(folders);
  return `${hash53(text)}${hash53(text, 1)}`;
}

export function recordHash(bytes: Buffer): string {
  return hash53(bytes.toString("latin1"));
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Reads and checks the manifest; anything unexpected means "no cache". */
export function readManifest(folder: string, key: string, build: string): Manifest | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(folder, `${key}.json`), "utf8"));
  } catch {
    return undefined;
  }
  if (
    !isObject(parsed) ||
    parsed.format !== CACHE_FORMAT ||
    parsed.build !== build ||
    typeof parsed.vocabularyStamp !== "string" ||
    !isObject(parsed.vocabulary) ||
    typeof parsed.records !== "string" ||
    !/^[0-9a-f]+-[0-9a-f]+\.rec$/.test(parsed.records) ||
    typeof parsed.recordsSize !== "number" ||
    typeof parsed.lists !== "string" ||
    !/^[0-9a-f]+-[0-9a-f]+\.lists$/.test(parsed.lists) ||
    typeof parsed.listsSize !== "number" ||
    !isObject(parsed.files)
  ) {
    return undefined;
  }
  const recordsSize = parsed.recordsSize;
  try {
    // The data files must be the ones this manifest wrote; another writer may have replaced them.
    if (statSync(join(folder, parsed.records)).size !== recordsSize) return undefined;
    if (statSync(join(folder, parsed.lists)).size !== parsed.listsSize) return undefined;
  } catch {
    return undefined;
  }
  const files: Record<string, CachedFile> = {};
  for (const [path, value] of Object.entries(parsed.files)) {
    const entry = decodeFile(value, recordsSize);
    if (!entry) return undefined;
    files[path] = entry;
  }
  return { ...(parsed as unknown as Manifest), files };
}

/** Reads full profiles from a records file by byte range; undefined when it no longer matches. */
export class RecordReader {
  private fd: number | undefined;
  private failed = false;

  constructor(
    private readonly path: string,
    private readonly expectedSize: number,
  ) {}

  /** A record's full profile, or undefined when the bytes are not what the manifest recorded. */
  read(range: [number, number, string], id: string): Profile | undefined {
    const bytes = this.raw(range);
    if (!bytes) return undefined;
    try {
      const profile = JSON.parse(bytes.toString("utf8")) as Profile;
      if (isObject(profile) && profile.id === id) return profile;
    } catch {
      // fall through: treated as a damaged cache
    }
    this.failed = true;
    return undefined;
  }

  /** The raw bytes of a record, checked against the manifest's hash. */
  raw(range: [number, number, string]): Buffer | undefined {
    if (this.failed) return undefined;
    try {
      this.fd ??= openSync(this.path, "r");
      const buffer = Buffer.alloc(range[1]);
      if (readSync(this.fd, buffer, 0, range[1], range[0]) !== range[1]) throw new Error("short read");
      if (recordHash(buffer) !== range[2]) throw new Error("record changed");
      return buffer;
    } catch {
      this.failed = true;
      return undefined;
    }
  }

  get size(): number {
    return this.expectedSize;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * Writes a new records file and manifest, each to a temporary file renamed into place, so that a
 * reader sees either the old or the new cache, and two writers at once each leave a consistent
 * pair (the manifest names its own records file). Failures are ignored: the cache is an
 * optimisation, never a reason to fail.
 */
export function writeCache(
  folder: string,
  key: string,
  manifest: Omit<Manifest, "records" | "recordsSize" | "lists" | "listsSize">,
  records: Buffer[],
  lists: Record<string, Lists>,
): void {
  const token = `${process.pid.toString(16)}${Math.floor(Math.random() * 2 ** 48).toString(16)}`;
  const recordsName = `${key.slice(0, 8)}-${token}.rec`;
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const body = Buffer.concat(records);
    const recordsTemp = join(folder, `${recordsName}.tmp`);
    writeFileSync(recordsTemp, body, { mode: 0o600 });
    renameSync(recordsTemp, join(folder, recordsName));
    const listsName = `${key.slice(0, 8)}-${token}.lists`;
    const listsBody = Buffer.from(JSON.stringify(lists));
    writeFileSync(join(folder, `${listsName}.tmp`), listsBody, { mode: 0o600 });
    renameSync(join(folder, `${listsName}.tmp`), join(folder, listsName));
    const encoded: Record<string, EncodedFile> = {};
    for (const [path, entry] of Object.entries(manifest.files)) encoded[path] = encodeFile(entry);
    const full = {
      ...manifest,
      records: recordsName,
      recordsSize: body.length,
      lists: listsName,
      listsSize: listsBody.length,
      files: encoded,
    };
    const manifestTemp = join(folder, `${key}.json.${token}.tmp`);
    writeFileSync(manifestTemp, JSON.stringify(full), { mode: 0o600 });
    renameSync(manifestTemp, join(folder, `${key}.json`));
    // Data files of earlier writes are no longer named by the manifest.
    const prefix = `${key.slice(0, 8)}-`;
    for (const name of readdirSync(folder)) {
      if (!name.startsWith(prefix) || name === recordsName || name === listsName) continue;
      if (name.endsWith(".rec") || name.endsWith(".lists")) unlinkSync(join(folder, name));
    }
  } catch {
    // A read-only or full cache folder only costs speed.
  }
}

/** Reads the lists file a manifest names; undefined when it is missing or damaged. */
export function readLists(folder: string, manifest: Manifest): Record<string, Lists> | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(folder, manifest.lists), "utf8"));
    return isObject(parsed) ? (parsed as Record<string, Lists>) : undefined;
  } catch {
    return undefined;
  }
}
