import type {
  BriefEndpoint,
  BriefPart,
  BriefSource,
  TransitionBrief,
} from "../core/career/transition-brief.js";
import type { Language } from "../core/profile.js";
import { type MessageKey, say } from "../messages/translate.js";
import { shortList } from "./short-list.js";

/**
 * The sentences of a transition brief shared by its terminal and Markdown renderings (and by any
 * later format), in the brief's language (`label_lang`): headings, how an end is named, what a
 * missing profile leaves unknown, sources. The words are the message catalogue's `gap.*` texts.
 */

export const GAP_HEADING_KEYS = {
  path: "gap.path",
  skillsGain: "gap.skillsGain",
  skillsShared: "gap.skillsShared",
  toolsGain: "gap.toolsGain",
  toolsShared: "gap.toolsShared",
  responsibilities: "gap.responsibilities",
  growth: "gap.growth",
  practices: "heading.practices",
  sources: "gap.sources",
} as const satisfies Record<string, MessageKey>;

const PART_WORDS: Record<BriefPart, MessageKey> = {
  path: "gap.partPath",
  position: "gap.partPosition",
  skills: "gap.partSkills",
  tools: "gap.partTools",
  responsibilities: "gap.partResponsibilities",
  growth: "gap.partGrowth",
};

/** "Kundeserviceansvarlig (Customer Service Executive, customer-service-executive)". */
export function endText(end: BriefEndpoint, lang: Language): string {
  if (end.id === null) return say(lang, "gap.endPosition", { label: end.label, position: end.position });
  return end.title && end.title !== end.label
    ? `${end.title} (${end.label}, ${end.id})`
    : `${end.label} (${end.id})`;
}

export function titleText(brief: TransitionBrief): string {
  const lang = brief.label_lang;
  return say(lang, "gap.title", { from: endText(brief.from, lang), to: endText(brief.to, lang) });
}

function listedText(end: BriefEndpoint, lang: Language): string {
  return shortList(
    lang,
    end.listed_on.map((entry) =>
      entry.after.length > 0
        ? say(lang, "gap.listedNext", {
            role: entry.role,
            stage: entry.stage_label,
            next: shortList(
              lang,
              entry.after.map((p) => p.label),
            ),
          })
        : `${entry.role} (${entry.stage_label})`,
    ),
  );
}

/** Sentences on what a missing profile leaves unknown; none when both ends have profiles. */
export function unknownNotes(brief: TransitionBrief): string[] {
  const lang = brief.label_lang;
  const notes: string[] = [];
  for (const [end, which] of [
    [brief.from, "from"],
    [brief.to, "to"],
  ] as const) {
    if (end.id !== null) continue;
    const sentences = [say(lang, "gap.noProfile", { label: end.label, position: end.position })];
    if (end.listed_on.length > 0)
      sentences.push(say(lang, "gap.knownOnlyFrom", { ladders: listedText(end, lang) }));
    sentences.push(
      which === "from" && brief.to.id !== null
        ? say(lang, "gap.unknownFromWithGoal", { goal: brief.to.label })
        : which === "from"
          ? say(lang, "gap.unknownFrom")
          : say(lang, "gap.unknownTo"),
    );
    notes.push(sentences.join(" "));
  }
  return notes;
}

export function noPathText(brief: TransitionBrief): string {
  return say(brief.label_lang, "gap.noPath", { from: brief.from.label, to: brief.to.label });
}

export function sourceText(source: BriefSource, lang: Language): string {
  const { publisher, date, file, url } = source.source;
  const facts = [publisher, date, file && say(lang, "source.fromFile", { file }), url]
    .filter(Boolean)
    .join(", ");
  const parts = source.parts.map((part) => say(lang, PART_WORDS[part])).join(", ");
  return `${source.role}${facts ? `: ${facts}` : ""} (${parts})`;
}

/** "already as Zendesk Support, Zendesk": the from profile's own names for a shared entry. */
export function alreadyText(names: string[], lang: Language): string {
  return say(lang, "gap.alreadyAs", { names: names.join(", ") });
}

export function nothingListed(lang: Language): string {
  return say(lang, "word.none");
}
