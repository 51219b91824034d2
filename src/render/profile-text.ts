import type { CareerStage, Language, Profile } from "../core/profile.js";
import type { VocabularyIndex } from "../core/vocabulary.js";
import { languageName, type MessageKey, say } from "../messages/translate.js";
import { type BodyBlock, bodyBlocks } from "./body-blocks.js";
import { neutralize, neutralizeInline } from "./neutralize.js";
import type { OutputContext } from "./output-context.js";
import { type PositionNames, positionName } from "./position-names.js";
import { createTheme, type Theme } from "./theme.js";
import { wrapIndented, wrapText } from "./wrap-text.js";

export const PROFILE_SECTIONS = [
  "overview",
  "responsibilities",
  "skills",
  "tools",
  "career",
  "practices",
  "notes",
] as const;
export type ProfileSection = (typeof PROFILE_SECTIONS)[number];

interface Writer {
  lines: string[];
  width: number;
  theme: Theme;
  /** The interface language: headings, field names and concept labels. */
  lang: Language;
}

function heading(w: Writer, key: MessageKey): void {
  if (w.lines.length > 0) w.lines.push("");
  w.lines.push(w.theme.heading(say(w.lang, key)));
}

function para(w: Writer, text: string, indent = "  ", rest = indent): void {
  for (const paragraph of neutralize(text).split(/\n\s*\n/)) {
    w.lines.push(...wrapIndented(paragraph.replace(/\s+/g, " ").trim(), w.width, indent, rest));
  }
}

function bullet(w: Writer, lead: string | undefined, text: string | undefined, indent = "  "): void {
  const head = lead ? `${neutralizeInline(lead)}${text ? ":" : ""}` : "";
  const body = text ? neutralizeInline(text) : "";
  const first = `${indent}• `;
  const rest = " ".repeat(first.length);
  const joined = [head, body].filter((s) => s !== "").join(" ");
  const lines = wrapIndented(joined, w.width, first, rest);
  if (head && lines[0]) lines[0] = lines[0].replace(head, w.theme.label(head));
  w.lines.push(...lines);
}

function overview(w: Writer, p: Profile, vocabulary: VocabularyIndex, lang: Language): void {
  w.lines.push(...wrapText(neutralizeInline(`${p.title} — ${p.title_en}`), w.width).map(w.theme.heading));
  const facts = [
    [say(lang, "field.id"), p.id],
    [say(lang, "field.language"), `${languageName(lang, p.lang)} (${p.lang})`],
    [say(lang, "field.level"), vocabulary.label("levels", p.level, lang)],
  ];
  if (p.aliases.length > 0) facts.push([say(lang, "field.aliases"), p.aliases.join(", ")]);
  const source = [
    p.source.publisher,
    p.source.date,
    p.source.file && say(lang, "source.fromFile", { file: p.source.file }),
  ].filter(Boolean);
  if (source.length > 0) facts.push([say(lang, "field.source"), source.join(", ")]);
  for (const [label, value] of facts) {
    const lead = `${label}: `;
    const lines = wrapIndented(neutralizeInline(value ?? ""), w.width, lead, "  ");
    if (lines[0]) lines[0] = w.theme.label(label ?? "") + lines[0].slice(label?.length ?? 0);
    w.lines.push(...lines);
  }
  heading(w, "heading.summary");
  para(w, p.summary);
  if (p.summary_en !== p.summary) {
    w.lines.push("");
    para(w, p.summary_en);
  }
}

function responsibilities(w: Writer, p: Profile, vocabulary: VocabularyIndex, lang: Language): void {
  heading(w, "heading.responsibilities");
  for (const area of p.responsibilities) {
    // The shared concepts the area names, as skills show theirs: "Teamledning [Team management]".
    const concepts = (area.skills ?? []).map((id) => vocabulary.label("skills", id, lang));
    const title = concepts.length > 0 ? `${area.area} [${concepts.join(", ")}]` : area.area;
    w.lines.push(...wrapIndented(neutralizeInline(title), w.width, "  ").map(w.theme.subheading));
    if (area.text) para(w, area.text, "    ");
    for (const item of area.items) bullet(w, item.label, item.text, "    ");
  }
}

/** Entries grouped by a key, groups in order of first appearance. */
function groupBy<T>(items: T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return [...groups.entries()];
}

function skills(w: Writer, p: Profile, vocabulary: VocabularyIndex, lang: Language): void {
  heading(w, "heading.skills");
  for (const [group, entries] of groupBy(p.skills, (s) => s.group ?? "")) {
    const indent = group ? "    " : "  ";
    if (group) w.lines.push(...wrapIndented(neutralizeInline(group), w.width, "  ").map(w.theme.subheading));
    for (const entry of entries) {
      const concept = vocabulary.label("skills", entry.skill, lang);
      const lead = `${entry.label} [${concept}]`;
      bullet(w, lead, entry.note, indent);
    }
  }
}

