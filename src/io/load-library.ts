import { readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { type LoadResult, loadProfiles } from "../core/load-profiles.js";
import { buildVocabulary, VOCABULARY_FILES, type VocabularyIndex } from "../core/vocabulary.js";
import type { ConceptKind } from "../core/vocabulary-types.js";
import { DataError } from "../errors.js";
import { assertFolder, readProfileFolder } from "./read-profile-folder.js";

export interface LibrarySources {
  /** The package's data/ folder (vocabulary and built-in roles). */
  dataDir: string;
  /** Added profile folders, in order: CSROLES_PATH entries, then --data folders. */
  extraDirs: { dir: string; from: string }[];
}

export interface Library extends LoadResult {
  vocabulary: VocabularyIndex;
  folders: string[];
  /** Every profile file found, valid or not, in load order. */
  files: string[];
}

export function loadVocabulary(dataDir: string): VocabularyIndex {
  const raw = {} as Record<ConceptKind, unknown>;
  for (const [kind, file] of Object.entries(VOCABULARY_FILES) as [ConceptKind, string][]) {
    const path = join(dataDir, "vocabulary", file);
    try {
      raw[kind] = yaml.load(readFileSync(path, "utf8"), { schema: yaml.CORE_SCHEMA });
    } catch (error) {
      throw new DataError(`cannot read vocabulary ${path}: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  const built = buildVocabulary(raw);
  if ("problems" in built) {
    throw new DataError(
      `the vocabulary in ${join(dataDir, "vocabulary")} is invalid: ${built.problems.join("; ")}`,
    );
  }
  return built.vocabulary;
}

/** Reads the vocabulary and every profile folder: built-in first, then the added ones in order. */
export function loadLibrary(sources: LibrarySources): Library {
  const vocabulary = loadVocabulary(sources.dataDir);
  // A folder named twice (or the built-in one named again) is read once, at its first place.
  const folders = [
    ...new Set([
      realpathSync(join(sources.dataDir, "roles")),
      ...sources.extraDirs.map(({ dir, from }) => realpathSync(assertFolder(dir, from))),
    ]),
  ];
  const files = folders.flatMap((folder) => readProfileFolder(folder));
  return { vocabulary, folders, files: files.map((f) => f.path), ...loadProfiles(files, vocabulary) };
}
