import { findCareerPoint } from "../core/career/find-career-point.js";
import type { TransitionEnd } from "../core/career/transition-brief.js";
import type { LoadedRole } from "../core/profile.js";
import type { VocabularyIndex } from "../core/vocabulary.js";
import type { CommandContext } from "./context.js";
import { withUsageErrors } from "./usage-errors.js";

/**
 * Every role of the library, whose heads hold their ladders, and the roles or positions the
 * queries name (gap, graph), known by their heads: no profile file is read.
 */
export function findCareerEnds(
  queries: string[],
  context: CommandContext,
): { vocabulary: VocabularyIndex; ladders: LoadedRole[]; ends: TransitionEnd<LoadedRole>[] } {
  const library = context.library();
  const ladders = library.roles;
  const ends = queries.map((query): TransitionEnd<LoadedRole> => {
    const point = withUsageErrors(() =>
      findCareerPoint(
        query,
        ladders,
        ladders.map((role) => role.profile),
        library.vocabulary,
      ),
    );
    if (point.kind === "position") return { profile: null, position: point.position };
    return { profile: point.role, position: point.role.profile.position };
  });
  return { vocabulary: library.vocabulary, ladders, ends };
}

/** A career end with its role's full profile, read from the role's own file (for the brief). */
export function withFullProfile(end: TransitionEnd<LoadedRole>, context: CommandContext): TransitionEnd {
  return { profile: end.profile && context.library().profile(end.profile), position: end.position };
}