function tools(w: Writer, p: Profile, vocabulary: VocabularyIndex, lang: Language): void {
  heading(w, "heading.tools");
  for (const [category, entries] of groupBy(p.tools, (t) => t.category)) {
    const headings = [...new Set(entries.map((t) => t.heading))].join("; ");
    const label = vocabulary.label("toolCategories", category, lang);
    w.lines.push(
      ...wrapIndented(`${label} — ${neutralizeInline(headings)}`, w.width, "  ").map(w.theme.subheading),
    );
    // A note every tool of the group shares (the purpose the source gives the heading) once, above them.
    const shared =
      entries.length > 1 && entries.every((t) => t.note === entries[0]?.note) ? entries[0]?.note : undefined;
    if (shared) para(w, shared, "    ");
    for (const entry of entries) bullet(w, entry.name, shared ? undefined : entry.note, "    ");
  }
}

/** The ladder, highest stage first; the role's own position is marked with ▶. */
function career(
  w: Writer,
  p: Profile,
  vocabulary: VocabularyIndex,
  lang: Language,
  names: PositionNames,
): void {
  heading(w, "heading.career");
  const stages: CareerStage[] = [...p.career_path].sort(
    (a, b) => vocabulary.stageRank(b.stage) - vocabulary.stageRank(a.stage),
  );
  stages.forEach((stage, index) => {
    const corner = stages.length === 1 ? "─" : index === 0 ? "┌" : index === stages.length - 1 ? "└" : "├";
    const stageName = vocabulary.label("stages", stage.stage, lang);
    const written = stage.label
      ? ` — ${stage.label}`
      : stage.inferred
        ? ` ${say(lang, "career.stageInferred")}`
        : "";
    w.lines.push(
      ...wrapIndented(neutralizeInline(`${stageName}${written}`), w.width, `  ${corner} `, "  │ ").map(
        w.theme.subheading,
      ),
    );
    const rail = index === stages.length - 1 ? "    " : "  │ ";
    for (const position of [...stage.positions].reverse()) {
      const own = position.position === p.position;
      const inferred = position.inferred ? ` ${say(lang, "career.positionInferred")}` : "";
      const name = positionName(
        { label: position.label, concept_label: vocabulary.label("positions", position.position, lang) },
        names,
      );
      const text = neutralizeInline(name + inferred) + (own ? `  ${say(lang, "career.thisRole")}` : "");
      const lines = wrapIndented(text, w.width, `${rail}${own ? "▶ " : "  "}`, `${rail}  `);
      w.lines.push(...(own ? lines.map(w.theme.mark) : lines));
    }
  });
  if (p.growth) {
    w.lines.push("");
    para(w, p.growth);
  }
}

function practices(w: Writer, p: Profile): void {
  heading(w, "heading.practices");
  for (const practice of p.best_practices) {
    bullet(w, practice.title, practice.text);
    for (const item of practice.items ?? []) bullet(w, undefined, item, "    ");
  }
}

function notes(w: Writer, p: Profile): void {
  if (p.body === "") return;
  heading(w, "heading.notes");
  let previous: BodyBlock["kind"] | undefined;
  for (const block of bodyBlocks(neutralize(p.body))) {
    // A blank line between blocks, except between the items of one list and under a heading.
    if (previous !== undefined && previous !== "heading" && !(previous === "item" && block.kind === "item"))
      w.lines.push("");
    previous = block.kind;
    if (block.kind === "heading") {
      w.lines.push(...wrapIndented(block.text, w.width, "  ").map(w.theme.subheading));
    } else if (block.kind === "item") {
      const first = `  ${block.marker} `;
      w.lines.push(...wrapIndented(block.text, w.width, first, " ".repeat(first.length)));
    } else {
      for (const line of block.lines) w.lines.push(...wrapIndented(line, w.width, "  "));
    }
  }
}

/** The profile as terminal text, sections in the order of the source documents. */
export function renderProfileText(
  profile: Profile,
  vocabulary: VocabularyIndex,
  options: {
    sections: readonly ProfileSection[];
    lang: Language;
    positions: PositionNames;
    output: OutputContext;
  },
): string {
  const w: Writer = {
    lines: [],
    width: options.output.width,
    theme: createTheme(options.output.color),
    lang: options.lang,
  };
  const renderers: Record<ProfileSection, () => void> = {
    overview: () => overview(w, profile, vocabulary, options.lang),
    responsibilities: () => responsibilities(w, profile, vocabulary, options.lang),
    skills: () => skills(w, profile, vocabulary, options.lang),
    tools: () => tools(w, profile, vocabulary, options.lang),
    career: () => career(w, profile, vocabulary, options.lang, options.positions),
    practices: () => practices(w, profile),
    notes: () => notes(w, profile),
  };
  for (const section of PROFILE_SECTIONS) {
    if (options.sections.includes(section)) renderers[section]();
  }
  return `${w.lines.join("\n")}\n`;
}
