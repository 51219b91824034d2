import { closestMatches } from "./edit-distance.js";
import type { ConceptKind, VocabularyIndex } from "./vocabulary.js";

export interface FieldProblem {
  field: string;
  message: string;
}

export type Fields = Record<string, unknown>;

/**
 * Bounds that keep one hostile or broken file cheap for everything downstream (tables, search,
 * comparison) and keep reports readable. Real profiles stay far below them.
 */
export const LIMITS = {
  /** Characters in a name, title, label or heading. */
  name: 300,
  /** Characters in a prose field (summary, text, note, growth, list items). */
  prose: 5000,
  /** Problems reported per file; the rest are counted. */
  problems: 50,
  /** Entries in each list field. */
  lists: {
    aliases: 50,
    responsibilities: 100,
    items: 100,
    skills: 300,
    tools: 300,
    career_path: 20,
    positions: 50,
    best_practices: 100,
  } as Record<string, number>,
} as const;

const PROSE_FIELDS = new Set(["summary", "summary_en", "text", "note", "growth", "items"]);

/** No string this long or shorter is over any limit. */
const SHORTEST_LIMIT = Math.min(LIMITS.name, LIMITS.prose);

/** Same as `text.trim() === ""`, without trimming text that visibly starts with a character. */
function isBlank(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return false; // printable ASCII, never white space
  return text.trim() === "";
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return "a string";
  return `${typeof value} ${String(value)}`.slice(0, 40);
}

export function isFields(value: unknown): value is Fields {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Reads typed fields out of untrusted parsed YAML, collecting a problem per bad field. */
export class FieldReader {
  readonly problems: FieldProblem[] = [];
  private dropped = 0;

  constructor(private readonly vocabulary: VocabularyIndex) {}

  problem(field: string, message: string): void {
    if (this.problems.length < LIMITS.problems) this.problems.push({ field, message });
    else this.dropped += 1;
  }

  /** The problems, with a last line counting those beyond LIMITS.problems. */
  report(): FieldProblem[] {
    if (this.dropped === 0) return this.problems;
    return [...this.problems, { field: "file", message: `${this.dropped} more problems not listed` }];
  }

  /** Reports a string of field `key` over its limit; `field` names it, built only then. */
  private checkLength(key: string, value: string, field: () => string): void {
    if (value.length <= SHORTEST_LIMIT) return; // most strings: no limit to look up
    const limit = PROSE_FIELDS.has(key) ? LIMITS.prose : LIMITS.name;
    if (value.length > limit) this.problem(field(), `is ${value.length} characters long; at most ${limit}`);
  }

  /** True once LIMITS.problems are listed: further problems are only counted, so skip the hints. */
  private get full(): boolean {
    return this.problems.length >= LIMITS.problems;
  }

  /** Reports keys not in `known`; typos such as `skils` are caught here. */
  onlyKnownKeys(object: Fields, known: readonly string[], path: string): void {
    for (const key of Object.keys(object)) {
      if (known.includes(key)) continue;
      const guess = this.full ? undefined : closestMatches(key.toLowerCase(), known, 1)[0];
      this.problem(join(path, clip(key)), `unknown field${guess ? `; did you mean '${guess}'?` : ""}`);
    }
  }

  object(value: unknown, path: string): Fields | undefined {
    if (isFields(value)) return value;
    this.problem(path, `expected a mapping, got ${describe(value)}`);
    return undefined;
  }

  string(object: Fields, key: string, path: string, required: true): string;
  string(object: Fields, key: string, path: string, required?: false): string | undefined;
  string(object: Fields, key: string, path: string, required = false): string | undefined {
    const value = object[key];
    if (value === undefined || value === null) {
      if (required) this.problem(join(path, key), "required field is missing");
      return required ? "" : undefined;
    }
    if (typeof value !== "string") {
      this.problem(join(path, key), `expected a string, got ${describe(value)}${quoteHint(value)}`);
      return required ? "" : undefined;
    }
    if (required && isBlank(value)) this.problem(join(path, key), "must not be empty");
    this.checkLength(key, value, () => join(path, key));
    return value;
  }

  boolean(object: Fields, key: string, path: string): boolean | undefined {
    const value = object[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "boolean") {
      this.problem(join(path, key), `expected true or false, got ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  list<T>(
    object: Fields,
    key: string,
    path: string,
    required: boolean,
    each: (item: unknown, at: string) => T,
  ) {
    const value = object[key];
    const field = join(path, key);
    if (value === undefined || value === null) {
      if (required) this.problem(field, "required field is missing");
      return [];
    }
    if (!Array.isArray(value)) {
      this.problem(field, `expected a list, got ${describe(value)}`);
      return [];
    }
    const limit = LIMITS.lists[key] ?? 100;
    if (value.length > limit) {
      this.problem(field, `has ${value.length} entries; at most ${limit}`);
      return [];
    }
    return value.map((item, index) => each(item, `${field}[${index}]`));
  }

  stringList(object: Fields, key: string, path: string): string[] {
    return this.list(object, key, path, false, (item, at) => {
      if (typeof item === "string") {
        this.checkLength(key, item, () => at);
        return item;
      }
      this.problem(at, `expected a string, got ${describe(item)}${quoteHint(item)}`);
      return "";
    }).filter((s) => s !== "");
  }

  concept(object: Fields, key: string, path: string, kind: ConceptKind, what: string): string {
    const id = this.string(object, key, path, true);
    this.checkConcept(id, join(path, key), kind, what);
    return id;
  }

  /** A list of concept ids of one kind (`skills: [team-management, leadership]`). */
  conceptList(object: Fields, key: string, path: string, kind: ConceptKind, what: string): string[] {
    return this.list(object, key, path, false, (item, at) => {
      if (typeof item !== "string") {
        this.problem(at, `expected a ${what} id, got ${describe(item)}`);
        return "";
      }
      this.checkConcept(item, at, kind, what);
      return item;
    });
  }

  private checkConcept(id: string, field: string, kind: ConceptKind, what: string): void {
    if (id === "" || this.vocabulary.has(kind, id)) return;
    const guesses = this.full ? [] : this.vocabulary.suggest(kind, id);
    const hint = guesses.length > 0 ? `; did you mean ${guesses.map((g) => `'${g}'`).join(", ")}?` : "";
    this.problem(field, `unknown ${what} '${clip(id)}'${hint}`);
  }
}

/** Untrusted names quoted in a problem are cut short, so one report line stays readable. */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

function quoteHint(value: unknown): string {
  return typeof value === "number" || typeof value === "boolean" ? " (quote it to make it text)" : "";
}
