import type { BriefEndpoint, BriefSource, TransitionBrief } from "../core/career/transition-brief.js";
import { shortList } from "./short-list.js";

/**
 * The sentences of a transition brief shared by its terminal and Markdown renderings (and by any
 * later format): headings, how an end is named, what a missing profile leaves unknown, sources.
 */

export const GAP_HEADINGS = {
  path: "Path",
  skillsGain: "Skills to gain",
  skillsShared: "Skills to build on",
  toolsGain: "Tools to learn",
  toolsShared: "Tools already known",
  responsibilities: "Responsibilities to take on",
  growth: "Growth",
  practices: "Best practices",
  sources: "Sources",
} as const;

/** "Kundeserviceansvarlig (Customer Service Executive, customer-service-executive)". */
export function endText(end: BriefEndpoint): string {
  if (end.id === null) return `${end.label} (position ${end.position}, no profile)`;
  return end.title && end.title !== end.label
    ? `${end.title} (${end.label}, ${end.id})`
    : `${end.label} (${end.id})`;
}

export function titleText(brief: TransitionBrief): string {
  return `From ${endText(brief.from)} to ${endText(brief.to)}`;
}

function listedText(end: BriefEndpoint): string {
  return shortList(
    end.listed_on.map((entry) => {
      const next = entry.after.length > 0 ? `; next: ${shortList(entry.after.map((p) => p.label))}` : "";
      return `${entry.role} (${entry.stage_label}${next})`;
    }),
  );
}

/** Sentences on what a missing profile leaves unknown; none when both ends have profiles. */
export function unknownNotes(brief: TransitionBrief): string[] {
  const notes: string[] = [];
  for (const [end, which] of [
    [brief.from, "from"],
    [brief.to, "to"],
  ] as const) {
    if (end.id !== null) continue;
    const known = end.listed_on.length > 0 ? ` It is known only from the ladders of ${listedText(end)}.` : "";
    const consequence =
      which === "from" && brief.to.id !== null
        ? ` Its skills, tools, responsibilities and growth are unknown, so every skill and tool of ${brief.to.label} is listed as to gain: check which the client already has.`
        : which === "from"
          ? " Its skills, tools, responsibilities and growth are unknown."
          : " Its skills, tools, responsibilities and growth advice are unknown: this brief can only show the path to it.";
    notes.push(`No full profile exists for ${end.label} (${end.position}).${known}${consequence}`);
  }
  return notes;
}

export function noPathText(brief: TransitionBrief): string {
  return `No ladder in the library leads from ${brief.from.label} up to ${brief.to.label}.`;
}

export function sourceText(source: BriefSource): string {
  const { publisher, date, file, url } = source.source;
  const facts = [publisher, date, file && `from ${file}`, url].filter(Boolean).join(", ");
  return `${source.role}${facts ? `: ${facts}` : ""} (${source.parts.join(", ")})`;
}

export const NOTHING_LISTED = "none";
