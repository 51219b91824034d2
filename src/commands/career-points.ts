import { findCareerPoint } from "../core/career/find-career-point.js";
import type { TransitionEnd } from "../core/career/transition-brief.js";
import type { LoadedProfile } from "../core/profile.js";
import type { VocabularyIndex } from "../core/vocabulary.js";
import type { CommandContext } from "./context.js";
import { withUsageErrors } from "./usage-errors.js";

/** Every ladder of the library, and the roles or positions the queries name (gap, graph). */
export function findCareerEnds(
  queries: string[],
  context: CommandContext,
): { vocabulary: VocabularyIndex; ladders: LoadedProfile[]; ends: TransitionEnd[] } {
  const library = context.library();
  // Positions are known only from the ladders, so every profile is read.
  const ladders = library.profiles;
  const ends = queries.map((query): TransitionEnd => {
    const point = withUsageErrors(() =>
      findCareerPoint(
        query,
        library.roles,
        ladders.map((loaded) => loaded.profile),
        library.vocabulary,
      ),
    );
    if (point.kind === "position") return { profile: null, position: point.position };
    const profile = ladders.find((loaded) => loaded.profile.id === point.role.profile.id) ?? null;
    return { profile, position: point.role.profile.position };
  });
  return { vocabulary: library.vocabulary, ladders, ends };
}
