import type { BriefTool, TransitionBrief } from "../core/career/transition-brief.js";
import {
  GAP_HEADINGS,
  NOTHING_LISTED,
  noPathText,
  sourceText,
  titleText,
  unknownNotes,
} from "./gap-words.js";
import { markdownCell } from "./markdown.js";
import { shortList } from "./short-list.js";

/** Profile text as one Markdown line: neutralised, markup characters escaped. */
const md = markdownCell;

function item(lead: string, text: string | undefined): string {
  return text ? `- **${md(lead)}**: ${md(text)}` : `- **${md(lead)}**`;
}

function toolGroups(tools: (BriefTool & { from_names?: string[] })[]): string[] {
  const groups = new Map<string, typeof tools>();
  for (const tool of tools)
    groups.set(tool.category_label, [...(groups.get(tool.category_label) ?? []), tool]);
  return [...groups].flatMap(([category, entries]) => [
    "",
    `### ${md(category)}`,
    "",
    ...entries.map((tool) => {
      // The from profile's own spelling, when it differs.
      const other = (tool.from_names ?? []).filter((name) => name !== tool.name);
      const already = other.length > 0 ? `already as ${other.join(", ")}` : undefined;
      return item(tool.name, [already, tool.note].filter(Boolean).join("; ") || undefined);
    }),
  ]);
}

const section = (title: string, count?: number) => [
  "",
  `## ${count === undefined ? title : `${title} (${count})`}`,
  "",
];
const orNothing = (lines: string[]) => (lines.length > 0 ? lines : [NOTHING_LISTED]);

/** The transition brief as a Markdown handout, to paste into a document. */
export function renderGapMarkdown(brief: TransitionBrief): string {
  const out: string[] = [`# ${md(titleText(brief))}`];
  for (const note of unknownNotes(brief)) out.push("", `> ${md(note)}`);
  out.push(...section(GAP_HEADINGS.path));
  if (brief.path.length === 0) out.push(md(noPathText(brief)));
  const ends = new Set([brief.from.position, brief.to.position]);
  for (const stage of brief.path) {
    const positions = stage.positions.map((p) => {
      const name = ends.has(p.position) ? `**${md(p.label)}**` : md(p.label);
      return `${name} (${md(shortList(p.roles))})`;
    });
    out.push(`- ${md(stage.label)}: ${positions.join("; ")}`);
  }
  if (brief.to.id !== null) {
    out.push(...section(GAP_HEADINGS.skillsGain, brief.skills.gain.length));
    out.push(...orNothing(brief.skills.gain.map((s) => item(`${s.label} [${s.concept_label}]`, s.note))));
    if (brief.from.id !== null) {
      out.push(...section(GAP_HEADINGS.skillsShared, brief.skills.shared.length));
      out.push(
        ...orNothing(
          brief.skills.shared.map((s) =>
            item(`${s.label} [${s.concept_label}]`, `already as ${s.from_labels.join(", ")}`),
          ),
        ),
      );
    }
    out.push(...section(GAP_HEADINGS.toolsGain, brief.tools.gain.length).slice(0, -1));
    out.push(...(brief.tools.gain.length > 0 ? toolGroups(brief.tools.gain) : ["", NOTHING_LISTED]));
    if (brief.from.id !== null) {
      out.push(...section(GAP_HEADINGS.toolsShared, brief.tools.shared.length).slice(0, -1));
      out.push(...(brief.tools.shared.length > 0 ? toolGroups(brief.tools.shared) : ["", NOTHING_LISTED]));
    }
    out.push(...section(GAP_HEADINGS.responsibilities, brief.responsibilities.gain.length).slice(0, -1));
    for (const area of brief.responsibilities.gain) {
      out.push("", `### ${md(area.area)}`, "");
      if (area.text) out.push(md(area.text));
      if (area.text && area.items.length > 0) out.push("");
      for (const entry of area.items)
        out.push(entry.label ? item(entry.label, entry.text) : `- ${md(entry.text)}`);
    }
    out.push(...section(GAP_HEADINGS.growth));
    if (brief.growth.text) out.push(md(brief.growth.text), "");
    out.push(`### ${GAP_HEADINGS.practices}`, "");
    out.push(
      ...orNothing(
        brief.growth.best_practices.flatMap((p) => [
          item(p.title, p.text),
          ...(p.items ?? []).map((entry) => `  - ${md(entry)}`),
        ]),
      ),
    );
  }
  out.push(...section(GAP_HEADINGS.sources, brief.sources.length));
  out.push(...brief.sources.map((source) => `- ${md(sourceText(source))}`));
  return `${out.join("\n")}\n`;
}
