import { isSameEnd, transitionBrief } from "../core/career/transition-brief.js";
import { UsageError } from "../errors.js";
import { message } from "../messages/translate.js";
import { renderGapHtml } from "../render/gap-html.js";
import { renderGapMarkdown } from "../render/gap-markdown.js";
import { renderGapText } from "../render/gap-text.js";
import { renderJson } from "../render/json.js";
import { findCareerEnds, withFullProfile } from "./career-points.js";
import type { CommandContext, CommandResult } from "./context.js";
import { COMMAND_FORMATS, type FormatFlags, isForReading, resolveFormat } from "./output-format.js";

export type GapFlags = FormatFlags;

export function runGap(from: string, to: string, flags: GapFlags, context: CommandContext): CommandResult {
  const format = resolveFormat(flags, COMMAND_FORMATS.gap);
  const {
    vocabulary,
    ladders,
    ends: [first, second],
  } = findCareerEnds([from, to], context);
  if (!first || !second) throw new Error("a career end was not found");
  if (isSameEnd(first, second)) {
    const id = first.profile?.profile.id ?? first.position;
    throw new UsageError(
      message(first.profile ? "gap.sameRole" : "gap.samePosition", {
        first: JSON.stringify(from.trim()),
        again: JSON.stringify(to.trim()),
        id,
      }),
      message("gap.sameHint"),
    );
  }
  const start = withFullProfile(first, context);
  const goal = withFullProfile(second, context);
  const brief = transitionBrief(start, goal, ladders, vocabulary, context.labelLang);
  if (format === "json") return { stdout: renderJson(brief) };
  if (format === "markdown") return { stdout: renderGapMarkdown(brief) };
  if (format === "html") {
    const langs = { from: start.profile?.profile.lang, to: goal.profile?.profile.lang };
    return { stdout: renderGapHtml(brief, langs) };
  }
  return { stdout: renderGapText(brief, context.output), forReading: isForReading(format) };
}
