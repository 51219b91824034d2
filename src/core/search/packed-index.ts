import { lineBytes } from "./running-texts.js";
import {
  type ConceptEntry,
  HIT_KINDS,
  type IndexedRole,
  MATCH_FIELDS,
  NAME_SOURCES,
  type SearchIndex,
} from "./search-index.js";

/**
 * A search index as a file can hold it, so that a warm search reads it instead of building it again
 * from every role's head (which folds every name and text: most of a search over 10,000 roles):
 * a JSON head and blobs of bytes (the running texts as UTF-8, each integer column as the narrowest
 * array that holds it, in this machine's byte order: the cache is local), which are never turned
 * into JavaScript objects. Kinds, sources and fields are positions in their lists; concepts and
 * roles, positions in the index's.
 */
export interface PackedIndex {
  /** Lines of JSON [id, title, English title, language], one per role. */
  roles: Lines;
  /** [role, tool, category]: see SearchIndex.ownCategories. */
  ownCategories: [number, string, string][];
  /** Columns of each concept's kind, role count and number of labels; the ids a line each; each
   * concept's labels a line of JSON; [concept, categories] for the tools. */
  concepts: {
    count: number;
    kinds: Blob;
    roleCounts: Blob;
    labelCounts: Blob;
    ids: Blob;
    labels: Lines;
    categories: [number, string[]][];
  };
  /** The keys, a line each, and for each a line of JSON: its names as [concept, text, source, field, word?]. */
  keys: { keys: Blob; names: Lines };
  /** RunningTexts: its columns and texts as blobs. */
  texts: Record<"concepts" | "fields" | "forms" | "formStarts", Blob> & { count: number; texts: Lines };
  /** [compact name, category, text]. */
  categoryNames: [string, string, string][];
  toolsByCategory: [string, string[]][];
  uses: { count: number; role: Blob; concept: Blob; label: Blob };
}

/**
 * The blobs of a packed index as read back: each whole, or a range of one, read from the file only
 * when asked for (a search reads a few of the roles and texts, not all of them).
 */
export interface Blobs {
  count: number;
  size(at: number): number;
  read(at: number, start?: number, end?: number): Uint8Array;
}

/** Blobs already in memory. */
export function blobsOf(arrays: Uint8Array[]): Blobs {
  return {
    count: arrays.length,
    size: (at) => arrays[at]?.length ?? 0,
    read: (at, start, end) => (arrays[at] as Uint8Array).subarray(start, end),
  };
}

/** A blob: [its number among the blobs, the width of its integers (1 for bytes)]. */
export type Blob = [number, number];

/** UTF-8 lines (each ending in a line break) and the column of where each starts. */
export interface Lines {
  count: number;
  text: Blob;
  starts: Blob;
}

export const FORMAT = 1;

export const ARRAYS = { 1: Uint8Array, 2: Uint16Array, 4: Int32Array } as const;

/** Adds the first `count` values (non-negative) as the narrowest array that holds them. */
function column(blobs: Uint8Array[], values: Int32Array, count: number): Blob {
  let max = 0;
  for (let u = 0; u < count; u++) max = Math.max(max, values[u] as number);
  const width = max < 2 ** 8 ? 1 : max < 2 ** 16 ? 2 : 4;
  const narrow = ARRAYS[width].from(values.subarray(0, count));
  blobs.push(new Uint8Array(narrow.buffer, narrow.byteOffset, narrow.byteLength));
  return [blobs.length - 1, width];
}

function bytes(blobs: Uint8Array[], data: Uint8Array): Blob {
  blobs.push(data);
  return [blobs.length - 1, 1];
}

function lines(blobs: Uint8Array[], items: string[]): Lines {
  const { bytes: text, starts } = lineBytes(items);
  return { count: items.length, text: bytes(blobs, text), starts: column(blobs, starts, items.length + 1) };
}

/** How many uses each role has; the uses are in role order (checked). */
function usesPerRole(uses: SearchIndex["uses"], roles: number): Int32Array {
  const counts = new Int32Array(roles);
  for (let u = 0; u < uses.count; u++) {
    const role = uses.role[u] as number;
    if (u > 0 && role < (uses.role[u - 1] as number)) throw new Error("uses out of role order");
    counts[role] = (counts[role] as number) + 1;
  }
  return counts;
}

export function packIndex(index: SearchIndex): {
  head: PackedIndex & { format: number };
  blobs: Uint8Array[];
} {
  const { uses, texts } = index;
  const blobs: Uint8Array[] = [];
  const head: PackedIndex & { format: number } = {
    format: FORMAT,
    roles: lines(
      blobs,
      Array.from({ length: index.roles.length }, (_, r) => {
        const role = index.roles.at(r) as IndexedRole;
        return JSON.stringify([role.id, role.title, role.title_en, role.lang]);
      }),
    ),
    ownCategories: [...index.ownCategories].map(([key, category]) => {
      const [role, tool] = key.split("\u0000");
      return [Number(role), tool ?? "", category];
    }),
    concepts: {
      count: index.concepts.length,
      kinds: column(
        blobs,
        Int32Array.from(index.concepts, (e) => HIT_KINDS.indexOf(e.concept.kind)),
        index.concepts.length,
      ),
      roleCounts: column(
        blobs,
        Int32Array.from(index.concepts, (e) => e.roleCount),
        index.concepts.length,
      ),
      labelCounts: column(
        blobs,
        Int32Array.from(index.concepts, (e) => e.labels.length),
        index.concepts.length,
      ),
      ids: bytes(blobs, Buffer.from(index.concepts.map((entry) => `${entry.concept.id}\n`).join(""))),
      labels: lines(
        blobs,
        index.concepts.map((entry) => JSON.stringify(entry.labels)),
      ),
      categories: index.concepts.flatMap((entry) =>
        entry.categories.length > 0 ? [[entry.index, entry.categories]] : [],
      ),
    },
    keys: {
      keys: bytes(blobs, Buffer.from(index.keys.map(({ key }) => `${key}\n`).join(""))),
      names: lines(
        blobs,
        index.keys.map(({ names }) =>
          JSON.stringify(
            names.map((name) => {
              const packed: [number, string, number, number, string?] = [
                (index.entries[name.concept.kind].get(name.concept.id) as ConceptEntry).index,
                name.text,
                NAME_SOURCES.indexOf(name.source),
                MATCH_FIELDS.indexOf(name.field),
              ];
              if (name.word !== undefined) packed.push(name.word);
              return packed;
            }),
          ),
        ),
      ),
    },
    texts: {
      count: texts.count,
      concepts: column(blobs, texts.concepts, texts.count),
      fields: column(blobs, texts.fields, texts.count),
      texts: lines(
        blobs,
        Array.from({ length: texts.count }, (_, i) => texts.text(i)),
      ),
      forms: bytes(blobs, texts.forms),
      formStarts: column(blobs, texts.formStarts, texts.count + 1),
    },
    categoryNames: [...index.categoryNames].map(([compact, { category, text }]) => [compact, category, text]),
    toolsByCategory: [...index.toolsByCategory].map(([category, tools]) => [category, [...tools]]),
    uses: {
      count: uses.count,
      role: column(blobs, usesPerRole(uses, index.roles.length), index.roles.length),
      concept: column(blobs, uses.concept, uses.count),
      label: column(blobs, uses.label, uses.count),
    },
  };
  return { head, blobs };
}
