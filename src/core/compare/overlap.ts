import type { OverlapSummary, PairSimilarity, Similarity } from "./types.js";

/** Jaccard similarity |A ∩ B ∩ …| / |A ∪ B ∪ …|, with the score rounded to 4 decimals. */
export function jaccard(sets: ReadonlySet<string>[]): Similarity {
  const union = new Set(sets.flatMap((set) => [...set]));
  const intersection = [...union].filter((id) => sets.every((set) => set.has(id))).length;
  return {
    intersection,
    union: union.size,
    score: union.size === 0 ? null : Math.round((intersection / union.size) * 10_000) / 10_000,
  };
}

/**
 * Shared and distinct ids and the similarity of the roles' id sets. `order` is the row order
 * of the comparison, so the lists read in the same order as the table.
 */
export function summarizeOverlap(
  sets: { role: string; ids: ReadonlySet<string> }[],
  order: string[],
): OverlapSummary {
  const ordered = (keep: (id: string) => boolean) => order.filter(keep);
  const pairs: PairSimilarity[] = [];
  sets.forEach((a, i) => {
    for (const b of sets.slice(i + 1)) pairs.push({ roles: [a.role, b.role], ...jaccard([a.ids, b.ids]) });
  });
  return {
    shared: ordered((id) => sets.every((set) => set.ids.has(id))),
    per_role: sets.map((set) => ({
      role: set.role,
      total: set.ids.size,
      distinct: ordered(
        (id) => set.ids.has(id) && sets.every((other) => other === set || !other.ids.has(id)),
      ),
    })),
    similarity: { measure: "jaccard", overall: jaccard(sets.map((set) => set.ids)), pairs },
  };
}
