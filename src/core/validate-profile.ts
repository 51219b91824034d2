import { closestMatches } from "./edit-distance.js";
import {
  type BestPractice,
  type CareerPosition,
  type CareerStage,
  LANGUAGES,
  type Language,
  type Profile,
  type ResponsibilityArea,
  type ResponsibilityItem,
  type SkillEntry,
  type ToolEntry,
} from "./profile.js";
import { MAX_PROFILE_ID_LENGTH, PROFILE_ID_PATTERN } from "./profile-id.js";
import type { ConceptKind, VocabularyIndex } from "./vocabulary.js";

export interface FieldProblem {
  field: string;
  message: string;
}

type Fields = Record<string, unknown>;

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

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return "a string";
  return `${typeof value} ${String(value)}`.slice(0, 40);
}

function isFields(value: unknown): value is Fields {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Reads typed fields out of untrusted parsed YAML, collecting a problem per bad field. */
class FieldReader {
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
    if (id !== "" && !this.vocabulary.has(kind, id)) {
      const guesses = this.full ? [] : this.vocabulary.suggest(kind, id);
      const hint = guesses.length > 0 ? `; did you mean ${guesses.map((g) => `'${g}'`).join(", ")}?` : "";
      this.problem(join(path, key), `unknown ${what} '${clip(id)}'${hint}`);
    }
    return id;
  }
}

/** Untrusted names quoted in a problem are cut short, so one report line stays readable. */
function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

function quoteHint(value: unknown): string {
  return typeof value === "number" || typeof value === "boolean" ? " (quote it to make it text)" : "";
}

const PROFILE_KEYS = [
  "id",
  "title",
  "title_en",
  "lang",
  "level",
  "position",
  "aliases",
  "summary",
  "summary_en",
  "responsibilities",
  "skills",
  "tools",
  "career_path",
  "growth",
  "best_practices",
  "source",
] as const;

function readResponsibility(r: FieldReader, value: unknown, at: string): ResponsibilityArea {
  const fields = r.object(value, at) ?? {};
  r.onlyKnownKeys(fields, ["area", "text", "items"], at);
  const area: ResponsibilityArea = {
    area: r.string(fields, "area", at, true),
    items: r.list(fields, "items", at, false, (item, itemAt): ResponsibilityItem => {
      if (typeof item === "string") return { text: item };
      const itemFields = r.object(item, itemAt) ?? {};
      r.onlyKnownKeys(itemFields, ["label", "text"], itemAt);
      const result: ResponsibilityItem = { text: r.string(itemFields, "text", itemAt, true) };
      const label = r.string(itemFields, "label", itemAt);
      if (label !== undefined) result.label = label;
      return result;
    }),
  };
  const text = r.string(fields, "text", at);
  if (text !== undefined) area.text = text;
  return area;
}

function readSkill(r: FieldReader, value: unknown, at: string): SkillEntry {
  const fields = r.object(value, at) ?? {};
  r.onlyKnownKeys(fields, ["skill", "label", "group", "note"], at);
  const skill: SkillEntry = {
    skill: r.concept(fields, "skill", at, "skills", "skill"),
    label: r.string(fields, "label", at, true),
  };
  const group = r.string(fields, "group", at);
  if (group !== undefined) skill.group = group;
  const note = r.string(fields, "note", at);
  if (note !== undefined) skill.note = note;
  return skill;
}

function readTool(r: FieldReader, value: unknown, at: string): ToolEntry {
  const fields = r.object(value, at) ?? {};
  r.onlyKnownKeys(fields, ["tool", "name", "category", "heading", "note"], at);
  const tool: ToolEntry = {
    tool: r.concept(fields, "tool", at, "tools", "tool"),
    name: r.string(fields, "name", at, true),
    category: r.concept(fields, "category", at, "toolCategories", "tool category"),
    heading: r.string(fields, "heading", at, true),
  };
  const note = r.string(fields, "note", at);
  if (note !== undefined) tool.note = note;
  return tool;
}

function readStage(r: FieldReader, value: unknown, at: string): CareerStage {
  const fields = r.object(value, at) ?? {};
  r.onlyKnownKeys(fields, ["stage", "label", "inferred", "note", "positions"], at);
  const stage: CareerStage = {
    stage: r.concept(fields, "stage", at, "stages", "career stage"),
    positions: r.list(fields, "positions", at, true, (item, itemAt): CareerPosition => {
      const itemFields = r.object(item, itemAt) ?? {};
      r.onlyKnownKeys(itemFields, ["position", "label", "note"], itemAt);
      const position: CareerPosition = {
        position: r.concept(itemFields, "position", itemAt, "positions", "position"),
        label: r.string(itemFields, "label", itemAt, true),
      };
      const note = r.string(itemFields, "note", itemAt);
      if (note !== undefined) position.note = note;
      return position;
    }),
  };
  const label = r.string(fields, "label", at);
  if (label !== undefined) stage.label = label;
  const inferred = r.boolean(fields, "inferred", at);
  if (inferred !== undefined) stage.inferred = inferred;
  const note = r.string(fields, "note", at);
  if (note !== undefined) stage.note = note;
  if (label === undefined && inferred !== true) {
    r.problem(join(at, "label"), "a stage needs the label its source gives it, or 'inferred: true'");
  }
  return stage;
}

