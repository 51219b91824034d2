import { RepeatedRoleError, RoleCountError } from "../domain-errors.js";
import { findRole } from "../find-role.js";
import type { Located, RoleIdentity } from "../profile.js";
import type { VocabularyIndex } from "../vocabulary.js";

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 6;

/** Checks how many roles were given, before anything is loaded. */
export function checkRoleCount(queries: string[]): void {
  if (queries.length < MIN_COMPARED || queries.length > MAX_COMPARED) {
    throw new RoleCountError(queries.length, MIN_COMPARED, MAX_COMPARED);
  }
}

/** Finds each role as `show` does; a role named twice (by any of its names) is a RepeatedRoleError. */
export function resolveRoles<T extends Located<RoleIdentity>>(
  queries: string[],
  profiles: T[],
  vocabulary: VocabularyIndex,
): T[] {
  checkRoleCount(queries);
  const found = queries.map((query) => findRole(query, profiles, vocabulary));
  found.forEach((loaded, index) => {
    const earlier = found.findIndex((other) => other.profile.id === loaded.profile.id);
    if (earlier === index) return;
    throw new RepeatedRoleError(
      (queries[earlier] ?? "").trim(),
      (queries[index] ?? "").trim(),
      loaded.profile.id,
    );
  });
  return found;
}
