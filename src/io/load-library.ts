import { lstatSync, readdirSync, readFileSync, realpathSync, type Stats, statSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import packageJson from "../../package.json" with { type: "json" };
import { loadProfileFile } from "../core/load-profiles.js";
import type { Problem } from "../core/problem.js";
import { headOf, type LoadedProfile, type LoadedRole } from "../core/profile.js";
import { isProfileId, profileFileName } from "../core/profile-id.js";
import { resolveOverrides } from "../core/resolve-overrides.js";
import type { SearchIndex } from "../core/search/search-index.js";
import {
  buildVocabulary,
  type ConceptKind,
  VOCABULARY_FILES,
  type VocabularyIndex,
} from "../core/vocabulary.js";
import { DataError } from "../errors.js";
import {
  type CachedFile,
  type CacheKey,
  cacheFile,
  hashText,
  readCache,
  readVocabularyCache,
  writeCache,
  writeVocabularyCache,
} from "./library-cache.js";
import { assertFolder, folderPrefix, listProfileFolder, readProfileFile } from "./read-profile-folder.js";
import { type LibraryFiles, readSearchCache, searchCacheFile, writeSearchCache } from "./search-cache.js";

export interface LibrarySources {
  /** The package's data/ folder (vocabulary and built-in roles). */
  dataDir: string;
  /** Added profile folders, in order: CSROLES_PATH entries, then --data folders. */
  extraDirs: { dir: string; from: string }[];
  /** Where to keep the profile cache; undefined for no cache (--no-cache). */
  cacheDir?: string;
}

export interface Library {
  vocabulary: VocabularyIndex;
  folders: string[];
  /** Every profile file found, valid or not, in load order. */
  files: string[];
  problems: Problem[];
  /** The valid roles after folder overrides, known by their heads. */
  roles: LoadedRole[];
  /** The full profile of a role, read from its file. */
  profile(role: LoadedRole): LoadedProfile;
  /** What a kept search index is kept for; undefined without a cache, or when a file has no stamp. */
  state?: { key: CacheKey; files: LibraryFiles };
}

/** Roles found by their ids alone, with the vocabulary to show them. */
export interface RolesById {
  vocabulary: VocabularyIndex;
  profiles: LoadedProfile[];
}

declare const __CSROLES_BUILD__: string | undefined;
/** The build, set by the bundler from the source; "dev" when running the sources (tests). */
const VERSION = `${packageJson.version}+${typeof __CSROLES_BUILD__ === "string" ? __CSROLES_BUILD__ : "dev"}`;

function readVocabularyTexts(dataDir: string): [ConceptKind, string][] {
  return (Object.entries(VOCABULARY_FILES) as [ConceptKind, string][]).map(([kind, file]) => {
    const path = join(dataDir, "vocabulary", file);
    try {
      return [kind, readFileSync(path, "utf8")];
    } catch (error) {
      throw new DataError(`cannot read vocabulary ${path}: ${(error as Error).message.split("\n")[0]}`);
    }
  });
}

function parseVocabulary(dataDir: string, texts: [ConceptKind, string][]): Record<ConceptKind, unknown> {
  const raw = {} as Record<ConceptKind, unknown>;
  for (const [kind, text] of texts) {
    try {
      raw[kind] = yaml.load(text, { schema: yaml.CORE_SCHEMA });
    } catch (error) {
      const path = join(dataDir, "vocabulary", VOCABULARY_FILES[kind]);
      throw new DataError(`cannot read vocabulary ${path}: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  return raw;
}

/**
 * Reads and checks the vocabulary (data/vocabulary/*.yaml). With a cache folder, its parsed YAML is
 * kept there for the hash of its text (checked again when read, as the YAML is): parsing it costs
 * more than the rest of a `show` or `compare`.
 */
function vocabularyOf(
  dataDir: string,
  cacheDir: string | undefined,
): { vocabulary: VocabularyIndex; hash: string } {
  const texts = readVocabularyTexts(dataDir);
  const hash = hashText(texts.map(([, text]) => text).join("\0"));
  const cached = cacheDir === undefined ? undefined : readVocabularyCache(cacheDir, hash);
  const fromCache = cached && buildVocabulary(cached);
  if (fromCache && "vocabulary" in fromCache) return { vocabulary: fromCache.vocabulary, hash };
  const raw = parseVocabulary(dataDir, texts);
  const built = buildVocabulary(raw);
  if ("problems" in built) {
    throw new DataError(
      `the vocabulary in ${join(dataDir, "vocabulary")} is invalid: ${built.problems.join("; ")}`,
    );
  }
  if (cacheDir !== undefined) writeVocabularyCache(cacheDir, hash, raw);
  return { vocabulary: built.vocabulary, hash };
}

/** Reads and checks the vocabulary (data/vocabulary/*.yaml), without a cache. */
export function loadVocabulary(dataDir: string): VocabularyIndex {
  return vocabularyOf(dataDir, undefined).vocabulary;
}

/** The profile folders in load order; a folder named twice is read once, at its first place. */
export function resolveFolders(sources: LibrarySources): string[] {
  return [
    ...new Set([
      realpathSync(join(sources.dataDir, "roles")),
      ...sources.extraDirs.map(({ dir, from }) => realpathSync(assertFolder(dir, from))),
    ]),
  ];
}

/** Reads, parses and validates one file: what the cache keeps of it. */
function readEntry(path: string, folder: string, stamp: string | undefined, vocabulary: VocabularyIndex) {
  const loaded = loadProfileFile(readProfileFile(path, folder, stamp !== undefined), vocabulary);
  const entry: CachedFile = { stamp: stamp ?? "", problems: loaded.problems };
  if (loaded.profile) entry.head = headOf(loaded.profile.profile);
  return entry;
}

/** A role's full profile, read again from its file. */
function readProfile(role: LoadedRole, vocabulary: VocabularyIndex): LoadedProfile {
  const loaded = loadProfileFile(readProfileFile(role.file, role.origin), vocabulary).profile;
  if (loaded?.profile.id !== role.profile.id)
    throw new DataError(`${role.file} changed while csroles was reading it; run the command again`);
  return { ...loaded, overrides: role.overrides };
}

/**
 * Reads the vocabulary and every profile folder (built-in first, then the added ones in order).
 * With a cache folder, a file whose stamp is the cached one is not read again, and the cache is
 * rewritten when anything changed.
 */
export function loadLibrary(sources: LibrarySources): Library {
  const folders = resolveFolders(sources);
  const { vocabulary, hash } = vocabularyOf(sources.dataDir, sources.cacheDir);
  const key: CacheKey = { version: VERSION, folders, vocabulary: hash };
  const file = sources.cacheDir === undefined ? undefined : cacheFile(sources.cacheDir, folders);
  const cache = file === undefined ? undefined : readCache(file, key);

  const cached = new Map<string, CachedFile>();
  const paths: string[] = [];
  const stamps: string[] = [];
  const problems: Problem[] = [];
  const candidates: LoadedRole[] = [];
  let changed = cache === undefined;
  for (const folder of folders) {
    const listing = listProfileFolder(folder);
    if (listing.problem) {
      paths.push(folder);
      problems.push(listing.problem);
      continue;
    }
    listing.paths.forEach((path, i) => {
      // Only regular files have a stamp; the others are read (and reported) on every run.
      const stamp = listing.stamps[i];
      let entry = stamp === undefined ? undefined : cache?.files.get(path);
      if (entry === undefined || entry.stamp !== stamp) {
        entry = readEntry(path, folder, stamp, vocabulary);
        if (stamp !== undefined) changed = true;
      }
      if (stamp !== undefined) cached.set(path, entry);
      paths.push(path);
      if (stamp !== undefined) stamps.push(stamp);
      problems.push(...entry.problems);
      if (entry.head) candidates.push({ profile: entry.head, file: path, origin: folder, overrides: [] });
    });
  }
  if (cache && cache.files.size !== cached.size) changed = true;
  if (file !== undefined && changed) writeCache(file, key, { files: cached });

  const { kept, problems: clashes } = resolveOverrides(candidates);
  const order = new Map(paths.map((path, i) => [path, i]));
  const byFile = (a: Problem, b: Problem) => (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1);
  const stamped = file !== undefined && stamps.length === paths.length;
  return {
    ...(stamped ? { state: { key, files: { paths, stamps } } } : {}),
    vocabulary,
    folders,
    files: paths,
    problems: clashes.length === 0 ? problems : [...problems, ...clashes].sort(byFile),
    roles: kept,
    profile: (role) => readProfile(role, vocabulary),
  };
}

/**
 * The search index kept for the library as it is on disk now (see io/search-cache.ts), with the
 * vocabulary and the files' problems; undefined when none is kept for it (then load and build).
 */
export function keptSearchIndex(
  sources: LibrarySources,
): { index: SearchIndex; problems: Problem[]; vocabulary: VocabularyIndex } | undefined {
  if (sources.cacheDir === undefined) return undefined;
  const folders = resolveFolders(sources);
  const { vocabulary, hash } = vocabularyOf(sources.dataDir, sources.cacheDir);
  const files: LibraryFiles = { paths: [], stamps: [] };
  for (const folder of folders) {
    const listing = listProfileFolder(folder);
    if (listing.problem || listing.stamps.includes(undefined)) return undefined;
    files.paths.push(...listing.paths);
    files.stamps.push(...(listing.stamps as string[]));
  }
  const key: CacheKey = { version: VERSION, folders, vocabulary: hash };
  const kept = readSearchCache(searchCacheFile(sources.cacheDir, folders), key, files);
  return kept && { ...kept, vocabulary };
}

/** Keeps the index built for `library`, for the next search (when the library can be kept). */
export function keepSearchIndex(sources: LibrarySources, library: Library, index: SearchIndex): void {
  if (sources.cacheDir === undefined || library.state === undefined) return;
  const { key, files } = library.state;
  writeSearchCache(searchCacheFile(sources.cacheDir, key.folders), key, files, library.problems, index);
}

/**
 * Finds roles by id from the one file each can be in: `<id>.md` in each profile folder (a
 * profile's file must be named by its id, and a later folder overrides an earlier one). So `show`
 * and `compare` read two or three files, not the whole library, whatever its size.
 *
 * Undefined whenever the answer needs the whole library: a query that is not an id (a title or
 * alias), an id named twice, no file for an id, or a file for it that is not a valid profile.
 * Then the caller loads everything, which finds titles, suggests ids and reports problems.
 */
export function findRolesById(sources: LibrarySources, queries: string[]): RolesById | undefined {
  const ids = queries.map((query) => query.trim());
  if (new Set(ids).size !== ids.length || !ids.every(isProfileId)) return undefined;
  const folders = resolveFolders(sources);
  const { vocabulary } = vocabularyOf(sources.dataDir, sources.cacheDir);
  const profiles: LoadedProfile[] = [];
  for (const id of ids) {
    const name = profileFileName(id);
    let found: LoadedProfile | undefined;
    for (const folder of folders) {
      const path = folderPrefix(folder) + name;
      // No entry: not in this folder. One that stat() cannot follow, or not a regular file, is a
      // problem the full load reports.
      const stats = statEntry(path);
      if (stats === undefined) continue;
      if (stats === null || !stats.isFile() || !hasExactName(folder, name, path, stats)) return undefined;
      const loaded = loadProfileFile(readProfileFile(path, folder), vocabulary).profile;
      if (loaded?.profile.id !== id) return undefined;
      found = { ...loaded, overrides: found ? [...found.overrides, found.file] : [] };
    }
    if (!found) return undefined;
    profiles.push(found);
  }
  return { vocabulary, profiles };
}

/** The file's stats (links followed); undefined when there is no entry at all, null when it cannot be followed. */
function statEntry(path: string): Stats | undefined | null {
  try {
    if (!lstatSync(path, { throwIfNoEntry: false })) return undefined;
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

/**
 * Whether the folder's entry is spelled exactly `name`. On a case-insensitive file system (macOS
 * and Windows by default) opening support-agent.md also opens Support-Agent.md, which the full
 * load reports as misnamed. Such a folder shows itself when the upper-case name opens the same
 * file; only then is the folder listed to look for the exact name.
 */
function hasExactName(folder: string, name: string, path: string, stats: Stats): boolean {
  try {
    const upper = statSync(path.slice(0, path.length - name.length) + name.toUpperCase(), {
      throwIfNoEntry: false,
    });
    if (!upper || upper.ino !== stats.ino || upper.dev !== stats.dev) return true;
    return readdirSync(folder).includes(name);
  } catch {
    return false;
  }
}
