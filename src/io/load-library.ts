import { realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import type { LoadResult } from "../core/load-profiles.js";
import type { Problem } from "../core/problem.js";
import {
  headOf,
  type LoadedProfile,
  type LoadedRole,
  type Profile,
  type ProfileHead,
} from "../core/profile.js";
import { resolveOverrides } from "../core/resolve-overrides.js";
import { VOCABULARY_FILES, VocabularyIndex } from "../core/vocabulary.js";
import { DataError } from "../errors.js";
import { lazyModule } from "../lazy-module.js";
import {
  type CachedFile,
  cacheKey,
  decodeLists,
  encodeLists,
  type FileStamp,
  type HeadCore,
  type Lists,
  RecordReader,
  readLists,
  readManifest,
  recordHash,
  sameStamp,
  writeCache,
} from "./profile-cache.js";
import { assertFolder, listProfileFolder, readProfileFile } from "./read-profile-folder.js";

export interface LibrarySources {
  /** The package's data/ folder (vocabulary and built-in roles). */
  dataDir: string;
  /** Added profile folders, in order: CSROLES_PATH entries, then --data folders. */
  extraDirs: { dir: string; from: string }[];
  /** Where to keep the profile cache; undefined for no cache (--no-cache). */
  cacheDir?: string;
  /** Identifies the build: a cache written by another build is not used. */
  build?: string;
}

export interface Library {
  vocabulary: VocabularyIndex;
  folders: string[];
  /** Every profile file found, valid or not, in load order. */
  files: string[];
  problems: Problem[];
  /** The valid roles after folder overrides, known by their heads. */
  roles: LoadedRole[];
  /** The full profile of a role. */
  profile(role: LoadedRole): LoadedProfile;
  /** Every full profile (reads them all: prefer `roles` and `profile()`). */
  readonly profiles: LoadedProfile[];
}

/** The parsing half of loading (see profile-parser.ts), imported when some file is not cached. */
export const parserModule = lazyModule("the profile parser", () => import("./profile-parser.js"));

/** Imports the parser, for callers that load without a cache (tests, tools). */
export async function ensureParser(): Promise<void> {
  await parserModule.load();
}

function needParser() {
  return parserModule.get();
}

export function loadVocabulary(dataDir: string): VocabularyIndex {
  return needParser().parseVocabulary(dataDir);
}

/**
 * A role's head from the cache: the fields copied, the skill and tool lists read on first use
 * (getters on the prototype, so making thousands of heads stays cheap).
 */
class CachedHead implements ProfileHead {
  readonly id: string;
  readonly title: string;
  readonly title_en: string;
  readonly lang: ProfileHead["lang"];
  readonly level: string;
  readonly position: string;
  readonly aliases: string[];
  readonly skill_count: number;
  readonly tool_count: number;
  private loaded: Pick<ProfileHead, "skills" | "tools"> | undefined;

  constructor(
    core: HeadCore,
    private readonly load: () => Pick<ProfileHead, "skills" | "tools">,
  ) {
    this.id = core.id;
    this.title = core.title;
    this.title_en = core.title_en;
    this.lang = core.lang;
    this.level = core.level;
    this.position = core.position;
    this.aliases = core.aliases;
    this.skill_count = core.skill_count;
    this.tool_count = core.tool_count;
  }

  get skills(): ProfileHead["skills"] {
    this.loaded ??= this.load();
    return this.loaded.skills;
  }

  get tools(): ProfileHead["tools"] {
    this.loaded ??= this.load();
    return this.loaded.tools;
  }
}

function stampOf(path: string): FileStamp | undefined {
  try {
    const stats = statSync(path);
    return stats.isFile() ? { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino } : undefined;
  } catch {
    return undefined;
  }
}

function vocabularyStamp(dataDir: string): string {
  return JSON.stringify(
    Object.values(VOCABULARY_FILES).map((file) => stampOf(join(dataDir, "vocabulary", file)) ?? null),
  );
}

function resolveFolders(sources: LibrarySources): string[] {
  // A folder named twice (or the built-in one named again) is read once, at its first place.
  return [
    ...new Set([
      realpathSync(join(sources.dataDir, "roles")),
      ...sources.extraDirs.map(({ dir, from }) => realpathSync(assertFolder(dir, from))),
    ]),
  ];
}

/** The reference loader: reads and parses everything, no cache. */
export function loadLibraryUncached(sources: LibrarySources): LoadResult & { files: string[] } {
  const { parseVocabulary, parseFolders } = needParser();
  return parseFolders(resolveFolders(sources), parseVocabulary(sources.dataDir));
}

interface FileResult {
  path: string;
  origin: string;
  stamp?: FileStamp;
  problems: Problem[];
  head?: LoadedRole["profile"];
  /** Parsed now (not from the cache). */
  fresh?: Profile;
  cached?: CachedFile;
}

/**
 * Reads the vocabulary and every profile folder (built-in first, then the added ones in order),
 * reusing the cache for files whose size, mtime and inode are unchanged.
 */
export function loadLibrary(sources: LibrarySources): Library {
  const folders = resolveFolders(sources);
  const build = sources.build ?? "dev";
  const key = cacheKey([sources.dataDir, ...folders]);
  const manifest = sources.cacheDir ? readManifest(sources.cacheDir, key, build) : undefined;
  const vocabStamp = vocabularyStamp(sources.dataDir);
  const vocabularyCached = manifest?.vocabularyStamp === vocabStamp;
  const vocabulary =
    vocabularyCached && manifest ? new VocabularyIndex(manifest.vocabulary) : loadVocabulary(sources.dataDir);
  const reader =
    manifest && sources.cacheDir
      ? new RecordReader(join(sources.cacheDir, manifest.records), manifest.recordsSize)
      : undefined;
  // Skill and tool lists are read from the cache only when a command asks for them (search).
  let lists: Record<string, Lists> | undefined | null;
  const listsOf = (path: string, id: string): Pick<ProfileHead, "skills" | "tools"> => {
    if (lists === undefined)
      lists = (manifest && sources.cacheDir && readLists(sources.cacheDir, manifest)) || null;
    const entry = lists?.[path];
    if (Array.isArray(entry) && entry.length === 2 && Array.isArray(entry[0]) && Array.isArray(entry[1])) {
      return decodeLists(entry);
    }
    return headOf(fullProfile(path, id));
  };
  const lazyHead = (core: HeadCore, path: string): ProfileHead =>
    new CachedHead(core, () => listsOf(path, core.id));

  let changed = !vocabularyCached;
  const results: FileResult[] = [];
  for (const folder of folders) {
    for (const entry of listProfileFolder(folder)) {
      if (entry.problem) {
        results.push({ path: entry.path, origin: folder, problems: [entry.problem] });
        continue;
      }
      const cached = entry.stamp ? manifest?.files[entry.path] : undefined;
      if (entry.stamp && cached && vocabularyCached && sameStamp(cached.stamp, entry.stamp)) {
        results.push({
          path: entry.path,
          origin: folder,
          stamp: entry.stamp,
          problems: cached.problems,
          cached,
          ...(cached.head ? { head: lazyHead(cached.head, entry.path) } : {}),
        });
        continue;
      }
      changed = true;
      const file = readProfileFile(entry.path, folder);
      const loaded = needParser().loadProfileFile(file, vocabulary);
      const result: FileResult = { path: entry.path, origin: folder, problems: loaded.problems };
      if (entry.stamp && !file.problem) result.stamp = entry.stamp;
      if (loaded.profile) {
        result.fresh = loaded.profile.profile;
        result.head = headOf(loaded.profile.profile);
      }
      results.push(result);
    }
  }
  if (manifest && Object.keys(manifest.files).length !== results.filter((r) => r.stamp).length)
    changed = true;

  const byFile = new Map(results.map((r) => [r.path, r]));
  function fullProfile(path: string, id: string): Profile {
    const result = byFile.get(path);
    if (!result?.head) throw new Error(`no profile loaded from ${path}`);
    if (result.fresh) return result.fresh;
    const fromCache = result.cached?.record ? reader?.read(result.cached.record, id) : undefined;
    if (fromCache) return fromCache;
    // The records file went away or no longer matches: parse the file itself.
    const reparsed = needParser().loadProfileFile(
      readProfileFile(result.path, result.origin),
      vocabulary,
    ).profile;
    if (!reparsed)
      throw new DataError(`${result.path} changed while csroles was reading it; run the command again`);
    result.fresh = reparsed.profile;
    return reparsed.profile;
  }

  const candidates: LoadedRole[] = results
    .filter((r) => r.head)
    .map((r) => ({
      profile: r.head as LoadedRole["profile"],
      file: r.path,
      origin: r.origin,
      overrides: [],
    }));
  const { kept, problems: clashes } = resolveOverrides(candidates);
  const order = new Map(results.map((r, i) => [r.path, i]));
  const problems = [...results.flatMap((r) => r.problems), ...clashes].sort(
    (a, b) => (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1),
  );

  if (changed && sources.cacheDir) {
    saveCache(sources.cacheDir, key, build, vocabStamp, vocabulary, results, reader);
  }

  let all: LoadedProfile[] | undefined;
  const library: Library = {
    vocabulary,
    folders,
    files: results.map((r) => r.path),
    problems,
    roles: kept,
    profile: (role) => ({ ...role, profile: fullProfile(role.file, role.profile.id) }),
    get profiles() {
      all ??= kept.map((role) => library.profile(role));
      return all;
    },
  };
  return library;
}

function saveCache(
  cacheDir: string,
  key: string,
  build: string,
  vocabStamp: string,
  vocabulary: VocabularyIndex,
  results: FileResult[],
  reader: RecordReader | undefined,
): void {
  const files: Record<string, CachedFile> = {};
  const records: Buffer[] = [];
  const lists: Record<string, Lists> = {};
  let offset = 0;
  for (const result of results) {
    if (!result.stamp) continue;
    const entry: CachedFile = { stamp: result.stamp, problems: result.problems };
    if (result.head) {
      let bytes: Buffer | undefined;
      if (result.fresh) bytes = Buffer.from(JSON.stringify(result.fresh));
      else if (result.cached?.record) bytes = reader?.raw(result.cached.record);
      if (!bytes) return; // cannot carry this record over: leave the old cache alone
      const h = result.head;
      entry.head = {
        id: h.id,
        title: h.title,
        title_en: h.title_en,
        lang: h.lang,
        level: h.level,
        position: h.position,
        aliases: h.aliases,
        skill_count: h.skill_count,
        tool_count: h.tool_count,
      };
      lists[result.path] = encodeLists(h);
      entry.record = [offset, bytes.length, recordHash(bytes)];
      records.push(bytes);
      offset += bytes.length;
    }
    files[result.path] = entry;
  }
  writeCache(
    cacheDir,
    key,
    { format: 2, build, vocabularyStamp: vocabStamp, vocabulary: vocabulary.vocabulary, files },
    records,
    lists,
  );
}
