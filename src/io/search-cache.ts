import { isAscii } from "node:buffer";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import type { Problem } from "../core/problem.js";
import { type Blobs, packIndex } from "../core/search/packed-index.js";
import type { SearchIndex } from "../core/search/search-index.js";
import { DamagedIndexError, unpackIndex } from "../core/search/unpack-index.js";
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
 * head gives. Only the head and the parts every search needs are read at once; the file stays open
 * for the rest (roles, names, texts), read as a search reports them.
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
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const opened = openedFile(fd);
    const { head } = opened ?? {};
    if (!opened || !isObject(head) || JSON.stringify(head.key) !== JSON.stringify(key)) return closed(fd);
    if (head.files !== filesHash(files) || !isProblems(head.problems)) return closed(fd);
    const index = unpackIndex(head.index, opened.blobs);
    // The file stays open while the index is used: its rarely read parts are read from it on need.
    return index ? { index, problems: head.problems } : closed(fd);
  } catch {
    return fd === undefined ? undefined : closed(fd);
  }
}

function closed(fd: number): undefined {
  closeSync(fd);
  return undefined;
}

/** Bytes `start` to `end` of the file, all of them or an error. */
function readRange(fd: number, start: number, end: number): Buffer {
  const bytes = Buffer.allocUnsafe(end - start);
  let done = 0;
  while (done < bytes.length) {
    const read = readSync(fd, bytes, done, bytes.length - done, start + done);
    if (read === 0) throw new DamagedIndexError("the search cache file was cut short while in use");
    done += read;
  }
  return bytes;
}

/** The head and blobs of a search cache file, or undefined when it is not whole. */
function openedFile(fd: number): { head: unknown; blobs: Blobs } | undefined {
  const size = fstatSync(fd).size;
  const first = readRange(fd, 0, Math.min(size, 24));
  const lineEnd = first.indexOf(10);
  const length = Number(first.toString("latin1", 0, Math.max(lineEnd, 0)));
  if (lineEnd < 1 || !Number.isSafeInteger(length) || lineEnd + 1 + length > size) return undefined;
  const headBytes = readRange(fd, lineEnd + 1, lineEnd + 1 + length);
  const head: unknown = isAscii(headBytes) ? JSON.parse(headBytes.toString("latin1")) : undefined;
  if (!isObject(head) || !Array.isArray(head.blobs)) return undefined;
  const offsets: number[] = [];
  let at = lineEnd + 1 + length;
  for (const blobSize of head.blobs) {
    if (!Number.isSafeInteger(blobSize) || blobSize < 0) return undefined;
    offsets.push(at);
    at += blobSize;
  }
  if (at !== size) return undefined;
  const sizes = head.blobs as number[];
  const blobs: Blobs = {
    count: sizes.length,
    size: (blob) => sizes[blob] ?? 0,
    read: (blob, start = 0, end = sizes[blob] ?? 0) => {
      const offset = offsets[blob] ?? 0;
      return readRange(fd, offset + start, offset + Math.min(end, sizes[blob] ?? 0));
    },
  };
  return { head, blobs };
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
