import { isUtf8 } from "node:buffer";
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  type Stats,
  statSync,
} from "node:fs";
import { resolve } from "node:path";
import type { ProfileFile } from "../core/load-profiles.js";
import type { Problem } from "../core/problem.js";
import { UsageError } from "../errors.js";
import { message } from "../messages/translate.js";

/** Largest profile file read; bigger files are reported and skipped. Real profiles are 5-15 KiB. */
export const MAX_PROFILE_BYTES = 256 * 1024;

function fileProblem(path: string, origin: string, message: string): ProfileFile {
  const problem: Problem = { file: path, field: "file", message };
  return { path, origin, problem };
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ELOOP":
      return "symbolic link loop";
    case "ENOENT":
      return "dangling symbolic link (its target does not exist)";
    case "EACCES":
    case "EPERM":
      return "cannot be read (permission denied)";
    case "EISDIR":
      return "is a folder, not a file";
    default:
      return `cannot be read (${code ?? "unknown error"})`;
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  return "a special file";
}

/** The buffer files are read into (see readProfileFile), made on first use. */
let readBuffer: Buffer | undefined;

/**
 * Reads one profile file without ever blocking or reading without bound: opened non-blocking
 * (a FIFO named x.md would otherwise block forever), checked to be a regular file of at most
 * MAX_PROFILE_BYTES, and decoded as strict UTF-8.
 *
 * `listedAsFile`: the caller stat()ed the path in this run (listProfileFolder) and found a regular
 * file, so it is not stat()ed again before opening (one system call less per file of a first run).
 */
export function readProfileFile(path: string, origin: string, listedAsFile = false): ProfileFile {
  let fd: number | undefined;
  try {
    // Checked before opening: opening a FIFO or a device can itself act on it (wake a writer,
    // rewind a tape). The check after opening closes the race with a file swapped since.
    if (!listedAsFile) {
      const before = statSync(path);
      if (!before.isFile()) return fileProblem(path, origin, `is ${kindOf(before)}, not a profile file`);
    }
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = fstatSync(fd);
    if (!stats.isFile()) return fileProblem(path, origin, `is ${kindOf(stats)}, not a profile file`);
    if (stats.size > MAX_PROFILE_BYTES) {
      return fileProblem(
        path,
        origin,
        `is ${Math.ceil(stats.size / 1024)} KiB, over the ${MAX_PROFILE_BYTES / 1024} KiB limit for a profile`,
      );
    }
    // Read into one buffer kept for every file: the text is a copy, and a Buffer per file (each
    // with memory of its own, outside the heap) made collections more frequent on large folders.
    readBuffer ??= Buffer.allocUnsafeSlow(MAX_PROFILE_BYTES);
    const buffer = readBuffer.subarray(0, stats.size);
    let offset = 0;
    while (offset < buffer.length) {
      const read = readSync(fd, buffer, offset, buffer.length - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    // Checked first, then decoded (both native and fast); a strict TextDecoder costs several
    // times more per file. Like TextDecoder, the decoded text has no byte-order mark.
    const bytes = buffer.subarray(0, offset);
    if (!isUtf8(bytes)) return fileProblem(path, origin, "is not valid UTF-8 text; save it as UTF-8");
    const text = bytes.toString("utf8");
    return { path, origin, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (error) {
    return fileProblem(path, origin, describeError(error));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Checks a folder given by --data or CSROLES_PATH; a missing folder or a file is a usage error. */
export function assertFolder(dir: string, from: string): string {
  // resolve("") is the working folder: an empty --data (an unset shell variable) must not read it.
  if (dir === "")
    throw new UsageError(message("error.folderEmptyName", { from }), message("error.folderHint"));
  const absolute = resolve(dir);
  let isDirectory = false;
  try {
    isDirectory = statSync(absolute).isDirectory();
  } catch {
    throw new UsageError(message("error.folderMissing", { from, dir }), message("error.folderHint"));
  }
  if (!isDirectory)
    throw new UsageError(message("error.notAFolder", { from, dir }), message("error.folderHint"));
  return absolute;
}

/** The .md files of a folder. */
export interface FolderListing {
  /** Paths of the files, by name. */
  paths: string[];
  /**
   * Each file's stamp (size, mtime and ctime in nanoseconds, inode; symlinks followed): it changes
   * whenever the file is written, even to the same size within the same mtime. Undefined for
   * anything that is not a regular file or could not be stat()ed (reported when it is read).
   */
  stamps: (string | undefined)[];
  /** Set when the folder itself could not be read (then there are no paths). */
  problem?: Problem;
}

/**
 * What a profile's file name is appended to, to make its path: the folder and one "/". Every path
 * of a profile file is made this way (the cache matches paths as strings).
 */
export function folderPrefix(dir: string): string {
  return dir.endsWith("/") ? dir : `${dir}/`;
}

/**
 * The .md files of a folder (not its subfolders), by name; hidden files are ignored. Only
 * stat()ed here: reading is left to readProfileFile, so cached files are never opened.
 */
export function listProfileFolder(dir: string): FolderListing {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    return { paths: [], stamps: [], problem: { file: dir, field: "folder", message: describeError(error) } };
  }
  const prefix = folderPrefix(dir);
  const paths = names
    .filter((name) => name.toLowerCase().endsWith(".md") && !name.startsWith("."))
    .sort()
    .map((name) => prefix + name);
  const stamps = paths.map((path) => {
    try {
      const stats = statSync(path, { bigint: true });
      return stats.isFile() ? `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}` : undefined;
    } catch {
      return undefined; // dangling links, loops and unreadable entries are reported when read
    }
  });
  return { paths, stamps };
}
