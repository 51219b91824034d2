import { lstatSync, readdirSync, type Stats, statSync } from "node:fs";
import type { LoadedProfile, Profile } from "../core/profile.js";
import { isProfileId, profileFileName } from "../core/profile-id.js";
import { VocabularyIndex } from "../core/vocabulary.js";
import { readLookup } from "./cache-lookup.js";
import {
  type LibrarySources,
  loadVocabulary,
  needParser,
  resolveFolders,
  vocabularyStamp,
} from "./load-library.js";
import { cacheKey, RecordReader } from "./profile-cache.js";
import { folderPrefix, readProfileFile } from "./read-profile-folder.js";

/** Roles found by their ids alone, with the vocabulary to show them. */
export interface RolesById {
  vocabulary: VocabularyIndex;
  profiles: LoadedProfile[];
}

/** The roles, or why the whole library must be loaded instead (and whether to mend the cache then). */
export type LookUpOutcome = { roles: RolesById } | { roles?: undefined; rewriteLookup: boolean };

const LOAD_ALL: LookUpOutcome = { rewriteLookup: false };

/**
 * Finds roles by id from the one file each can be in: `<id>.md` in each profile folder (a
 * profile's file must be named by its id, and a later folder overrides an earlier one). So `show`
 * and `compare` read two or three files, not the whole library, whatever its size. A file's
 * record comes from the profile cache when its size, mtime and inode are those cached, else the
 * file is parsed.
 *
 * Gives no roles whenever the answer needs the whole library: a query that is not an id (a title
 * or alias), an id named twice, no file for an id, or a file for it that is not a valid profile.
 * Then the caller loads everything, which finds titles, suggests ids and reports problems. Other
 * files are never read here, so their problems are not reported (`validate` and `list` do that).
 * A cache whose lookup file is missing, damaged or out of date also sends the caller to the full
 * load, which writes the lookup file again.
 */
export function lookUpRoles(sources: LibrarySources, queries: string[]): LookUpOutcome {
  const ids = queries.map((query) => query.trim());
  if (new Set(ids).size !== ids.length) return LOAD_ALL;
  if (!ids.every(isProfileId)) return LOAD_ALL;

  const folders = resolveFolders(sources);
  const build = sources.build ?? "dev";
  const key = cacheKey([sources.dataDir, ...folders]);
  const lookup = sources.cacheDir ? readLookup(sources.cacheDir, key, build, folders) : undefined;
  const usable = lookup?.vocabularyStamp === vocabularyStamp(sources.dataDir) ? lookup : undefined;
  if (sources.cacheDir && !usable) return { rewriteLookup: true };
  const vocabulary = usable ? new VocabularyIndex(usable.vocabulary) : loadVocabulary(sources.dataDir);
  const reader = usable ? new RecordReader(usable.recordsPath) : undefined;

  try {
    const profiles: LoadedProfile[] = [];
    for (const id of ids) {
      const name = profileFileName(id);
      let found: LoadedProfile | undefined;
      const overridden: string[] = [];
      for (let index = 0; index < folders.length; index++) {
        const folder = folders[index] as string;
        const path = folderPrefix(folder) + name;
        // No entry at all: not in this folder. An entry that stat() cannot follow (a dangling
        // link, a loop, no permission) or that is not a regular file is a problem the full load
        // reports.
        const stats = statEntry(path);
        if (stats === undefined) continue;
        if (stats === null || !stats.isFile() || !hasExactName(folder, name, path, stats)) return LOAD_ALL;
        let profile: Profile | undefined;
        const entry = usable?.find(index, name);
        if (
          entry &&
          entry.stamp[0] === stats.size &&
          entry.stamp[1] === stats.mtimeMs &&
          entry.stamp[2] === stats.ino
        )
          profile = reader?.read(entry.record, id);
        if (!profile) {
          const loaded = needParser().loadProfileFile(readProfileFile(path, folder), vocabulary);
          if (!loaded.profile) return LOAD_ALL;
          profile = loaded.profile.profile;
        }
        if (profile.id !== id) return LOAD_ALL;
        if (found) overridden.push(found.file);
        found = { profile, file: path, origin: folder, overrides: [...overridden] };
      }
      if (!found) return LOAD_ALL;
      profiles.push(found);
    }
    return { roles: { vocabulary, profiles } };
  } finally {
    reader?.close();
  }
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
