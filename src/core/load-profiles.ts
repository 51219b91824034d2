import { basename } from "node:path";
import { locateField } from "./locate-field.js";
import { parseFrontMatter } from "./parse-front-matter.js";
import { type Problem, ProblemError } from "./problem.js";
import type { LoadedProfile, LoadedRole } from "./profile.js";
import { validateProfile } from "./validate-profile.js";
import type { VocabularyIndex } from "./vocabulary.js";

/** A profile file as read from disk (or a problem met while reading it). */
export interface ProfileFile {
  path: string;
  /** The folder it was found in. */
  origin: string;
  text?: string;
  problem?: Problem;
}

export interface LoadResult {
  profiles: LoadedProfile[];
  problems: Problem[];
}

/** Parses and validates one file; every failure becomes problems naming the file. */
export function loadProfileFile(
  file: ProfileFile,
  vocabulary: VocabularyIndex,
): { profile?: LoadedProfile; problems: Problem[] } {
  if (file.problem) return { problems: [file.problem] };
  try {
    const document = parseFrontMatter(file.text ?? "");
    const { profile, problems } = validateProfile(document.data, document.body, vocabulary);
    if (!profile) {
      return {
        problems: problems.map((p) => {
          const line = locateField(document.frontMatter, p.field);
          return { file: file.path, field: p.field, message: p.message, ...(line ? { line } : {}) };
        }),
      };
    }
    return { profile: { profile, file: file.path, origin: file.origin, overrides: [] }, problems: [] };
  } catch (error) {
    if (error instanceof ProblemError) {
      return {
        problems: [
          {
            file: file.path,
            field: error.field,
            message: error.message,
            ...(error.line ? { line: error.line } : {}),
          },
        ],
      };
    }
    throw error;
  }
}

/**
 * Applies the folder rules to per-file results in load order (built-in folder first, then each
 * added folder): within one folder an id may appear once; a later folder's profile overrides an
 * earlier one with the same id.
 */
export function resolveOverrides<T extends LoadedRole>(
  loadedInOrder: T[],
): { kept: T[]; problems: Problem[] } {
  const byId = new Map<string, T>();
  const problems: Problem[] = [];
  for (const loaded of loadedInOrder) {
    const earlier = byId.get(loaded.profile.id);
    if (earlier && earlier.origin === loaded.origin) {
      problems.push({
        file: loaded.file,
        field: "id",
        message: `id '${loaded.profile.id}' is already used by ${basename(earlier.file)} in the same folder`,
      });
      continue;
    }
    if (earlier) loaded.overrides = [...earlier.overrides, earlier.file];
    byId.set(loaded.profile.id, loaded);
  }
  return { kept: [...byId.values()], problems };
}

/** Parses, validates and resolves a list of files (no cache): the reference behaviour. */
export function loadProfiles(files: ProfileFile[], vocabulary: VocabularyIndex): LoadResult {
  const problems: Problem[] = [];
  const loaded: LoadedProfile[] = [];
  for (const file of files) {
    const result = loadProfileFile(file, vocabulary);
    problems.push(...result.problems);
    if (result.profile) loaded.push(result.profile);
  }
  const { kept, problems: clashes } = resolveOverrides(loaded);
  return { profiles: kept, problems: [...problems, ...clashes] };
}
