import type { BriefTool, TransitionBrief } from "../core/career/transition-brief.js";
import type { Language } from "../core/profile.js";
import { say } from "../messages/translate.js";
import {
  alreadyText,
  GAP_HEADING_KEYS,
  noPathText,
  nothingListed,
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

function toolGroups(tools: (BriefTool & { from_names?: string[] })[], lang: Language): string[] {
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
      const already = other.length > 0 ? alreadyText(other, lang) : undefined;
      return item(tool.name, [already, tool.note].filter(Boolean).join("; ") || undefined);
    }),
  ]);
}

/** The transition brief as a Markdown handout, to paste into a document. */
export function renderGapMarkdown(brief: TransitionBrief): string {
  const lang = brief.label_lang;
  const section = (part: keyof typeof GAP_HEADING_KEYS, count?: number) => {
    const title = say(lang, GAP_HEADING_KEYS[part]);
    return ["", `## ${count === undefined ? title : `${title} (${count})`}`, ""];
  };
  const orNothing = (lines: string[]) => (lines.length > 0 ? lines : [nothingListed(lang)]);
  const out: string[] = [`# ${md(titleText(brief))}`];
  for (const note of unknownNotes(brief)) out.push("", `> ${md(note)}`);
  out.push(...section("path"));
  if (brief.path.length === 0) out.push(md(noPathText(brief)));
  const ends = new Set([brief.from.position, brief.to.position]);
  for (const stage of brief.path) {
    const positions = stage.positions.map((p) => {
      const name = ends.has(p.position) ? `**${md(p.label)}**` : md(p.label);
      return `${name} (${md(shortList(lang, p.roles))})`;
    });
    out.push(`- ${md(stage.label)}: ${positions.join("; ")}`);
  }
  if (brief.to.id !== null) {
    out.push(...section("skillsGain", brief.skills.gain.length));
    out.push(...orNothing(brief.skills.gain.map((s) => item(`${s.label} [${s.concept_label}]`, s.note))));
    if (brief.from.id !== null) {
      out.push(...section("skillsShared", brief.skills.shared.length));
      out.push(
        ...orNothing(
          brief.skills.shared.map((s) =>
            item(`${s.label} [${s.concept_label}]`, alreadyText(s.from_labels, lang)),
          ),
        ),
      );
    }
    out.push(...section("toolsGain", brief.tools.gain.length).slice(0, -1));
    out.push(
      ...(brief.tools.gain.length > 0 ? toolGroups(brief.tools.gain, lang) : ["", nothingListed(lang)]),
    );
    if (brief.from.id !== null) {
      out.push(...section("toolsShared", brief.tools.shared.length).slice(0, -1));
      out.push(
        ...(brief.tools.shared.length > 0 ? toolGroups(brief.tools.shared, lang) : ["", nothingListed(lang)]),
      );
    }
    out.push(...section("responsibilities", brief.responsibilities.gain.length).slice(0, -1));
    for (const area of brief.responsibilities.gain) {
      out.push("", `### ${md(area.area)}`, "");
      if (area.text) out.push(md(area.text));
      if (area.text && area.items.length > 0) out.push("");
      for (const entry of area.items)
        out.push(entry.label ? item(entry.label, entry.text) : `- ${md(entry.text)}`);
    }
    out.push(...section("growth"));
    if (brief.growth.text) out.push(md(brief.growth.text), "");
    out.push(`### ${say(lang, GAP_HEADING_KEYS.practices)}`, "");
    out.push(
      ...orNothing(
        brief.growth.best_practices.flatMap((p) => [
          item(p.title, p.text),
          ...(p.items ?? []).map((entry) => `  - ${md(entry)}`),
        ]),
      ),
    );
  }
  out.push(...section("sources", brief.sources.length));
  out.push(...brief.sources.map((source) => `- ${md(sourceText(source, lang))}`));
  return `${out.join("\n")}\n`;
}
