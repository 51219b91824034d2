import { isAscii } from "node:buffer";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Problem } from "../core/problem.js";
import { packIndex, unpackIndex } from "../core/search/packed-index.js";
import type { SearchIndex } from "../core/search/search-index.js";
import {
  asciiJson,
  type CacheKey,
  hashText,
  isObject,
  isProblems,
  writeAtomically,
} from "./library-cache.js";

/**
 * The search cache: a library's built search index (core/search/packed-index.ts), kept beside its
 * profile cache, for the library exactly as it was when built: the same cache key and the same
 * files with the same stamps, in the same order. Any other file, or any change, and a search builds
 * the index again from the profile cache and replaces this one. Written and ignored like the
 * profile cache (atomically; anything damaged or foreign is never an error).
 *
 * The file: the length of its JSON head in decimal and a line break, the head (ASCII, as
 * library-cache.ts writes JSON), then the index's blobs, one after the other, of the lengths the
 * head gives.
 */

/** The files of a library and their stamps, in load order. */
export interface LibraryFiles {
  paths: string[];
  stamps: string[];
}

export function searchCacheFile(cacheDir: string, folders: string[]): string {
  return join(cacheDir, `search-${hashText(folders.join("\0"))}.bin`);
}

/** The files and stamps in one hash (reading 10,000 of each back costs more than hashing them). */
const filesHash = (files: LibraryFiles): string =>
  hashText(`${files.paths.join("\0")}\0\0${files.stamps.join("\0")}`);

/** The kept index and the library's problems, when kept for this key and these files. */
export function readSearchCache(
  file: string,
  key: CacheKey,
  files: LibraryFiles,
): { index: SearchIndex; problems: Problem[] } | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  const { head, blobs } = split(data) ?? {};
  if (!isObject(head) || JSON.stringify(head.key) !== JSON.stringify(key)) return undefined;
  if (head.files !== filesHash(files) || !isProblems(head.problems) || !blobs) return undefined;
  const index = unpackIndex(head.index, blobs);
  return index && { index, problems: head.problems };
}

/** The head and blobs of a search cache file, or undefined when it is not whole. */
function split(data: Buffer): { head: unknown; blobs: Uint8Array[] } | undefined {
  const lineEnd = data.indexOf(10);
  const length = Number(data.toString("latin1", 0, Math.max(lineEnd, 0)));
  if (lineEnd < 1 || !Number.isSafeInteger(length) || lineEnd + 1 + length > data.length) return undefined;
  const headBytes = data.subarray(lineEnd + 1, lineEnd + 1 + length);
  let head: unknown;
  try {
    head = isAscii(headBytes) ? JSON.parse(headBytes.toString("latin1")) : undefined;
  } catch {
    return undefined;
  }
  if (!isObject(head) || !Array.isArray(head.blobs)) return undefined;
  const blobs: Uint8Array[] = [];
  let at = lineEnd + 1 + length;
  for (const size of head.blobs) {
    if (!Number.isSafeInteger(size) || size < 0 || at + size > data.length) return undefined;
    blobs.push(data.subarray(at, at + size));
    at += size;
  }
  return at === data.length ? { head, blobs } : undefined;
}

export function writeSearchCache(
  file: string,
  key: CacheKey,
  files: LibraryFiles,
  problems: Problem[],
  index: SearchIndex,
): void {
  const packed = packIndex(index);
  const head = asciiJson({
    key,
    files: filesHash(files),
    problems,
    index: packed.head,
    blobs: packed.blobs.map((blob) => blob.length),
  });
  writeAtomically(file, [`${head.length}\n`, head, ...packed.blobs]);
}
