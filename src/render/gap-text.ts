import type { BriefTool, TransitionBrief } from "../core/career/transition-brief.js";
import type { Language, ResponsibilityArea } from "../core/profile.js";
import { say } from "../messages/translate.js";
import {
  alreadyText,
  GAP_HEADING_KEYS,
  noPathText,
  nothingListed,
  sourceText,
  unknownNotes,
} from "./gap-words.js";
import { neutralize, neutralizeInline } from "./neutralize.js";
import type { OutputContext } from "./output-context.js";
import { shortList } from "./short-list.js";
import { createTheme, type Theme } from "./theme.js";
import { wrapIndented } from "./wrap-text.js";

interface Writer {
  lines: string[];
  width: number;
  theme: Theme;
  lang: Language;
}

function heading(w: Writer, part: keyof typeof GAP_HEADING_KEYS, count?: number): void {
  const text = say(w.lang, GAP_HEADING_KEYS[part]);
  const title = count === undefined ? text : `${text} (${count})`;
  w.lines.push("", ...wrapIndented(title, w.width, "").map(w.theme.heading));
}

function para(w: Writer, text: string, indent: string): void {
  for (const paragraph of neutralize(text).split(/\n\s*\n/))
    w.lines.push(...wrapIndented(paragraph.replace(/\s+/g, " ").trim(), w.width, indent));
}

/** A bullet whose lead (the part before the colon) is coloured as a label. */
function bullet(w: Writer, lead: string, text: string | undefined, indent: string): void {
  const head = neutralizeInline(lead);
  const lines = wrapIndented(text ? `${head}: ${neutralizeInline(text)}` : head, w.width, `${indent}• `);
  if (lines[0]) lines[0] = lines[0].replace(head, w.theme.label(head));
  w.lines.push(...lines);
}

function subheading(w: Writer, text: string, indent: string): void {
  w.lines.push(...wrapIndented(neutralizeInline(text), w.width, indent).map(w.theme.subheading));
}

function path(w: Writer, brief: TransitionBrief): void {
  heading(w, "path");
  if (brief.path.length === 0) para(w, noPathText(brief), "  ");
  const ends = new Set([brief.from.position, brief.to.position]);
  for (const stage of brief.path) {
    subheading(w, stage.label, "  ");
    for (const position of stage.positions) {
      const end = ends.has(position.position);
      const lines = wrapIndented(
        `${neutralizeInline(position.label)} — ${shortList(w.lang, position.roles)}`,
        w.width,
        end ? "  ▶ " : "    ",
      );
      w.lines.push(...(end ? lines.map(w.theme.mark) : lines));
    }
  }
}

function toolGroups(w: Writer, tools: (BriefTool & { from_names?: string[] })[]): void {
  const groups = new Map<string, typeof tools>();
  for (const tool of tools)
    groups.set(tool.category_label, [...(groups.get(tool.category_label) ?? []), tool]);
  for (const [category, entries] of groups) {
    subheading(w, category, "  ");
    for (const tool of entries) {
      // The from profile's own spelling, when it differs.
      const other = (tool.from_names ?? []).filter((name) => name !== tool.name);
      const already = other.length > 0 ? alreadyText(other, w.lang) : undefined;
      bullet(w, tool.name, [already, tool.note].filter(Boolean).join("; ") || undefined, "    ");
    }
  }
}

function responsibilities(w: Writer, areas: ResponsibilityArea[]): void {
  heading(w, "responsibilities", areas.length);
  for (const area of areas) {
    subheading(w, area.area, "  ");
    if (area.text) para(w, area.text, "    ");
    for (const item of area.items) {
      if (item.label) bullet(w, item.label, item.text, "    ");
      else w.lines.push(...wrapIndented(neutralizeInline(item.text), w.width, "    • "));
    }
  }
}

/** The transition brief for a terminal: every line fits `output.width`; colour only when asked. */
export function renderGapText(brief: TransitionBrief, output: OutputContext): string {
  const lang = brief.label_lang;
  const w: Writer = { lines: [], width: output.width, theme: createTheme(output.color), lang };
  // "From …" over "  to …": the leads right-aligned, the names and ids starting in one column.
  const leads = [say(lang, "gap.leadFrom"), say(lang, "gap.leadTo")];
  const leadWidth = Math.max(...leads.map((lead) => lead.length)) + 1;
  const indent = " ".repeat(leadWidth);
  for (const [lead, end] of [
    [leads[0] ?? "", brief.from],
    [leads[1] ?? "", brief.to],
  ] as const) {
    const name =
      end.id === null
        ? say(lang, "gap.positionNoProfile", { label: end.label })
        : `${end.title} — ${end.label}`;
    const first = `${lead} `.padStart(leadWidth);
    w.lines.push(...wrapIndented(neutralizeInline(name), w.width, first, indent).map(w.theme.heading));
    w.lines.push(...wrapIndented(end.id ?? end.position, w.width, indent).map(w.theme.muted));
  }
  for (const note of unknownNotes(brief)) {
    w.lines.push("");
    w.lines.push(...wrapIndented(neutralizeInline(note), w.width, "").map(w.theme.warning));
  }
  path(w, brief);
  const nothing = () => w.lines.push(`  ${nothingListed(w.lang)}`);
  if (brief.to.id !== null) {
    heading(w, "skillsGain", brief.skills.gain.length);
    for (const skill of brief.skills.gain)
      bullet(w, `${skill.label} [${skill.concept_label}]`, skill.note, "  ");
    if (brief.skills.gain.length === 0) nothing();
    if (brief.from.id !== null) {
      heading(w, "skillsShared", brief.skills.shared.length);
      for (const skill of brief.skills.shared) {
        const already = alreadyText(skill.from_labels, w.lang);
        bullet(w, `${skill.label} [${skill.concept_label}]`, already, "  ");
      }
      if (brief.skills.shared.length === 0) nothing();
    }
    heading(w, "toolsGain", brief.tools.gain.length);
    toolGroups(w, brief.tools.gain);
    if (brief.tools.gain.length === 0) nothing();
    if (brief.from.id !== null) {
      heading(w, "toolsShared", brief.tools.shared.length);
      toolGroups(w, brief.tools.shared);
      if (brief.tools.shared.length === 0) nothing();
    }
    responsibilities(w, brief.responsibilities.gain);
    heading(w, "growth");
    if (brief.growth.text) para(w, brief.growth.text, "  ");
    if (brief.growth.best_practices.length > 0) {
      subheading(w, "practices", "  ");
      for (const practice of brief.growth.best_practices) {
        bullet(w, practice.title, practice.text, "    ");
        for (const item of practice.items ?? [])
          w.lines.push(...wrapIndented(neutralizeInline(item), w.width, "      - "));
      }
    }
  }
  heading(w, "sources", brief.sources.length);
  for (const source of brief.sources)
    w.lines.push(...wrapIndented(neutralizeInline(sourceText(source, w.lang)), w.width, "  • "));
  return `${w.lines.join("\n")}\n`;
}
