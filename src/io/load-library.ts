import { realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { detachText, TextPool } from "../core/detach-text.js";
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
import { encodeLookup, writeLookup } from "./cache-lookup.js";
import {
  cacheKey,
  decodeLists,
  decodeSkills,
  decodeTools,
  encodeLists,
  type FileToCache,
  type HeadCore,
  headCore,
  type Lists,
  type Manifest,
  RecordArena,
  RecordReader,
  readManifest,
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
  /** Write the lookup file even when the cache is unchanged (look-up-roles.ts found it unusable). */
  rewriteLookup?: boolean;
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
  /**
   * Where a search index built from exactly these roles is kept between runs; undefined without
   * a profile cache. The index is stored as a JSON header and one integer column (search-index.ts).
   */
  searchCache?: SearchCache;
}

export interface SearchCache {
  read(): { header: unknown; columns: Int32Array } | undefined;
  write(header: unknown, columns: Int32Array): void;
}

/** The parsing half of loading (see profile-parser.ts), imported when some file is not cached. */
export const parserModule = lazyModule("the profile parser", () => import("./profile-parser.js"));

/** Imports the parser, for callers that load without a cache (tests, tools). */
export async function ensureParser(): Promise<void> {
  await parserModule.load();
}

export function needParser() {
  return parserModule.get();
}

export function loadVocabulary(dataDir: string): VocabularyIndex {
  return needParser().parseVocabulary(dataDir);
}

/**
 * A file parsed in this run (not taken from the cache). Its full profile is not kept: thousands
 * of parsed profiles, a few hundred objects each, made garbage collection the largest cost of a
 * first run. What is kept is its head, and its profile as JSON text when the cache is written.
 */
interface FreshFile {
  /** Size, mtime and inode when the file was read whole (the cache keeps only such files). */
  stamp?: [number, number, number];
  problems: Problem[];
  id?: string;
  /**
   * Where the full profile is in the record arena, as UTF-8 JSON: start and length in bytes (only
   * when a cache is written).
   */
  record?: [number, number];
}

/**
 * The head of a profile parsed in this run, with its skill and tool lists kept flat (two string
 * arrays, not an object per entry); each read of `skills` or `tools` builds them anew. Its strings
 * are detached from the file's text (detach-text.ts), so that the text dies with the file's parse.
 */
class FreshHead implements ProfileHead {
  readonly id: string;
  readonly title: string;
  readonly title_en: string;
  readonly lang: ProfileHead["lang"];
  readonly level: string;
  readonly position: string;
  readonly aliases: string[];
  readonly skill_count: number;
  readonly tool_count: number;
  private readonly lists: Lists;

  /** `pool` shares the strings that repeat across profiles (ids of concepts, labels, names). */
  constructor(profile: Profile, pool: TextPool) {
    this.id = detachText(profile.id);
    this.title = detachText(profile.title);
    this.title_en = detachText(profile.title_en);
    this.lang = profile.lang;
    this.level = pool.keep(profile.level);
    this.position = pool.keep(profile.position);
    this.aliases = profile.aliases.map(detachText);
    this.skill_count = profile.skills.length;
    this.tool_count = profile.tools.length;
    const lists = encodeLists(profile);
    for (const list of lists) for (let i = 0; i < list.length; i++) list[i] = pool.keep(list[i] as string);
    this.lists = lists;
  }

  get skills(): ProfileHead["skills"] {
    return decodeSkills(this.lists[0]);
  }
  get tools(): ProfileHead["tools"] {
    return decodeTools(this.lists[1]);
  }

  get flatLists(): Lists {
    return this.lists;
  }
}

/**
 * What loading found, one slot per file in load order, in columns: a library of 10,000 profiles
 * is loaded on every run, and a few objects per file would cost more in garbage collection than
 * the rest of a warm run.
 */
class LoadState {
  readonly paths: string[] = [];
  readonly origins: string[] = [];
  /** The file's index in the manifest when its cached entry was used, else -1. */
  readonly cached: number[] = [];
  /** Files parsed in this run, by slot. */
  readonly fresh = new Map<number, FreshFile>();
  /** Full profiles read from the records file or parsed again, by slot. */
  readonly profiles = new Map<number, Profile>();
  /** Heads of the files parsed in this run, by slot. */
  readonly freshHeads = new Map<number, FreshHead>();
  /** Records of the files parsed in this run (see FreshFile.record). */
  readonly records = new RecordArena();
  /** The strings kept from the files parsed in this run (see FreshHead). */
  readonly pool = new TextPool();

  constructor(
    readonly manifest: Manifest | undefined,
    readonly reader: RecordReader | undefined,
    readonly vocabulary: VocabularyIndex,
    /** Whether the cache will be written (then parsed profiles are kept as JSON text). */
    readonly keepRecords: boolean,
  ) {}

  add(path: string, origin: string, cached: number): number {
    this.paths.push(path);
    this.origins.push(origin);
    this.cached.push(cached);
    return this.paths.length - 1;
  }

  problemsOf(slot: number): Problem[] {
    const cached = this.cached[slot] as number;
    if (cached !== -1 && this.manifest) return this.manifest.problemsOf(cached);
    return this.fresh.get(slot)?.problems ?? [];
  }

  /** The full profile in `slot` (which holds a valid one). */
  profileOf(slot: number, id: string): Profile {
    const known = this.profiles.get(slot);
    if (known) return known;
    const record = this.fresh.get(slot)?.record;
    if (record !== undefined) return JSON.parse(this.records.text(record)) as Profile;
    const cached = this.cached[slot] as number;
    let profile =
      cached !== -1 && this.manifest ? this.reader?.read(this.manifest.recordOf(cached), id) : undefined;
    if (!profile) {
      // The cache's data files went away or no longer match: parse the file itself.
      const path = this.paths[slot] as string;
      const reparsed = needParser().loadProfileFile(
        readProfileFile(path, this.origins[slot] as string),
        this.vocabulary,
      ).profile;
      if (reparsed?.profile.id !== id)
        throw new DataError(`${path} changed while csroles was reading it; run the command again`);
      profile = reparsed.profile;
    }
    this.profiles.set(slot, profile);
    return profile;
  }

  /** The head of a cached file: from the heads file, else from its full profile. */
  headCoreOf(slot: number, id: string): HeadCore {
    const cached = this.cached[slot] as number;
    return (
      (this.manifest && cached !== -1 && this.manifest.headOf(cached)) || headOf(this.profileOf(slot, id))
    );
  }

  listsOf(slot: number, id: string): Pick<ProfileHead, "skills" | "tools"> {
    const cached = this.cached[slot] as number;
    const lists = this.manifest && cached !== -1 ? this.manifest.listsOf(cached) : undefined;
    return lists ? decodeLists(lists) : headOf(this.profileOf(slot, id));
  }
}

/**
 * A role's head from the cache: the id at once (finding a role by id and resolving overrides
 * need no more), the other fields read from the heads file on first use and the skill and tool
 * lists from the lists file (getters on the prototype, so making thousands of heads stays cheap).
 */
class CachedHead implements ProfileHead {
  private core: HeadCore | undefined;
  private lists: Pick<ProfileHead, "skills" | "tools"> | undefined;

  constructor(
    readonly id: string,
    private readonly state: LoadState,
    private readonly slot: number,
  ) {}

  private get known(): HeadCore {
    this.core ??= this.state.headCoreOf(this.slot, this.id);
    return this.core;
  }

  get title(): string {
    return this.known.title;
  }
  get title_en(): string {
    return this.known.title_en;
  }
  get lang(): ProfileHead["lang"] {
    return this.known.lang;
  }
  get level(): string {
    return this.known.level;
  }
  get position(): string {
    return this.known.position;
  }
  get aliases(): string[] {
    return this.known.aliases;
  }
  get skill_count(): number {
    return this.known.skill_count;
  }
  get tool_count(): number {
    return this.known.tool_count;
  }
  get skills(): ProfileHead["skills"] {
    this.lists ??= this.state.listsOf(this.slot, this.id);
    return this.lists.skills;
  }
  get tools(): ProfileHead["tools"] {
    this.lists ??= this.state.listsOf(this.slot, this.id);
    return this.lists.tools;
  }
}

/** A valid role found by the loader; `slot` is where its file is in the load state. */
class LibraryRole implements LoadedRole {
  overrides: string[] = [];

  constructor(
    readonly profile: ProfileHead,
    readonly file: string,
    readonly origin: string,
    readonly slot: number,
  ) {}
}

export function vocabularyStamp(dataDir: string): string {
  return JSON.stringify(
    Object.values(VOCABULARY_FILES).map((file) => {
      try {
        const stats = statSync(join(dataDir, "vocabulary", file));
        return stats.isFile() ? [stats.size, stats.mtimeMs, stats.ino] : null;
      } catch {
        return null;
      }
    }),
  );
}

export function resolveFolders(sources: LibrarySources): string[] {
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

/**
 * Reads the vocabulary and every profile folder (built-in first, then the added ones in order),
 * reusing the cache for files whose size, mtime and inode are unchanged.
 */
export function loadLibrary(sources: LibrarySources): Library {
  const folders = resolveFolders(sources);
  const build = sources.build ?? "dev";
  const { cacheDir } = sources;
  const key = cacheKey([sources.dataDir, ...folders]);
  const manifest = cacheDir ? readManifest(cacheDir, key, build) : undefined;
  const vocabStamp = vocabularyStamp(sources.dataDir);
  const vocabularyCached = manifest?.data.vocabularyStamp === vocabStamp;
  const vocabulary =
    vocabularyCached && manifest
      ? new VocabularyIndex(manifest.data.vocabulary)
      : loadVocabulary(sources.dataDir);
  const usable = vocabularyCached ? manifest : undefined;
  const state = new LoadState(
    usable,
    usable ? new RecordReader(usable.recordsPath) : undefined,
    vocabulary,
    cacheDir !== undefined,
  );

  let changed = !usable;
  // Files the cache holds (read whole, with a stamp), in order: the next one's index in a manifest
  // that is still right is `stored`.
  let stored = 0;
  const candidates: LibraryRole[] = [];
  for (const folder of folders) {
    const listing = listProfileFolder(folder);
    if (listing.problem) {
      state.fresh.set(state.add(folder, folder, -1), { problems: [listing.problem] });
      continue;
    }
    const { paths, stamps } = listing;
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i] as string;
      const size = stamps[3 * i] as number;
      const mtimeMs = stamps[3 * i + 1] as number;
      const ino = stamps[3 * i + 2] as number;
      const hasStamp = !Number.isNaN(size);
      const index = hasStamp && usable ? usable.indexOf(path, stored) : -1;
      if (index !== -1 && usable?.sameStamp(index, size, mtimeMs, ino)) {
        if (index !== stored) changed = true;
        stored++;
        const slot = state.add(path, folder, index);
        const id = usable.idOf(index);
        if (id !== undefined)
          candidates.push(new LibraryRole(new CachedHead(id, state, slot), path, folder, slot));
        continue;
      }
      const slot = state.add(path, folder, -1);
      const file = readProfileFile(path, folder, hasStamp);
      const loaded = needParser().loadProfileFile(file, vocabulary);
      const fresh: FreshFile = { problems: loaded.problems };
      // A file that cannot be read is not cached, and so changes nothing in the cache.
      if (hasStamp && !file.problem) {
        fresh.stamp = [size, mtimeMs, ino];
        stored++;
        changed = true;
      }
      if (loaded.profile) {
        const { profile } = loaded.profile;
        if (state.keepRecords) fresh.record = state.records.add(JSON.stringify(profile));
        const head = new FreshHead(profile, state.pool);
        fresh.id = head.id;
        state.freshHeads.set(slot, head);
        candidates.push(new LibraryRole(head, path, folder, slot));
      }
      state.fresh.set(slot, fresh);
    }
  }
  if (manifest && manifest.size !== stored) changed = true;

  const { kept, problems: clashes } = resolveOverrides(candidates);
  const problems = orderedProblems(state, clashes);

  // The search index may be kept only beside a manifest that describes exactly these roles.
  let current = changed ? undefined : manifest;
  if (changed && cacheDir) current = saveCache(cacheDir, key, build, vocabStamp, state);
  if (cacheDir && current && (changed || sources.rewriteLookup))
    writeLookup(cacheDir, key, encodeLookup(current.data, folders));

  let all: LoadedProfile[] | undefined;
  const library: Library = {
    vocabulary,
    folders,
    files: state.paths,
    problems,
    roles: kept,
    profile: (role) => {
      if (!(role instanceof LibraryRole)) throw new Error(`${role.file} is not a role of this library`);
      const { file, origin, overrides } = role;
      return { profile: state.profileOf(role.slot, role.profile.id), file, origin, overrides };
    },
    get profiles() {
      all ??= kept.map((role) => library.profile(role));
      return all;
    },
  };
  if (current) library.searchCache = searchCacheFor(current, build, kept);
  return library;
}

