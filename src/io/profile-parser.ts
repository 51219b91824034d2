import { readFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { type LoadResult, loadProfileFile, loadProfiles } from "../core/load-profiles.js";
import { buildVocabulary, VOCABULARY_FILES, type VocabularyIndex } from "../core/vocabulary.js";
import type { ConceptKind } from "../core/vocabulary-types.js";
import { DataError } from "../errors.js";
import { readProfileFolder } from "./read-profile-folder.js";

/**
 * The heavy half of loading: YAML and front-matter parsing (js-yaml, gray-matter) and validation.
 * Imported only when some file is not in the profile cache, so warm runs never load it.
 */

export { loadProfileFile };

export function parseVocabulary(dataDir: string): VocabularyIndex {
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

/** The reference loader: reads and parses every file of the given folders, no cache. */
export function parseFolders(
  folders: string[],
  vocabulary: VocabularyIndex,
): LoadResult & { files: string[] } {
  const files = folders.flatMap((folder) => readProfileFolder(folder));
  return { files: files.map((f) => f.path), ...loadProfiles(files, vocabulary) };
}
