import type { SearchableRole } from "../profile.js";
import type {
  CategoryName,
  ConceptEntry,
  ConceptName,
  HitKind,
  IndexKey,
  NameSource,
  SearchIndex,
} from "./search-index.js";

/**
 * A search index as plain data, to be kept between runs: everything but the roles themselves,
 * which the index refers to by their position in the list it was built from. The (role × entry)
 * uses travel as one integer column (roles, then concepts, then labels); the rest as JSON.
 */
export interface SavedIndex {
  header: SavedHeader;
  columns: Int32Array;
}

/** [kind, id, labels, role count, categories] */
type SavedConcept = [HitKind, string, string[], number, string[]];
/** [concept index, text, source] */
type SavedName = [number, string, NameSource];

interface SavedHeader {
  concepts: SavedConcept[];
  keys: [string, SavedName[]][];
  categoryNames: [string, string, string][];
  toolsByCategory: [string, string[]][];
  uses: number;
}

export function saveIndex(index: SearchIndex): SavedIndex {
  const conceptIndex = new Map<string, number>();
  for (const entry of index.concepts)
    conceptIndex.set(`${entry.concept.kind}:${entry.concept.id}`, entry.index);
  const indexOf = (name: ConceptName) => conceptIndex.get(`${name.concept.kind}:${name.concept.id}`) ?? -1;
  const { uses } = index;
  const columns = new Int32Array(uses.count * 3);
  columns.set(uses.role.subarray(0, uses.count), 0);
  columns.set(uses.concept.subarray(0, uses.count), uses.count);
  columns.set(uses.label.subarray(0, uses.count), 2 * uses.count);
  return {
    header: {
      concepts: index.concepts.map((e) => [
        e.concept.kind,
        e.concept.id,
        e.labels,
        e.roleCount,
        e.categories,
      ]),
      keys: index.keys.map((k) => [k.key, k.names.map((n): SavedName => [indexOf(n), n.text, n.source])]),
      categoryNames: [...index.categoryNames].map(([compact, c]) => [compact, c.category, c.text]),
      toolsByCategory: [...index.toolsByCategory].map(([category, tools]) => [category, [...tools]]),
      uses: uses.count,
    },
    columns,
  };
}

const KINDS: readonly string[] = ["skill", "tool"];
const SOURCES: readonly string[] = ["label", "alias", "name", "profile"];

const isString = (value: unknown): value is string => typeof value === "string";
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isCount = (value: unknown, below = Number.MAX_SAFE_INTEGER): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) < below;

function isTuple(value: unknown, length: number): value is unknown[] {
  return Array.isArray(value) && value.length === length;
}

/**
 * The index saved by saveIndex, for `roles` (the same roles, in the same order, that it was built
 * from); undefined when anything in it does not fit, so that the caller builds the index anew.
 */
export function restoreIndex(
  saved: { header: unknown; columns: Int32Array },
  roles: SearchableRole[],
): SearchIndex | undefined {
  const header = saved.header as Partial<Record<keyof SavedHeader, unknown>> | null;
  if (typeof header !== "object" || header === null) return undefined;
  const {
    concepts: savedConcepts,
    keys: savedKeys,
    categoryNames: savedCategories,
    toolsByCategory: savedTools,
  } = header;
  if (!Array.isArray(savedConcepts) || !Array.isArray(savedKeys)) return undefined;
  if (!Array.isArray(savedCategories) || !Array.isArray(savedTools)) return undefined;
  const count = header.uses;
  if (!isCount(count) || saved.columns.length !== 3 * count) return undefined;

  const skills = new Map<string, ConceptEntry>();
  const tools = new Map<string, ConceptEntry>();
  const concepts: ConceptEntry[] = [];
  for (const value of savedConcepts) {
    if (!isTuple(value, 5)) return undefined;
    const [kind, id, labels, roleCount, categories] = value;
    if (!isString(kind) || !KINDS.includes(kind) || !isString(id) || !isStrings(labels)) return undefined;
    if (!isCount(roleCount, roles.length + 1) || !isStrings(categories)) return undefined;
    const map = kind === "skill" ? skills : tools;
    if (map.has(id)) return undefined;
    const entry: ConceptEntry = {
      concept: { kind: kind as HitKind, id },
      index: concepts.length,
      labels,
      labelIndex: new Map(labels.map((label, i) => [label, i])),
      roleCount,
      lastRole: -1,
      lastLabel: -1,
      categories,
    };
    concepts.push(entry);
    map.set(id, entry);
  }

  const keys: IndexKey[] = [];
  for (const value of savedKeys) {
    if (!isTuple(value, 2) || !isString(value[0]) || !Array.isArray(value[1])) return undefined;
    const names: ConceptName[] = [];
    for (const name of value[1] as unknown[]) {
      if (!isTuple(name, 3)) return undefined;
      const [at, text, source] = name;
      if (!isCount(at, concepts.length) || !isString(text) || !isString(source) || !SOURCES.includes(source))
        return undefined;
      names.push({ concept: (concepts[at] as ConceptEntry).concept, text, source: source as NameSource });
    }
    keys.push({ key: value[0], names });
  }

  const categoryNames = new Map<string, CategoryName>();
  for (const value of savedCategories) {
    if (!isTuple(value, 3) || !value.every(isString)) return undefined;
    const [compact, category, text] = value as string[];
    categoryNames.set(compact as string, { category: category as string, text: text as string });
  }
  const toolsByCategory = new Map<string, Set<string>>();
  for (const value of savedTools) {
    if (!isTuple(value, 2) || !isString(value[0]) || !isStrings(value[1])) return undefined;
    toolsByCategory.set(value[0], new Set(value[1]));
  }

  const role = saved.columns.subarray(0, count);
  const concept = saved.columns.subarray(count, 2 * count);
  const label = saved.columns.subarray(2 * count, 3 * count);
  for (let u = 0; u < count; u++) {
    const c = concept[u] as number;
    const r = role[u] as number;
    if (!(r >= 0 && r < roles.length && c >= 0 && c < concepts.length)) return undefined;
    const l = label[u] as number;
    if (!(l >= 0 && l < (concepts[c] as ConceptEntry).labels.length)) return undefined;
  }
  return {
    keys,
    categoryNames,
    toolsByCategory,
    sources: roles,
    skills,
    tools,
    concepts,
    uses: { count, scans: 0, role, concept, label },
  };
}
