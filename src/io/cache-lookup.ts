import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Vocabulary } from "../core/vocabulary-types.js";
import {
  asciiJson,
  CACHE_FORMAT,
  dataFileName,
  type ManifestData,
  parseAsciiJson,
  type RecordRange,
  writeAtomically,
} from "./profile-cache.js";
import { folderPrefix } from "./read-profile-folder.js";

/**
 * The lookup file, `<key>.lookup`: what `show` and `compare` need from the profile cache to find
 * a role's record by its file, without reading the manifest (1.7 MB of JSON at 10,000 profiles).
 *   line 1        {"format","build","token","vocabularyStamp","vocabulary","folders","recordsSize"},
 *                 as ASCII JSON
 *   then, a line per cached valid profile: [folder index, "file name", size, mtimeMs, ino,
 *   record offset, record length, record hash]
 * A line is found by searching the bytes for `\n[<folder index>,"<file name>",`: a JSON string
 * cannot hold a line break, and ends at its first unescaped quote, so the match is exact. Every
 * line is checked when used: its stamp against the file (a stale line means "not cached"), its
 * record against the hash it names, and the record's id against the file's.
 */

export interface LookupEntry {
  stamp: [number, number, number];
  record: RecordRange;
}

export class Lookup {
  constructor(
    private readonly bytes: Buffer,
    /** Where the entries start (after the header line). */
    private readonly start: number,
    readonly vocabularyStamp: string,
    readonly vocabulary: Vocabulary,
    /** The records file the entries point into. */
    readonly recordsPath: string,
  ) {}

  /** The entry of file `name` in folder number `folder`, or undefined. */
  find(folder: number, name: string): LookupEntry | undefined {
    const at = this.bytes.indexOf(`\n[${folder},${asciiJson(name)},`, this.start - 1, "latin1");
    if (at === -1) return undefined;
    const end = this.bytes.indexOf(10, at + 1);
    let entry: unknown;
    try {
      entry = parseAsciiJson(this.bytes, at + 1, end === -1 ? this.bytes.length : end);
    } catch {
      return undefined;
    }
    if (
      !Array.isArray(entry) ||
      entry.length !== 8 ||
      entry[0] !== folder ||
      entry[1] !== name ||
      !entry.slice(2).every((n) => typeof n === "number")
    )
      return undefined;
    const [, , size, mtimeMs, ino, offset, length, hash] = entry as number[];
    return {
      stamp: [size as number, mtimeMs as number, ino as number],
      record: [offset as number, length as number, hash as number],
    };
  }
}

function lookupName(key: string): string {
  return `${key}.lookup`;
}

/** The lookup file's text for a manifest (its files are in `folders`, named folder + "/" + name). */
export function encodeLookup(data: ManifestData, folders: string[]): string {
  const { build, token, vocabularyStamp, vocabulary, recordsSize } = data;
  const lines = [
    asciiJson({ format: CACHE_FORMAT, build, token, vocabularyStamp, vocabulary, folders, recordsSize }),
  ];
  const prefixes = folders.map(folderPrefix);
  const s = data.stamps;
  const r = data.records;
  for (let i = 0; i < data.paths.length; i++) {
    if (typeof data.ids[i] !== "string") continue;
    const path = data.paths[i] as string;
    // The folder whose prefix leaves a bare file name (folders may be nested in one another).
    const folder = prefixes.findIndex(
      (prefix) => path.startsWith(prefix) && !path.includes("/", prefix.length),
    );
    if (folder === -1) continue;
    const name = path.slice((prefixes[folder] as string).length);
    // Numbers print the same in JSON and in a template (no NaN here: only stamped files are cached).
    lines.push(
      `[${folder},${asciiJson(name)},${s[3 * i]},${s[3 * i + 1]},${s[3 * i + 2]},${r[3 * i]},${r[3 * i + 1]},${r[3 * i + 2]}]`,
    );
  }
  return `${lines.join("\n")}\n`;
}

export function writeLookup(cacheDir: string, key: string, text: string): boolean {
  return writeAtomically(cacheDir, lookupName(key), text);
}

/** Reads and checks the lookup file's header; anything unexpected means "no lookup". */
export function readLookup(
  cacheDir: string,
  key: string,
  build: string,
  folders: string[],
): Lookup | undefined {
  let bytes: Buffer;
  let header: unknown;
  try {
    bytes = readFileSync(join(cacheDir, lookupName(key)));
    const end = bytes.indexOf(10);
    if (end === -1) return undefined;
    header = parseAsciiJson(bytes, 0, end);
  } catch {
    return undefined;
  }
  if (typeof header !== "object" || header === null || Array.isArray(header)) return undefined;
  const h = header as Record<string, unknown>;
  if (
    h.format !== CACHE_FORMAT ||
    h.build !== build ||
    typeof h.token !== "string" ||
    !/^[0-9a-f]{1,32}$/.test(h.token) ||
    typeof h.vocabularyStamp !== "string" ||
    typeof h.vocabulary !== "object" ||
    h.vocabulary === null ||
    JSON.stringify(h.folders) !== JSON.stringify(folders) ||
    typeof h.recordsSize !== "number"
  )
    return undefined;
  // The records file it names must be there, whole: another process that rewrote the cache in the
  // meantime removes it (then the full load writes a lookup file for the new one).
  const recordsPath = join(cacheDir, dataFileName(key, h.token, "rec"));
  if (statSync(recordsPath, { throwIfNoEntry: false })?.size !== h.recordsSize) return undefined;
  return new Lookup(bytes, bytes.indexOf(10) + 1, h.vocabularyStamp, h.vocabulary as Vocabulary, recordsPath);
}
