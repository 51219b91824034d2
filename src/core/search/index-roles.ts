import type { ConceptEntry, ConceptRef, IndexedRole, RoleUse, SearchIndex, Uses } from "./search-index.js";

// Looking up which roles have a concept, in a built (or unpacked) search index.

/** The concept's entry, or undefined when no role has it. */
export function entryOf(index: SearchIndex, concept: ConceptRef): ConceptEntry | undefined {
  return index.entries[concept.kind].get(concept.id);
}

/** How many roles have the concept. */
export function roleCount(index: SearchIndex, concept: ConceptRef): number {
  return entryOf(index, concept)?.roleCount ?? 0;
}

function grouped(index: SearchIndex): NonNullable<Uses["grouped"]> {
  const { uses } = index;
  if (uses.grouped) return uses.grouped;
  // A counting sort of the uses by concept, stable, so each concept's uses stay in profile order.
  const start = new Int32Array(index.concepts.length + 1);
  for (let u = 0; u < uses.count; u++) {
    const c = (uses.concept[u] as number) + 1;
    start[c] = (start[c] as number) + 1;
  }
  for (let c = 0; c < index.concepts.length; c++)
    start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const next = start.slice(0, -1);
  const byConcept = new Int32Array(uses.count);
  for (let u = 0; u < uses.count; u++) {
    const c = uses.concept[u] as number;
    byConcept[next[c] as number] = u;
    next[c] = (next[c] as number) + 1;
  }
  uses.grouped = { start, byConcept };
  return uses.grouped;
}

/**
 * The category a role's profile lists a tool under: the one every profile gives it, or, when
 * profiles differ, this profile's own (its first entry for the tool).
 */
function categoryIn(index: SearchIndex, entry: ConceptEntry, role: number): string {
  const only = entry.categories.length === 1 ? entry.categories[0] : undefined;
  return only ?? index.ownCategories.get(`${role}\u0000${entry.concept.id}`) ?? "";
}

/** Concepts resolved by scanning the use columns before they are grouped by concept once. */
const SCANS_BEFORE_GROUPING = 8;

/**
 * The roles that have the concept, in profile order, each with the labels its profile writes
 * (at most `limit` roles); undefined when no role has it.
 */
export function rolesOf(
  index: SearchIndex,
  concept: ConceptRef,
  limit = Number.POSITIVE_INFINITY,
): RoleUse[] | undefined {
  const entry = entryOf(index, concept);
  if (!entry) return undefined;
  const { uses } = index;
  const result: RoleUse[] = [];
  let last: RoleUse | undefined;
  // False when the role limit is reached.
  const add = (u: number): boolean => {
    const role = uses.role[u] as number;
    const profile = index.roles.at(role) as IndexedRole;
    const label = entry.labels[uses.label[u] as number] ?? "";
    // A profile that lists the concept twice: one role, both labels.
    if (last?.id === profile.id) {
      if (!last.labels.includes(label)) last.labels.push(label);
      return true;
    }
    if (result.length >= limit) return false;
    last = {
      id: profile.id,
      title: profile.title,
      title_en: profile.title_en,
      lang: profile.lang,
      labels: [label],
      ...(concept.kind === "tool" ? { category: categoryIn(index, entry, role) } : {}),
    };
    result.push(last);
    return true;
  };
  if (!uses.grouped && uses.scans < SCANS_BEFORE_GROUPING) {
    // A few concepts (the usual --limit, or a table's first roles): one pass over one column each.
    uses.scans++;
    const column = uses.concept;
    for (let u = 0; u < uses.count; u++) if (column[u] === entry.index && !add(u)) break;
    return result;
  }
  const { start, byConcept } = grouped(index);
  for (let i = start[entry.index] as number; i < (start[entry.index + 1] as number); i++) {
    if (!add(byConcept[i] as number)) break;
  }
  return result;
}
