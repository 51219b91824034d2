import { LANGUAGES } from "../profile.js";
import { ARRAYS, type Blob, type Blobs, FORMAT, type Lines, type PackedIndex } from "./packed-index.js";
import { type RunningTexts, TEXT_FIELDS } from "./running-texts.js";
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
  type SearchIndex,
} from "./search-index.js";

// Reading back an index written by packIndex (packed-index.ts): everything a search needs at once
// is checked here; the parts read on need are checked when read.

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
