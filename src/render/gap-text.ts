import type { BriefTool, TransitionBrief } from "../core/career/transition-brief.js";
import type { ResponsibilityArea } from "../core/profile.js";
import { GAP_HEADINGS, NOTHING_LISTED, noPathText, sourceText, unknownNotes } from "./gap-words.js";
import { neutralize, neutralizeInline } from "./neutralize.js";
import type { OutputContext } from "./output-context.js";
import { shortList } from "./short-list.js";
import { createTheme, type Theme } from "./theme.js";
import { wrapIndented } from "./wrap-text.js";

interface Writer {
  lines: string[];
  width: number;
  theme: Theme;
}

function heading(w: Writer, text: string, count?: number): void {
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
  heading(w, GAP_HEADINGS.path);
  if (brief.path.length === 0) para(w, noPathText(brief), "  ");
  const ends = new Set([brief.from.position, brief.to.position]);
  for (const stage of brief.path) {
    subheading(w, stage.label, "  ");
    for (const position of stage.positions) {
      const end = ends.has(position.position);
      const lines = wrapIndented(
        `${neutralizeInline(position.label)} — ${shortList(position.roles)}`,
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
      const already = other.length > 0 ? `already as ${other.join(", ")}` : undefined;
      bullet(w, tool.name, [already, tool.note].filter(Boolean).join("; ") || undefined, "    ");
    }
  }
}

function responsibilities(w: Writer, areas: ResponsibilityArea[]): void {
  heading(w, GAP_HEADINGS.responsibilities, areas.length);
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
  const w: Writer = { lines: [], width: output.width, theme: createTheme(output.color) };
  for (const [lead, end] of [
    ["From ", brief.from],
    ["  to ", brief.to],
  ] as const) {
    const name = end.id === null ? `${end.label} — a position, no profile` : `${end.title} — ${end.label}`;
    w.lines.push(...wrapIndented(neutralizeInline(name), w.width, lead, "     ").map(w.theme.heading));
    w.lines.push(...wrapIndented(end.id ?? end.position, w.width, "     ").map(w.theme.muted));
  }
  for (const note of unknownNotes(brief)) {
    w.lines.push("");
    w.lines.push(...wrapIndented(neutralizeInline(note), w.width, "").map(w.theme.warning));
  }
  path(w, brief);
  const nothing = () => w.lines.push(`  ${NOTHING_LISTED}`);
  if (brief.to.id !== null) {
    heading(w, GAP_HEADINGS.skillsGain, brief.skills.gain.length);
    for (const skill of brief.skills.gain)
      bullet(w, `${skill.label} [${skill.concept_label}]`, skill.note, "  ");
    if (brief.skills.gain.length === 0) nothing();
    if (brief.from.id !== null) {
      heading(w, GAP_HEADINGS.skillsShared, brief.skills.shared.length);
      for (const skill of brief.skills.shared) {
        const already = `already as ${skill.from_labels.join(", ")}`;
        bullet(w, `${skill.label} [${skill.concept_label}]`, already, "  ");
      }
      if (brief.skills.shared.length === 0) nothing();
    }
    heading(w, GAP_HEADINGS.toolsGain, brief.tools.gain.length);
    toolGroups(w, brief.tools.gain);
    if (brief.tools.gain.length === 0) nothing();
    if (brief.from.id !== null) {
      heading(w, GAP_HEADINGS.toolsShared, brief.tools.shared.length);
      toolGroups(w, brief.tools.shared);
      if (brief.tools.shared.length === 0) nothing();
    }
    responsibilities(w, brief.responsibilities.gain);
    heading(w, GAP_HEADINGS.growth);
    if (brief.growth.text) para(w, brief.growth.text, "  ");
    if (brief.growth.best_practices.length > 0) {
      subheading(w, GAP_HEADINGS.practices, "  ");
      for (const practice of brief.growth.best_practices) {
        bullet(w, practice.title, practice.text, "    ");
        for (const item of practice.items ?? [])
          w.lines.push(...wrapIndented(neutralizeInline(item), w.width, "      - "));
      }
    }
  }
  heading(w, GAP_HEADINGS.sources, brief.sources.length);
  for (const source of brief.sources)
    w.lines.push(...wrapIndented(neutralizeInline(sourceText(source)), w.width, "  • "));
  return `${w.lines.join("\n")}\n`;
}
