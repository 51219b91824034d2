import { LANGUAGES } from "../profile.js";
import {
  type ConceptEntry,
  type ConceptName,
  type ConceptRef,
  HIT_KINDS,
  type HitKind,
  type IndexedRole,
  type IndexKey,
  MATCH_FIELDS,
  NAME_SOURCES,
  type RunningTexts,
  type SearchIndex,
  TEXT_FIELDS,
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
type Blob = [number, number];

/** UTF-8 lines (each ending in a line break) and the column of where each starts. */
interface Lines {
  count: number;
  text: Blob;
  starts: Blob;
}

const FORMAT = 1;

const ARRAYS = { 1: Uint8Array, 2: Uint16Array, 4: Int32Array } as const;

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
  const parts = items.map((item) => Buffer.from(`${item}\n`));
  const starts = new Int32Array(parts.length + 1);
  parts.forEach((part, i) => {
    starts[i + 1] = (starts[i] as number) + part.length;
  });
  return {
    count: items.length,
    text: bytes(blobs, Buffer.concat(parts)),
    starts: column(blobs, starts, parts.length + 1),
  };
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

/**
 * Thrown by an unpacked index when a part read only on need (a role, a key's names) is out of
 * shape: the caller builds the index again (a damaged cache never changes an answer).
 */
export class DamagedIndexError extends Error {}

/** Thrown inside unpackIndex for anything out of shape; never leaves it. */
class Malformed extends Error {}

function check(condition: unknown): asserts condition {
  if (!condition) throw new Malformed();
}

const isString = (value: unknown): value is string => typeof value === "string";
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isIndex = (value: unknown, length: number): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) < length;

/** The blob's bytes, when it is one of bytes. */
function readBytes(blobs: Blobs, blob: Blob): Uint8Array {
  return blobs.read(bytesAt(blobs, blob));
}

/** The blob's number, when it is one of bytes. */
function bytesAt(blobs: Blobs, blob: Blob): number {
  const [at, width] = blob;
  check(isIndex(at, blobs.count) && width === 1);
  return at;
}

/** A concept entry whose labels are decoded when first asked for. */
class PackedEntry implements ConceptEntry {
  private read: string[] | undefined;

  constructor(
    readonly concept: ConceptRef,
    readonly index: number,
    readonly roleCount: number,
    readonly categories: string[],
    private readonly readAll: () => string[],
  ) {}

  get labels(): string[] {
    this.read ??= this.readAll();
    return this.read;
  }
}

function readLabels(line: string | undefined, count: number, at: number): string[] {
  let labels: unknown;
  try {
    labels = JSON.parse(line ?? "");
  } catch {
    throw new DamagedIndexError(`the labels of concept ${at} are not JSON`);
  }
  if (!isStrings(labels) || labels.length !== count)
    throw new DamagedIndexError(`the labels of concept ${at} are out of shape`);
  return labels;
}

/** An index key whose names are decoded when asked for. */
class PackedKey implements IndexKey {
  constructor(
    readonly key: string,
    private readonly at: number,
    private readonly namesOf: (k: number) => ConceptName[],
  ) {}

  get names(): ConceptName[] {
    try {
      return this.namesOf(this.at);
    } catch {
      throw new DamagedIndexError(`the names of key ${this.at} are out of shape`);
    }
  }
}

/** Lines written by lines(): line i is read (from the file) when asked for. */
function readLines(blobs: Blobs, packed: Lines): { count: number; line(i: number): string | undefined } {
  check(isIndex(packed.count, 2 ** 28));
  const at = bytesAt(blobs, packed.text);
  const size = blobs.size(at);
  const starts = readColumn(blobs, packed.starts, packed.count + 1, size + 1);
  check(starts[0] === 0 && starts[packed.count] === size);
  for (let i = 0; i < packed.count; i++) check((starts[i] as number) < (starts[i + 1] as number));
  return {
    count: packed.count,
    line: (i) =>
      i >= 0 && i < packed.count
        ? asBuffer(blobs.read(at, starts[i], (starts[i + 1] as number) - 1)).toString("utf8")
        : undefined,
  };
}