function orderedProblems(state: LoadState, clashes: Problem[]): Problem[] {
  const problems: Problem[] = [];
  for (let slot = 0; slot < state.paths.length; slot++) {
    const found = state.problemsOf(slot);
    if (found.length > 0) problems.push(...found);
  }
  if (clashes.length === 0) return problems;
  const order = new Map(state.paths.map((path, i) => [path, i]));
  return [...problems, ...clashes].sort((a, b) => (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1));
}

/**
 * The search index saved beside a manifest is for the roles that manifest describes: the search
 * file names the manifest's token (checked when it is read), and a manifest is used only while
 * every file still matches it, which fixes the roles. The file also records how many roles it
 * indexed, checked too. (Hashing every role's id on each run, as before, cost 1-2 ms at 1,000.)
 */
function searchCacheFor(manifest: Manifest, build: string, roles: LoadedRole[]): SearchCache {
  return {
    read() {
      const saved = manifest.readSearchIndex(build);
      if (!saved || typeof saved.header !== "object" || saved.header === null) return undefined;
      const { roles: count, index } = saved.header as Record<string, unknown>;
      if (count !== roles.length) return undefined;
      return { header: index, columns: saved.columns };
    },
    write(header, columns) {
      manifest.writeSearchIndex(build, { roles: roles.length, index: header }, columns);
    },
  };
}

