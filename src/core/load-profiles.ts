import { basename } from "node:path";
import { locateField } from "./locate-field.js";
import { parseFrontMatter } from "./parse-front-matter.js";
import { type Problem, ProblemError } from "./problem.js";
import type { LoadedProfile } from "./profile.js";
import { profileFileName } from "./profile-id.js";
import { resolveOverrides } from "./resolve-overrides.js";
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
      const lines = document.frontMatter.split("\n"); // once, not once per problem
      return {
        problems: problems.map((p) => {
          const line = locateField(lines, p.field);
          return { file: file.path, field: p.field, message: p.message, ...(line ? { line } : {}) };
        }),
      };
    }
    const expected = profileFileName(profile.id);
    const name = basename(file.path);
    if (name !== expected) {
      const line = locateField(document.frontMatter.split("\n"), "id");
      return {
        problems: [
          {
            file: file.path,
            field: "id",
            message: `id '${profile.id}' does not match the file name '${name}': name the file ${expected} (or change the id)`,
            ...(line ? { line } : {}),
          },
        ],
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