function readPractice(r: FieldReader, value: unknown, at: string): BestPractice {
  const fields = r.object(value, at) ?? {};
  r.onlyKnownKeys(fields, ["title", "text", "items"], at);
  const practice: BestPractice = { title: r.string(fields, "title", at, true) };
  const text = r.string(fields, "text", at);
  if (text !== undefined) practice.text = text;
  if (fields.items !== undefined) practice.items = r.stringList(fields, "items", at);
  return practice;
}

/** Stages climb the ladder once each, and the role itself stands somewhere on its own path. */
function checkCareerPath(r: FieldReader, profile: Profile, vocabulary: VocabularyIndex): void {
  let previous = -1;
  profile.career_path.forEach((stage, index) => {
    const rank = vocabulary.stageRank(stage.stage);
    if (rank === -1) return;
    if (rank <= previous) {
      r.problem(
        `career_path[${index}].stage`,
        `stage '${stage.stage}' is out of ladder order or repeated; list stages from the lowest up, each once`,
      );
    }
    previous = Math.max(previous, rank);
  });
  const onPath = profile.career_path.some((stage) =>
    stage.positions.some((p) => p.position === profile.position),
  );
  if (profile.position !== "" && profile.career_path.length > 0 && !onPath) {
    r.problem("position", `'${clip(profile.position)}' does not appear on the role's own career_path`);
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Validates parsed front-matter against the profile format (docs/profile-format.md) and the
 * vocabulary. Returns the profile only when there is no problem at all.
 */
export function validateProfile(
  data: unknown,
  body: string,
  vocabulary: VocabularyIndex,
): { profile?: Profile; problems: FieldProblem[] } {
  const r = new FieldReader(vocabulary);
  if (!isFields(data)) {
    r.problem("front-matter", `expected a YAML mapping of fields, got ${describe(data)}`);
    return { problems: r.report() };
  }
  r.onlyKnownKeys(data, PROFILE_KEYS, "");

  const id = r.string(data, "id", "", true);
  if (id !== "" && (id.length > MAX_PROFILE_ID_LENGTH || !PROFILE_ID_PATTERN.test(id))) {
    r.problem(
      "id",
      `'${id.slice(0, MAX_PROFILE_ID_LENGTH)}' is not a kebab-case id (lower-case letters, digits and single hyphens, starting with a letter, at most ${MAX_PROFILE_ID_LENGTH} characters)`,
    );
  }
  const lang = r.string(data, "lang", "", true);
  if (lang !== "" && !(LANGUAGES as readonly string[]).includes(lang)) {
    r.problem("lang", `'${clip(lang)}' is not a supported language; use one of ${LANGUAGES.join(", ")}`);
  }
  const sourceFields = data.source === undefined ? {} : (r.object(data.source, "source") ?? {});
  r.onlyKnownKeys(sourceFields, ["file", "publisher", "date", "url"], "source");
  const source: Profile["source"] = {};
  for (const key of ["file", "publisher", "date", "url"] as const) {
    const value = r.string(sourceFields, key, "source");
    if (value !== undefined) source[key] = value;
  }
  if (source.date !== undefined && !ISO_DATE.test(source.date)) {
    r.problem("source.date", `'${clip(source.date)}' is not a date written as yyyy-mm-dd`);
  }

  const profile: Profile = {
    id,
    title: r.string(data, "title", "", true),
    title_en: r.string(data, "title_en", "", true),
    lang: lang as Language,
    level: r.concept(data, "level", "", "levels", "level"),
    position: r.concept(data, "position", "", "positions", "position"),
    aliases: r.stringList(data, "aliases", ""),
    summary: r.string(data, "summary", "", true),
    summary_en: r.string(data, "summary_en", "", true),
    responsibilities: r.list(data, "responsibilities", "", true, (v, at) => readResponsibility(r, v, at)),
    skills: r.list(data, "skills", "", true, (v, at) => readSkill(r, v, at)),
    tools: r.list(data, "tools", "", true, (v, at) => readTool(r, v, at)),
    career_path: r.list(data, "career_path", "", true, (v, at) => readStage(r, v, at)),
    best_practices: r.list(data, "best_practices", "", true, (v, at) => readPractice(r, v, at)),
    source,
    body: body.trim(),
  };
  checkCareerPath(r, profile, vocabulary);
  const growth = r.string(data, "growth", "");
  if (growth !== undefined) profile.growth = growth;
  return r.problems.length > 0 ? { problems: r.report() } : { profile, problems: [] };
}
