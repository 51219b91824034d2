import { basename } from "node:path";
import type { Problem } from "./problem.js";
import type { Located } from "./profile.js";

/**
 * Applies the folder rules to per-file results in load order (built-in folder first, then each
 * added folder): within one folder an id may appear once; a later folder's profile overrides an
 * earlier one with the same id.
 */
export function resolveOverrides<T extends Located<{ id: string }>>(
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
