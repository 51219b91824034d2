import { UsageError } from "../../errors.js";
import { message } from "../../messages/translate.js";
import { findRole } from "../find-role.js";
import type { Located, RoleIdentity } from "../profile.js";
import type { VocabularyIndex } from "../vocabulary.js";

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 6;

const EXAMPLE = "csroles compare customer-service-team-lead customer-support-manager";

/** Checks how many roles were given, before anything is loaded. */
export function checkRoleCount(queries: string[]): void {
  if (queries.length < MIN_COMPARED) {
    throw new UsageError(
      message(queries.length === 0 ? "error.compareNone" : "error.compareOne", { min: MIN_COMPARED }),
      message("error.compareTooFewHint", { min: MIN_COMPARED, max: MAX_COMPARED, example: EXAMPLE }),
    );
  }
  if (queries.length > MAX_COMPARED) {
    throw new UsageError(
      message("error.compareTooMany", { max: MAX_COMPARED, count: queries.length }),
      message("error.compareTooManyHint"),
    );
  }
}

/** Finds each role as `show` does; a role named twice (by any of its names) is a usage error. */
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
    const first = JSON.stringify((queries[earlier] ?? "").trim());
    const again = JSON.stringify((queries[index] ?? "").trim());
    throw new UsageError(
      first === again
        ? message("error.compareTwice", { name: first })
        : message("error.compareSameRole", { first, again, id: loaded.profile.id }),
      message("error.compareSameRoleHint"),
    );
  });
  return found;
}