/** A cached file's role as the cache holds it (record bytes, head, lists), without parsing the record. */
function carryOver(state: LoadState, slot: number): FileToCache["role"] | undefined {
  const { manifest, reader } = state;
  const cached = state.cached[slot] as number;
  if (cached === -1 || !manifest || !reader) return undefined;
  const head = manifest.headOf(cached);
  const lists = manifest.listsOf(cached);
  const record = reader.raw(manifest.recordOf(cached));
  return head && lists && record ? { head, lists, record } : undefined;
}

/** A file parsed in this run, as the cache holds it: its record is the JSON kept at parse time. */
function freshToCache(state: LoadState, slot: number): FileToCache["role"] | undefined {
  const head = state.freshHeads.get(slot);
  const record = state.fresh.get(slot)?.record;
  if (!head || record === undefined) return undefined;
  return {
    head: headCore(head),
    lists: head.flatLists,
    record: state.records.view(record),
  };
}

function roleToCache(profile: Profile): NonNullable<FileToCache["role"]> {
  const head = new FreshHead(profile, new TextPool());
  return { head: headCore(head), lists: head.flatLists, record: Buffer.from(JSON.stringify(profile)) };
}

function saveCache(
  cacheDir: string,
  key: string,
  build: string,
  vocabStamp: string,
  state: LoadState,
): Manifest | undefined {
  const files: FileToCache[] = [];
  for (let slot = 0; slot < state.paths.length; slot++) {
    const cached = state.cached[slot] as number;
    const fresh = state.fresh.get(slot);
    const stamp = cached !== -1 ? state.manifest?.stampOf(cached) : fresh?.stamp;
    if (!stamp) continue;
    const file: FileToCache = {
      path: state.paths[slot] as string,
      stamp: { size: stamp[0], mtimeMs: stamp[1], ino: stamp[2] },
      problems: state.problemsOf(slot),
    };
    const id = cached !== -1 ? state.manifest?.idOf(cached) : fresh?.id;
    if (id !== undefined) {
      let role = fresh ? freshToCache(state, slot) : carryOver(state, slot);
      if (!role) {
        try {
          role = roleToCache(state.profileOf(slot, id));
        } catch {
          return undefined; // cannot carry this record over: leave the old cache alone
        }
      }
      file.role = role;
    }
    files.push(file);
  }
  return writeCache(
    cacheDir,
    key,
    { build, vocabularyStamp: vocabStamp, vocabulary: state.vocabulary.vocabulary },
    files,
  );
}
