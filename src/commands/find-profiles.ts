import type { LoadedProfile, LoadedRole } from "../core/profile.js";
import type { VocabularyIndex } from "../core/vocabulary.js";
import type { Library } from "../io/load-library.js";
import type { CommandContext } from "./context.js";

/**
 * The profiles of the roles asked for: by id from their own files when that can answer
 * (context.rolesById), else found in the whole library by `pick` (titles, aliases, "did you mean").
 */
export function findProfiles(
  queries: string[],
  context: CommandContext,
  pick: (library: Library) => LoadedRole[],
): { vocabulary: VocabularyIndex; profiles: LoadedProfile[] } {
  const direct = context.rolesById(queries);
  if (direct) return direct;
  const library = context.library();
  // Only the found roles' full profiles are read.
  return { vocabulary: library.vocabulary, profiles: pick(library).map((role) => library.profile(role)) };
}
