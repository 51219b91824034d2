import { isAscii } from "node:buffer";
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
// Every record and data file has a hash of its bytes in the manifest, checked on every read: damage
// that leaves well-formed JSON is caught too.
import { hashBytes } from "./hash-bytes.js";

/**
 * The profile cache: what parsing and validating every profile file produced, kept between runs
 * so that a warm run reads one compact manifest instead of parsing YAML. Layout, per set of folders
 * (`key`), all data files named by the manifest's `token`:
 *   <key>.json              manifest: per file (in columns) its path, stamp, id, problems, record
 *   <key8>-<token>.rec      full profiles as JSON, one after another, read by byte range
 *   <key8>-<token>.heads    the head (title, level, aliases…) of each file, one line each: its
 *                           hash, then its JSON
 *   <key8>-<token>.lists    skill and tool lists of every role, read to build a search index
 *   <key8>-<token>.search   the search index built from these roles (written by the first search)
 *   <key>.lookup            where each valid file's record is, for show and compare (cache-lookup.ts)
 * Entries are reused only when the file's size, mtime and inode are unchanged. Every file is
 * checked before use and ignored when missing, truncated, corrupt, or written by another build:
 * the cache only ever costs or saves time, it never changes a result.
 */

export const CACHE_FORMAT = 6;

export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

/** A role's head without its skill and tool lists, which live in the lists file. */
export type HeadCore = Omit<ProfileHead, "skills" | "tools">;

/** Skill [id, label] and tool [id, name, category] lists of one profile, flattened. */
export type Lists = [string[], string[]];

export function encodeLists(head: Pick<ProfileHead, "skills" | "tools">): Lists {
  // Plain loops: flatMap's array per entry made this a tenth of a first run's time.
  const skills: string[] = [];
  for (const s of head.skills) skills.push(s.skill, s.label);
  const tools: string[] = [];
  for (const t of head.tools) tools.push(t.tool, t.name, t.category);
  return [skills, tools];
}

export function decodeSkills(skills: string[]): ProfileHead["skills"] {
  const decoded: ProfileHead["skills"] = [];
  for (let i = 0; i + 1 < skills.length; i += 2)
    decoded.push({ skill: skills[i] ?? "", label: skills[i + 1] ?? "" });
  return decoded;
}

export function decodeTools(tools: string[]): ProfileHead["tools"] {
  const decoded: ProfileHead["tools"] = [];
  for (let i = 0; i + 2 < tools.length; i += 3)
    decoded.push({ tool: tools[i] ?? "", name: tools[i + 1] ?? "", category: tools[i + 2] ?? "" });
  return decoded;
}

export function decodeLists(lists: Lists): Pick<ProfileHead, "skills" | "tools"> {
  return { skills: decodeSkills(lists[0]), tools: decodeTools(lists[1]) };
}

/** A head's fields without its skill and tool lists (a cached or fresh head, or a full one). */
export function headCore(h: HeadCore): HeadCore {
  const { id, title, title_en, lang, level, position, aliases, skill_count, tool_count } = h;
  return { id, title, title_en, lang, level, position, aliases, skill_count, tool_count };
}

/** On disk a head is one array: [id, title, title_en, lang, level, position, aliases, skill_count, tool_count]. */
type EncodedHead = [string, string, string, string, string, string, string[], number, number];

export function encodeHead(h: HeadCore): EncodedHead {
  return [h.id, h.title, h.title_en, h.lang, h.level, h.position, h.aliases, h.skill_count, h.tool_count];
}

