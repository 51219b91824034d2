import { restoreIndex, saveIndex } from "../core/search/saved-index.js";
import { SkillToolSearch } from "../core/search/search.js";
import { buildSearchIndex } from "../core/search/search-index.js";
import type { Library } from "./load-library.js";

/**
 * The skill and tool search over a library's roles: from the index kept in the profile cache when
 * it was built from exactly these roles, else built now (and kept for the next run). Either way
 * the results are the same; the kept index only saves reading every role's skill and tool lists.
 */
export function searchOf(library: Library): SkillToolSearch {
  const saved = library.searchCache?.read();
  const restored = saved ? restoreIndex(saved, library.roles) : undefined;
  if (restored) return new SkillToolSearch(restored, library.vocabulary);
  const index = buildSearchIndex(library.roles, library.vocabulary);
  if (library.searchCache) {
    const { header, columns } = saveIndex(index);
    library.searchCache.write(header, columns);
  }
  return new SkillToolSearch(index, library.vocabulary);
}
