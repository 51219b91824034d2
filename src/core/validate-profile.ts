import { clip, describe, type FieldProblem, FieldReader, isFields, join } from "./field-reader.js";
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
import type { VocabularyIndex } from "./vocabulary.js";

export { type FieldProblem, LIMITS } from "./field-reader.js";

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
  r.onlyKnownKeys(fields, ["area", "skills", "text", "items"], at);
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
  if (fields.skills !== undefined) area.skills = r.conceptList(fields, "skills", at, "skills", "skill");
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
      r.onlyKnownKeys(itemFields, ["position", "label", "as_written", "inferred", "note"], itemAt);
      const position: CareerPosition = {
        position: r.concept(itemFields, "position", itemAt, "positions", "position"),
        label: r.string(itemFields, "label", itemAt, true),
      };
      const asWritten = r.string(itemFields, "as_written", itemAt);
      if (asWritten !== undefined) position.as_written = asWritten;
      const inferred = r.boolean(itemFields, "inferred", itemAt);
      if (inferred !== undefined) position.inferred = inferred;
      const note = r.string(itemFields, "note", itemAt);
      if (note !== undefined) position.note = note;
      return position;
    }),
  };
  // A stage without a position would break its ladder in two (no step leads across it).
  if (Array.isArray(fields.positions) && fields.positions.length === 0)
    r.problem(join(at, "positions"), "a stage needs at least one position");
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
