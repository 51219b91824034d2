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

const CACHE_FORMAT = 1;

export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

export interface CachedFile {
  stamp: FileStamp;
  problems: Problem[];
  head?: ProfileHead;
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
  files: Record<string, CachedFile>;
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

function isStamp(value: unknown): value is FileStamp {
  return (
    isObject(value) &&
    typeof value.size === "number" &&
    typeof value.mtimeMs === "number" &&
    typeof value.ino === "number"
  );
}

function isHead(value: unknown): value is ProfileHead {
  return (
    isObject(value) &&
    typeof value.id === "string" &&
    typeof value.title === "string" &&
    typeof value.title_en === "string" &&
    typeof value.lang === "string" &&
    typeof value.level === "string" &&
    typeof value.position === "string" &&
    Array.isArray(value.aliases) &&
    Array.isArray(value.skills) &&
    Array.isArray(value.tools)
  );
}

function isCachedFile(value: unknown, recordsSize: number): value is CachedFile {
  if (!isObject(value) || !isStamp(value.stamp) || !Array.isArray(value.problems)) return false;
  if (value.head !== undefined && !isHead(value.head)) return false;
  if (value.record !== undefined) {
    const record = value.record;
    if (!Array.isArray(record) || record.length !== 3) return false;
    const [offset, length, hash] = record as unknown[];
    if (typeof offset !== "number" || typeof length !== "number" || typeof hash !== "string") return false;
    if (offset < 0 || length < 0 || offset + length > recordsSize) return false;
  }
  return (value.head === undefined) === (value.record === undefined);
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
    !isObject(parsed.files)
  ) {
    return undefined;
  }
  const recordsSize = parsed.recordsSize;
  try {
    // The records file must be the one this manifest wrote; another writer may have replaced it.
    if (statSync(join(folder, parsed.records)).size !== recordsSize) return undefined;
  } catch {
    return undefined;
  }
  for (const entry of Object.values(parsed.files)) {
    if (!isCachedFile(entry, recordsSize)) return undefined;
  }
  return parsed as unknown as Manifest;
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
  manifest: Omit<Manifest, "records" | "recordsSize">,
  records: Buffer[],
): void {
  const token = `${process.pid.toString(16)}${Math.floor(Math.random() * 2 ** 48).toString(16)}`;
  const recordsName = `${key.slice(0, 8)}-${token}.rec`;
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const body = Buffer.concat(records);
    const recordsTemp = join(folder, `${recordsName}.tmp`);
    writeFileSync(recordsTemp, body, { mode: 0o600 });
    renameSync(recordsTemp, join(folder, recordsName));
    const full: Manifest = { ...manifest, records: recordsName, recordsSize: body.length };
    const manifestTemp = join(folder, `${key}.json.${token}.tmp`);
    writeFileSync(manifestTemp, JSON.stringify(full), { mode: 0o600 });
    renameSync(manifestTemp, join(folder, `${key}.json`));
    // Records files of earlier writes are no longer named by the manifest.
    const prefix = `${key.slice(0, 8)}-`;
    for (const name of readdirSync(folder)) {
      if (name.startsWith(prefix) && name.endsWith(".rec") && name !== recordsName)
        unlinkSync(join(folder, name));
    }
  } catch {
    // A read-only or full cache folder only costs speed.
  }
}