function decodeHead(value: unknown, id: string): HeadCore | undefined {
  if (!Array.isArray(value) || value.length !== 9) return undefined;
  const [headId, title, title_en, lang, level, position, aliases, skill_count, tool_count] =
    value as unknown[];
  if (
    headId !== id ||
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
  return {
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
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isProblem(value: unknown): value is Problem {
  return (
    isObject(value) &&
    typeof value.file === "string" &&
    typeof value.field === "string" &&
    typeof value.message === "string" &&
    (value.line === undefined || typeof value.line === "number")
  );
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
 * cyrb53, a fast 53-bit string hash, for short strings (the cache key). The cache only needs to tell
 * its own files apart and notice accidental damage. (Anyone who can write to the cache folder can
 * change what it holds in any case.)
 */
function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function hex53(text: string, seed = 0): string {
  return hash53(text, seed).toString(16).padStart(14, "0");
}

export function cacheKey(folders: string[]): string {
  const text = JSON.stringify(folders);
  return `${hex53(text)}${hex53(text, 1)}`;
}

/** Where a full profile is in the records file: byte offset, length and hash of the bytes. */
export type RecordRange = [number, number, number];

/** What the cache knows of every file, as written by writeCache. */
export interface ManifestData {
  format: number;
  build: string;
  /** Names this manifest's data files; a new one is made by every write. */
  token: string;
  vocabularyStamp: string;
  vocabulary: Vocabulary;
  recordsSize: number;
  /** The heads file's size (its lines carry their own hashes: see headOf). */
  headsSize: number;
  /** Where each file's line starts in the heads file (one more at the end: its size). */
  headStarts: number[];
  /** Size and hash (hashBytes) of the lists file. */
  listsSize: number;
  listsHash: number;
  /** Per file, in load order: */
  paths: string[];
  /** [size, mtimeMs, ino] of each file, one after another. */
  stamps: number[];
  /** The id of the valid profile in the file, or 0 when the file has none. */
  ids: (string | 0)[];
  /** [offset, length, hash] of each file's record (zeros when it has none). */
  records: number[];
  /** The problems of files that have some, by their index. */
  problems: Record<string, Problem[]>;
}

const NO_PROBLEMS: Problem[] = [];

/** A checked manifest, with the heads, lists and search index it names read on demand. */
export class Manifest {
  private byPath: Map<string, number> | undefined;
  /** The problems by file index (the manifest keeps them only for files that have some). */
  private readonly problems: (Problem[] | undefined)[] = [];
  private heads: Buffer | undefined | null;
  private lists: unknown[] | undefined | null;

  constructor(
    private readonly folder: string,
    private readonly key: string,
    readonly data: ManifestData,
  ) {
    for (const [index, list] of Object.entries(data.problems)) this.problems[Number(index)] = list;
  }

  get size(): number {
    return this.data.paths.length;
  }

  private dataFile(suffix: string): string {
    return dataFileName(this.key, this.data.token, suffix);
  }

  /** The records file this manifest wrote. */
  get recordsPath(): string {
    return join(this.folder, this.dataFile("rec"));
  }

  /** The index of `path`: `hint` when the file is where it was last time (the common case), else a lookup. */
  indexOf(path: string, hint: number): number {
    if (this.data.paths[hint] === path) return hint;
    if (!this.byPath) this.byPath = new Map(this.data.paths.map((p, i) => [p, i]));
    return this.byPath.get(path) ?? -1;
  }

  sameStamp(index: number, size: number, mtimeMs: number, ino: number): boolean {
    const s = this.data.stamps;
    return s[3 * index] === size && s[3 * index + 1] === mtimeMs && s[3 * index + 2] === ino;
  }

  stampOf(index: number): [number, number, number] {
    const s = this.data.stamps;
    return [s[3 * index] as number, s[3 * index + 1] as number, s[3 * index + 2] as number];
  }

  problemsOf(index: number): Problem[] {
    return this.problems[index] ?? NO_PROBLEMS;
  }

  idOf(index: number): string | undefined {
    const id = this.data.ids[index];
    return typeof id === "string" ? id : undefined;
  }

  recordOf(index: number): RecordRange {
    const r = this.data.records;
    return [r[3 * index] as number, r[3 * index + 1] as number, r[3 * index + 2] as number];
  }

  /** The head of file `index`, from the heads file; undefined when that file is missing or damaged. */
  headOf(index: number): HeadCore | undefined {
    if (this.heads === undefined) this.heads = this.readHeads();
    const id = this.idOf(index);
    if (!this.heads || id === undefined) return undefined;
    // One line per file, "<hash> <JSON>", checked and parsed when that role's head is first needed.
    const start = this.data.headStarts[index];
    const next = this.data.headStarts[index + 1];
    if (!Number.isInteger(start) || !Number.isInteger(next)) return undefined;
    const end = (next as number) - 1;
    if (!((start as number) >= 0 && (start as number) <= end && end < this.heads.length)) return undefined;
    if (this.heads[end] !== 10) return undefined;
    const line = this.heads.toString("utf8", start, end);
    const space = line.indexOf(" ");
    const json = line.slice(space + 1);
    if (space === -1 || line.slice(0, space) !== String(hash53(json))) return undefined;
    try {
      return decodeHead(JSON.parse(json), id);
    } catch {
      return undefined;
    }
  }

  /**
   * The heads file. Not hashed whole, unlike the other data files: a command shows a few heads of
   * thousands, and each line carries the hash of its own text (where lines start is in the manifest).
   */
  private readHeads(): Buffer | null {
    try {
      const bytes = readFileSync(join(this.folder, this.dataFile("heads")));
      return bytes.length === this.data.headsSize ? bytes : null;
    } catch {
      return null;
    }
  }

  /** The skill and tool lists of file `index`; undefined when the lists file is missing or damaged. */
  listsOf(index: number): Lists | undefined {
    if (this.lists === undefined) {
      const parsed = readJson(
        join(this.folder, this.dataFile("lists")),
        this.data.listsSize,
        this.data.listsHash,
      );
      this.lists = Array.isArray(parsed) && parsed.length === this.size ? parsed : null;
    }
    const entry = this.lists?.[index];
    return Array.isArray(entry) && entry.length === 2 && isStringArray(entry[0]) && isStringArray(entry[1])
      ? (entry as Lists)
      : undefined;
  }

  /** The search index saved for exactly these roles (see writeSearchIndex), or undefined. */
  readSearchIndex(build: string): { header: unknown; columns: Int32Array } | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(this.folder, this.dataFile("search")));
    } catch {
      return undefined;
    }
    return decodeSearchFile(bytes, build, this.data.token);
  }

  /** Saves a search index beside this manifest; ignored when the folder cannot be written. */
  writeSearchIndex(build: string, header: unknown, columns: Int32Array): void {
    const bytes = encodeSearchFile(build, this.data.token, header, columns);
    writeAtomically(this.folder, this.dataFile("search"), bytes);
  }
}

export function dataFileName(key: string, token: string, suffix: string): string {
  return `${key.slice(0, 8)}-${token}.${suffix}`;
}

/** A data file's bytes, if they are the ones the manifest wrote (another writer may have replaced them). */
function readChecked(path: string, expectedSize: number, expectedHash: number): Buffer | undefined {
  try {
    const bytes = readFileSync(path);
    return bytes.length === expectedSize && hashBytes(bytes) === expectedHash ? bytes : undefined;
  } catch {
    return undefined;
  }
}

function readJson(path: string, expectedSize: number, expectedHash: number): unknown {
  const bytes = readChecked(path, expectedSize, expectedHash);
  try {
    return bytes ? JSON.parse(bytes.toString("utf8")) : undefined;
  } catch {
    return undefined;
  }
}

// Only the lengths of the stamp and record columns are checked up front: a stamp that is not a
// number never equals a file's stamp (so the file is parsed again), and a record's range is
// checked when it is read, as are the bytes (by hash).
function isArrayOf(value: unknown, length: number): value is number[] {
  return Array.isArray(value) && value.length === length;
}

const NON_ASCII = /[\u0080-\uffff]/g;

/**
 * JSON text with every character outside ASCII written as a \u escape. Such text is read back as
 * Latin-1 and parsed as a one-byte string: for the manifest of 10,000 profiles (1.7 MB, a few
 * hundred letters like å in the vocabulary) that is 4 ms faster than UTF-8.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    NON_ASCII,
    (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Parses what asciiJson wrote; throws when the bytes are not ASCII (so not written by it) or not JSON. */
export function parseAsciiJson(bytes: Buffer, start = 0, end = bytes.length): unknown {
  if (!isAscii(bytes.subarray(start, end))) throw new Error("not ASCII");
  return JSON.parse(bytes.toString("latin1", start, end));
}

/** Reads and checks the manifest; anything unexpected means "no cache". */
export function readManifest(folder: string, key: string, build: string): Manifest | undefined {
  let parsed: unknown;
  try {
    parsed = parseAsciiJson(readFileSync(join(folder, `${key}.json`)));
  } catch {
    return undefined;
  }
  if (
    !isObject(parsed) ||
    parsed.format !== CACHE_FORMAT ||
    parsed.build !== build ||
    typeof parsed.token !== "string" ||
    !/^[0-9a-f]{1,32}$/.test(parsed.token) ||
    typeof parsed.vocabularyStamp !== "string" ||
    !isObject(parsed.vocabulary) ||
    typeof parsed.recordsSize !== "number" ||
    typeof parsed.headsSize !== "number" ||
    typeof parsed.listsSize !== "number" ||
    typeof parsed.listsHash !== "number" ||
    !isStringArray(parsed.paths) ||
    !isObject(parsed.problems)
  ) {
    return undefined;
  }
  const count = parsed.paths.length;
  const { stamps, ids, records, problems, recordsSize } = parsed;
  if (!isArrayOf(stamps, 3 * count) || !isArrayOf(records, 3 * count)) return undefined;
  if (!isArrayOf(parsed.headStarts, count + 1)) return undefined;
  if (!Array.isArray(ids) || ids.length !== count) return undefined;
  for (let i = 0; i < count; i++) {
    const id = ids[i];
    if (id === 0) continue;
    const offset = records[3 * i] as number;
    const length = records[3 * i + 1] as number;
    if (typeof id !== "string" || offset < 0 || length <= 0 || offset + length > recordsSize)
      return undefined;
  }
  for (const [index, list] of Object.entries(problems)) {
    if (!/^\d+$/.test(index) || Number(index) >= count) return undefined;
    if (!Array.isArray(list) || !list.every(isProblem)) return undefined;
  }
  try {
    if (statSync(join(folder, dataFileName(key, parsed.token, "rec"))).size !== recordsSize) return undefined;
  } catch {
    return undefined;
  }
  return new Manifest(folder, key, parsed as unknown as ManifestData);
}

/** Reads full profiles from a records file by byte range; undefined when it no longer matches. */
export class RecordReader {
  private fd: number | undefined;
  private failed = false;

  constructor(private readonly path: string) {}

  /** A record's full profile, or undefined when the bytes are not what the manifest recorded. */
  read(range: RecordRange, id: string): Profile | undefined {
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
  raw(range: RecordRange): Buffer | undefined {
    if (this.failed) return undefined;
    try {
      this.fd ??= openSync(this.path, "r");
      const buffer = Buffer.alloc(range[1]);
      if (readSync(this.fd, buffer, 0, range[1], range[0]) !== range[1]) throw new Error("short read");
      if (hashBytes(buffer) !== range[2]) throw new Error("record changed");
      return buffer;
    } catch {
      this.failed = true;
      return undefined;
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** What writeCache needs for one file. */
export interface FileToCache {
  path: string;
  stamp: FileStamp;
  problems: Problem[];
  /** The file's valid profile, if any: its head, its lists and its record bytes. */
  role?: { head: HeadCore; lists: Lists; record: Buffer };
}

/** Where each line of `bytes` starts, then its length. */
function lineStarts(bytes: Buffer): number[] {
  const starts = [0];
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) starts.push(at + 1);
  return starts;
}

/** A line of the heads file: "<hash53 of the JSON> <JSON>", or "0" for a file without a role. */
function headLine(head: EncodedHead | 0): string {
  if (head === 0) return "0\n";
  const json = JSON.stringify(head);
  return `${hash53(json)} ${json}\n`;
}

function newToken(): string {
  return `${process.pid.toString(16)}${Math.floor(Math.random() * 2 ** 48).toString(16)}`;
}

/** Writes `bytes` to a temporary file in `folder` and renames it to `name`. */
export function writeAtomically(folder: string, name: string, bytes: Buffer | string): boolean {
  const temp = join(folder, `${name}.${newToken()}.tmp`);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    writeFileSync(temp, bytes, { mode: 0o600 });
    renameSync(temp, join(folder, name));
    return true;
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // nothing was written
    }
    return false;
  }
}

/**
 * Writes new data files and a manifest, each to a temporary file renamed into place, so that a
 * reader sees either the old or the new cache, and two writers at once each leave a consistent
 * set (the manifest names its own data files by its token). Failures are ignored: the cache is
 * an optimisation, never a reason to fail.
 */
export function writeCache(
  folder: string,
  key: string,
  header: Pick<ManifestData, "build" | "vocabularyStamp" | "vocabulary">,
  files: FileToCache[],
): Manifest | undefined {
  const token = newToken();
  const records: Buffer[] = [];
  const heads: (EncodedHead | 0)[] = [];
  const lists: (Lists | 0)[] = [];
  const data: ManifestData = {
    format: CACHE_FORMAT,
    ...header,
    token,
    recordsSize: 0,
    headsSize: 0,
    headStarts: [],
    listsSize: 0,
    listsHash: 0,
    paths: [],
    stamps: [],
    ids: [],
    records: [],
    problems: {},
  };
  let offset = 0;
  for (const file of files) {
    const index = data.paths.length;
    data.paths.push(file.path);
    data.stamps.push(file.stamp.size, file.stamp.mtimeMs, file.stamp.ino);
    if (file.problems.length > 0) data.problems[index] = file.problems;
    if (file.role) {
      const { head, record } = file.role;
      data.ids.push(head.id);
      data.records.push(offset, record.length, hashBytes(record));
      heads.push(encodeHead(head));
      lists.push(file.role.lists);
      records.push(record);
      offset += record.length;
    } else {
      data.ids.push(0);
      data.records.push(0, 0, 0);
      heads.push(0);
      lists.push(0);
    }
  }
  const recordsBody = joinBuffers(records);
  // One line per file (JSON.stringify escapes every line break inside a string), led by its hash.
  const headsBody = Buffer.from(heads.map(headLine).join(""));
  const listsBody = Buffer.from(JSON.stringify(lists));
  data.recordsSize = recordsBody.length;
  data.headsSize = headsBody.length;
  data.headStarts = lineStarts(headsBody);
  data.listsSize = listsBody.length;
  data.listsHash = hashBytes(listsBody);
  if (!writeAtomically(folder, dataFileName(key, token, "rec"), recordsBody)) return undefined;
  if (!writeAtomically(folder, dataFileName(key, token, "heads"), headsBody)) return undefined;
  if (!writeAtomically(folder, dataFileName(key, token, "lists"), listsBody)) return undefined;
  if (!writeAtomically(folder, `${key}.json`, asciiJson(data))) return undefined;
  // Data files of earlier writes are no longer named by the manifest.
  try {
    const prefix = `${key.slice(0, 8)}-`;
    for (const name of readdirSync(folder)) {
      if (!name.startsWith(prefix) || name.startsWith(`${prefix}${token}.`) || name.endsWith(".tmp"))
        continue;
      if (/\.(rec|heads|lists|search)$/.test(name)) unlinkSync(join(folder, name));
    }
  } catch {
    // Another writer may be cleaning up too.
  }
  return new Manifest(folder, key, data);
}

/**
 * Records (full profiles as UTF-8 JSON) made in this run, one after another in one growing
 * buffer, outside the JavaScript heap. Kept as strings, the records of 10,000 profiles
 * (60 MB of text) were copied by every young-generation collection and marked by every full one,
 * and a Buffer per record cost an allocation of its own: together a fifth of a first run.
 */
export class RecordArena {
  private bytes: Buffer | undefined;
  private used = 0;

  /** `initialSize`: the bytes of the first buffer, made on the first add (tests make it small). */
  constructor(private readonly initialSize = 1 << 20) {}

  /** Appends `json` as UTF-8; returns where it went, as [start, length]. */
  add(json: string): [number, number] {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair: 4 bytes for 2 units).
    const room = 3 * json.length;
    let bytes = this.bytes;
    if (!bytes || this.used + room > bytes.length) {
      // Never read beyond `used`, so the new buffer need not be zeroed.
      const grown = Buffer.allocUnsafeSlow(
        Math.max(2 * (bytes?.length ?? 0), this.used + room, this.initialSize),
      );
      if (bytes) bytes.copy(grown, 0, 0, this.used);
      this.bytes = bytes = grown;
    }
    const start = this.used;
    const length = bytes.write(json, start, "utf8");
    this.used += length;
    return [start, length];
  }

  /** The bytes of a record added earlier (a view, not a copy). */
  view(record: [number, number]): Buffer {
    return (this.bytes as Buffer).subarray(record[0], record[0] + record[1]);
  }

  text(record: [number, number]): string {
    return (this.bytes as Buffer).toString("utf8", record[0], record[0] + record[1]);
  }
}

/**
 * The buffers one after another, as Buffer.concat gives them, but without copying views that
 * follow each other in one memory (the records of the files parsed in one run): when all do,
 * their bytes are given as they are.
 */
export function joinBuffers(buffers: Buffer[]): Buffer {
  const runs: Buffer[] = [];
  let run: Buffer | undefined;
  for (const buffer of buffers) {
    if (
      run !== undefined &&
      buffer.buffer === run.buffer &&
      buffer.byteOffset === run.byteOffset + run.length
    ) {
      run = Buffer.from(run.buffer, run.byteOffset, run.length + buffer.length);
    } else {
      if (run !== undefined) runs.push(run);
      run = buffer;
    }
  }
  if (run !== undefined) runs.push(run);
  return runs.length === 1 ? (runs[0] as Buffer) : Buffer.concat(runs);
}

// The search file: "CSRS", a uint32 header length, the hash (hashBytes) of everything after the
// first 16 bytes as two uint32, the header as JSON, padding to 4 bytes, then the integer columns
// (little-endian uint16 or int32, as the header's `width` says).
const SEARCH_MAGIC = "CSRS";
const SEARCH_PREFIX = 16;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Bytes per value of the columns on disk: 2 when every value fits in 16 bits (a library of fewer
 * than 65,536 roles and labels), which halves the file, and the time to read and hash it; else 4.
 */
function columnWidth(columns: Int32Array): 2 | 4 {
  for (let i = 0; i < columns.length; i++) {
    const value = columns[i] as number;
    if (value < 0 || value > 0xffff) return 4;
  }
  return 2;
}

function encodeSearchFile(build: string, token: string, header: unknown, columns: Int32Array): Buffer {
  const width = columnWidth(columns);
  const json = Buffer.from(
    asciiJson({ format: CACHE_FORMAT, build, token, length: columns.length, width, header }),
  );
  const start = Math.ceil((SEARCH_PREFIX + json.length) / 4) * 4;
  const bytes = Buffer.alloc(start + columns.length * width);
  bytes.write(SEARCH_MAGIC, 0, "latin1");
  bytes.writeUInt32LE(json.length, 4);
  json.copy(bytes, SEARCH_PREFIX);
  if (width === 2)
    for (let i = 0; i < columns.length; i++) bytes.writeUInt16LE(columns[i] as number, start + 2 * i);
  else if (LITTLE_ENDIAN)
    bytes.set(new Uint8Array(columns.buffer, columns.byteOffset, columns.byteLength), start);
  else for (let i = 0; i < columns.length; i++) bytes.writeInt32LE(columns[i] as number, start + 4 * i);
  const hash = hashBytes(bytes.subarray(SEARCH_PREFIX));
  bytes.writeUInt32LE(hash % 2 ** 32, 8);
  bytes.writeUInt32LE(Math.floor(hash / 2 ** 32), 12);
  return bytes;
}

function decodeSearchFile(
  bytes: Buffer,
  build: string,
  token: string,
): { header: unknown; columns: Int32Array } | undefined {
  if (bytes.length < SEARCH_PREFIX || bytes.toString("latin1", 0, 4) !== SEARCH_MAGIC) return undefined;
  const hash = hashBytes(bytes.subarray(SEARCH_PREFIX));
  if (bytes.readUInt32LE(8) !== hash % 2 ** 32 || bytes.readUInt32LE(12) !== Math.floor(hash / 2 ** 32))
    return undefined;
  const jsonLength = bytes.readUInt32LE(4);
  if (SEARCH_PREFIX + jsonLength > bytes.length) return undefined;
  let parsed: unknown;
  try {
    parsed = parseAsciiJson(bytes, SEARCH_PREFIX, SEARCH_PREFIX + jsonLength);
  } catch {
    return undefined;
  }
  if (!isObject(parsed) || parsed.format !== CACHE_FORMAT || parsed.build !== build || parsed.token !== token)
    return undefined;
  const start = Math.ceil((SEARCH_PREFIX + jsonLength) / 4) * 4;
  const { length, width } = parsed;
  if (typeof length !== "number" || (width !== 2 && width !== 4) || start + length * width !== bytes.length)
    return undefined;
  // A copy, aligned, in the machine's byte order.
  const columns = new Int32Array(length);
  if (width === 2) {
    if (LITTLE_ENDIAN && (bytes.byteOffset + start) % 2 === 0)
      columns.set(new Uint16Array(bytes.buffer, bytes.byteOffset + start, length));
    else for (let i = 0; i < length; i++) columns[i] = bytes.readUInt16LE(start + 2 * i);
  } else if (LITTLE_ENDIAN) new Uint8Array(columns.buffer).set(bytes.subarray(start));
  else for (let i = 0; i < length; i++) columns[i] = bytes.readInt32LE(start + 4 * i);
  return { header: parsed.header, columns };
}
