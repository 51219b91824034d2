import { compareRoles } from "../core/compare/compare-roles.js";
import { checkRoleCount, resolveRoles } from "../core/compare/resolve-roles.js";
import { COMPARE_SECTIONS, type CompareSection } from "../core/compare/types.js";
import { UsageError } from "../errors.js";
import { message } from "../messages/translate.js";
import { renderCompareCsv } from "../render/compare-csv.js";
import { renderCompareHtml } from "../render/compare-html.js";
import { renderCompareMarkdown } from "../render/compare-markdown.js";
import { renderCompareTable } from "../render/compare-table.js";
import { renderJson } from "../render/json.js";
import { positionNames } from "../render/position-names.js";
import type { CommandContext, CommandResult } from "./context.js";
import { findProfiles } from "./find-profiles.js";
import { COMMAND_FORMATS, type FormatFlags, isForReading, resolveFormat } from "./output-format.js";
import { withUsageErrors } from "./usage-errors.js";

export interface CompareFlags extends FormatFlags {
  only?: string[];
}

function resolveSections(names: string[] | undefined): CompareSection[] {
  return (names ?? []).map((name) => {
    const section = name.trim().toLowerCase();
    if (!(COMPARE_SECTIONS as readonly string[]).includes(section)) {
      throw new UsageError(
        message("error.unknownSectionOnly", { name }),
        message("error.useOneOf", { values: COMPARE_SECTIONS.join(", ") }),
      );
    }
    return section as CompareSection;
  });
}

export function runCompare(queries: string[], flags: CompareFlags, context: CommandContext): CommandResult {
  withUsageErrors(() => checkRoleCount(queries));
  const format = resolveFormat(flags, COMMAND_FORMATS.compare);
  const sections = resolveSections(flags.only);
  const { vocabulary, profiles } = findProfiles(queries, context, (library) =>
    withUsageErrors(() => resolveRoles(queries, library.roles, library.vocabulary)),
  );
  const comparison = compareRoles(
    profiles.map((loaded) => loaded.profile),
    vocabulary,
    { labelLang: context.labelLang, sections },
  );
  const names = positionNames(context);
  if (format === "json") return { stdout: renderJson(comparison) };
  if (format === "csv") return { stdout: renderCompareCsv(comparison, names) };
  if (format === "markdown") return { stdout: renderCompareMarkdown(comparison, names) };
  if (format === "html") return { stdout: renderCompareHtml(comparison, names) };
  return { stdout: renderCompareTable(comparison, context.output, names), forReading: isForReading(format) };
}
