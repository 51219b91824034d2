import { findCareerPoint } from "../core/career/find-career-point.js";
import { describePosition } from "../core/career/position-view.js";
import { NameNotFoundError } from "../core/domain-errors.js";
import { findRole } from "../core/find-role.js";
import type { Profile } from "../core/profile.js";
import { UnknownNameError, UsageError } from "../errors.js";
import { message } from "../messages/translate.js";
import { renderJson } from "../render/json.js";
import { positionNames } from "../render/position-names.js";
import { renderPositionText } from "../render/position-text.js";
import { renderProfileHtml } from "../render/profile-html.js";
import { PROFILE_SECTIONS, type ProfileSection, renderProfileText } from "../render/profile-text.js";
import type { CommandContext, CommandResult } from "./context.js";
import { findProfiles } from "./find-profiles.js";
import { COMMAND_FORMATS, type FormatFlags, isForReading, resolveFormat } from "./output-format.js";
import { asUsageError, usageErrorFor } from "./usage-errors.js";

export interface ShowFlags extends Pick<FormatFlags, "format" | "json" | "html"> {
  lang?: string;
  section?: string[];
}

/** The profile fields each section shows, for `--json --section`. */
const SECTION_FIELDS: Record<ProfileSection, (keyof Profile)[]> = {
  overview: ["title", "title_en", "lang", "level", "position", "aliases", "summary", "summary_en", "source"],
  responsibilities: ["responsibilities"],
  skills: ["skills"],
  tools: ["tools"],
  career: ["career_path", "growth"],
  practices: ["best_practices"],
  notes: ["body"],
};

function resolveSections(names: string[] | undefined): ProfileSection[] {
  if (!names || names.length === 0) return [...PROFILE_SECTIONS];
  return names.map((name) => {
    const section = name.trim().toLowerCase();
    if (!(PROFILE_SECTIONS as readonly string[]).includes(section)) {
      throw new UsageError(
        message("error.unknownSection", { name }),
        message("error.useOneOf", { values: PROFILE_SECTIONS.join(", ") }),
      );
    }
    return section as ProfileSection;
  });
}

/**
 * A career position that some ladder lists but no profile stands for: its position view. Other
 * unknown names keep the error `show` gives for an unknown role, suggesting positions when no
 * role is near.
 */
function showPosition(
  name: string,
  unknownRole: NameNotFoundError,
  format: "table" | "json" | "html",
  context: CommandContext,
): CommandResult {
  const library = context.library();
  const ladders = library.roles.map((role) => role.profile);
  let point: ReturnType<typeof findCareerPoint>;
  try {
    point = findCareerPoint(name, library.roles, ladders, library.vocabulary);
  } catch (error) {
    if (!(error instanceof NameNotFoundError)) throw asUsageError(error);
    if (error.suggestions.length === 0 || unknownRole.suggestions.length > 0)
      throw usageErrorFor(unknownRole);
    // Unknown as a role, near a position: the role's message with the position's hint.
    throw new UnknownNameError(
      usageErrorFor(unknownRole).text,
      usageErrorFor(error).hintText ?? "",
      error.suggestions,
    );
  }
  if (point.kind === "role") throw new Error("a role that findRole did not find");
  if (format === "html")
    throw new UsageError(message("error.htmlPosition", { name }), message("error.htmlPositionHint"));
  const view = describePosition(point.position, ladders, library.vocabulary, context.labelLang);
  if (format === "json") return { stdout: renderJson(view) };
  return { stdout: renderPositionText(view, context.output), forReading: true };
}

export function runShow(role: string, flags: ShowFlags, context: CommandContext): CommandResult {
  const format = resolveFormat(flags, COMMAND_FORMATS.show);
  const sections = resolveSections(flags.section);
  let found: ReturnType<typeof findProfiles>;
  try {
    found = findProfiles([role], context, (library) => [findRole(role, library.roles, library.vocabulary)]);
  } catch (error) {
    if (!(error instanceof NameNotFoundError)) throw asUsageError(error);
    return showPosition(role, error, format, context);
  }
  const {
    vocabulary,
    profiles: [loaded],
  } = found;
  if (!loaded) throw new Error("no profile found for a role that was found");
  if (format === "json") {
    const { id, ...whole } = loaded.profile;
    const fields = flags.section?.length
      ? Object.fromEntries(
          sections.flatMap((s) => SECTION_FIELDS[s]).map((field) => [field, loaded.profile[field]] as const),
        )
      : whole;
    return {
      stdout: renderJson({
        kind: "profile",
        id,
        ...fields,
        file: loaded.file,
        origin: loaded.origin,
        overrides: loaded.overrides,
      }),
    };
  }
  if (format === "html") {
    return { stdout: renderProfileHtml(loaded.profile, vocabulary, { sections, lang: context.labelLang }) };
  }
  return {
    stdout: renderProfileText(loaded.profile, vocabulary, {
      sections,
      lang: context.labelLang,
      positions: positionNames(context),
      output: context.output,
    }),
    forReading: isForReading(format),
  };
}