/** The same bytes as a Buffer, not copied. */
const asBuffer = (data: Uint8Array): Buffer => Buffer.from(data.buffer, data.byteOffset, data.length);

/** A column written by column(): `count` values, each at least 0 and below `limit`. */
function readColumn(blobs: Blobs, blob: Blob, count: number, limit: number): Int32Array {
  const [at, width] = blob;
  check(isIndex(at, blobs.count) && (width === 1 || width === 2 || width === 4));
  const data = blobs.read(at);
  check(data.length === count * width);
  // Copied to a buffer of its own, aligned for the array.
  const narrow = new ARRAYS[width](new Uint8Array(data).buffer);
  const values = new Int32Array(narrow);
  let max = -1;
  for (let u = 0; u < count; u++) max = Math.max(max, values[u] as number);
  check(max < limit);
  return values;
}

/**
 * The index packed by packIndex, when `data` has its shape and every reference is in range;
 * undefined otherwise (a damaged or foreign file), never an error.
 */
export function unpackIndex(data: unknown, blobs: Blobs): SearchIndex | undefined {
  try {
    return unpack(data as PackedIndex & { format: number }, blobs);
  } catch {
    // Malformed, or a shape so far off that reading it threw (a TypeError, a RangeError).
    return undefined;
  }
}

function unpack(data: PackedIndex & { format: number }, blobs: Blobs): SearchIndex {
  check(data.format === FORMAT);
  const roleLines = readLines(blobs, data.roles);
  // A role is read when a search reports it (out of shape: DamagedIndexError).
  const roles = {
    length: roleLines.count,
    at(r: number): IndexedRole | undefined {
      const line = roleLines.line(r);
      if (line === undefined) return undefined;
      let fields: unknown;
      try {
        fields = JSON.parse(line);
      } catch {
        throw new DamagedIndexError(`role ${r} is not JSON`);
      }
      const [id, title, title_en, lang] = Array.isArray(fields) ? fields : [];
      if (![id, title, title_en].every(isString) || !(LANGUAGES as readonly unknown[]).includes(lang))
        throw new DamagedIndexError(`role ${r} is out of shape`);
      return { id, title, title_en, lang } as IndexedRole;
    },
  };
  const entries = Object.fromEntries(HIT_KINDS.map((kind) => [kind, new Map()])) as SearchIndex["entries"];
  const packedConcepts = data.concepts;
  const conceptCount = packedConcepts.count;
  check(isIndex(conceptCount, 2 ** 28));
  const ids = asBuffer(readBytes(blobs, packedConcepts.ids)).toString("utf8").split("\n");
  check(ids.pop() === "" && ids.length === conceptCount);
  const kinds = readColumn(blobs, packedConcepts.kinds, conceptCount, HIT_KINDS.length);
  const roleCounts = readColumn(blobs, packedConcepts.roleCounts, conceptCount, roles.length + 1);
  const labelCounts = readColumn(blobs, packedConcepts.labelCounts, conceptCount, 2 ** 31 - 1);
  const labelLines = readLines(blobs, packedConcepts.labels);
  check(labelLines.count === conceptCount);
  const categories = new Map<number, string[]>();
  for (const [at, list] of packedConcepts.categories) {
    check(isIndex(at, conceptCount) && isStrings(list));
    categories.set(at, list);
  }
  const concepts = ids.map((id, index): ConceptEntry => {
    const concept: ConceptRef = { kind: HIT_KINDS[kinds[index] as number] as HitKind, id };
    const entry = new PackedEntry(
      concept,
      index,
      roleCounts[index] as number,
      categories.get(index) ?? [],
      () => readLabels(labelLines.line(index), labelCounts[index] as number, index),
    );
    entries[concept.kind].set(id, entry);
    return entry;
  });
  const conceptAt = (at: unknown): ConceptRef => {
    check(isIndex(at, concepts.length));
    return (concepts[at] as ConceptEntry).concept;
  };
  const keyTexts = asBuffer(readBytes(blobs, data.keys.keys)).toString("utf8").split("\n");
  const nameLines = readLines(blobs, data.keys.names);
  check(keyTexts.pop() === "" && keyTexts.length === nameLines.count);
  const namesOf = (k: number): ConceptName[] =>
    (JSON.parse(nameLines.line(k) ?? "[]") as unknown[][]).map(([concept, text, source, field, word]) => {
      check(isString(text) && isIndex(source, NAME_SOURCES.length) && isIndex(field, MATCH_FIELDS.length));
      check(word === undefined || isString(word));
      const name: ConceptName = {
        concept: conceptAt(concept),
        text,
        source: NAME_SOURCES[source] as ConceptName["source"],
        field: MATCH_FIELDS[field] as ConceptName["field"],
      };
      if (word !== undefined) name.word = word;
      return name;
    });
  // A key's names are read when a term matches the key (out of shape: DamagedIndexError).
  const keys = keyTexts.map((key, k): IndexKey => new PackedKey(key, k, namesOf));
  const packed = data.texts;
  check(isIndex(packed.count, 2 ** 28));
  const forms = asBuffer(readBytes(blobs, packed.forms));
  const textLines = readLines(blobs, packed.texts);
  check(textLines.count === packed.count);
  const texts: RunningTexts = {
    count: packed.count,
    concepts: readColumn(blobs, packed.concepts, packed.count, concepts.length),
    fields: readColumn(blobs, packed.fields, packed.count, TEXT_FIELDS.length),
    text: (i) => {
      try {
        return textLines.line(i) ?? "";
      } catch {
        throw new DamagedIndexError(`text ${i} cannot be read`);
      }
    },
    forms,
    formStarts: readColumn(blobs, packed.formStarts, packed.count + 1, forms.length + 1),
  };
  const starts = texts.formStarts;
  check(starts[0] === 0 && starts[texts.count] === forms.length);
  for (let i = 0; i < texts.count; i++) check((starts[i] as number) < (starts[i + 1] as number));
  const { count } = data.uses;
  check(isIndex(count, 2 ** 28));
  // Uses are in role order: the role column is written as each role's number of uses.
  const perRole = readColumn(blobs, data.uses.role, roles.length, count + 1);
  const role = new Int32Array(count);
  let u = 0;
  perRole.forEach((uses, r) => {
    check(u + uses <= count);
    role.fill(r, u, u + uses);
    u += uses;
  });
  check(u === count);
  const conceptColumn = readColumn(blobs, data.uses.concept, count, concepts.length);
  const label = readColumn(blobs, data.uses.label, count, 2 ** 31 - 1);
  for (let v = 0; v < count; v++)
    check((label[v] as number) < (labelCounts[conceptColumn[v] as number] as number));
  const ownCategories = new Map<string, string>();
  for (const [at, tool, category] of data.ownCategories) {
    check(isIndex(at, roles.length) && isString(tool) && isString(category));
    ownCategories.set(`${at}\u0000${tool}`, category);
  }
  const categoryNames = new Map<string, { category: string; text: string }>();
  for (const [compact, category, text] of data.categoryNames) {
    check(isString(compact) && isString(category) && isString(text));
    categoryNames.set(compact, { category, text });
  }
  const toolsByCategory = new Map<string, Set<string>>();
  for (const [category, tools] of data.toolsByCategory) {
    check(isString(category) && isStrings(tools));
    toolsByCategory.set(category, new Set(tools));
  }
  return {
    keys,
    texts,
    categoryNames,
    toolsByCategory,
    roles,
    ownCategories,
    entries,
    concepts,
    uses: { count, scans: 0, role, concept: conceptColumn, label },
  };
}
