import type { Problem } from "../core/problem.js";
import type { Language } from "../core/profile.js";
import { findUnmappedEntries, type UnmappedEntry } from "../core/unmapped-entries.js";
import { ExitCode } from "../errors.js";
import { say } from "../messages/translate.js";
import { describeProblem, displayPath } from "../render/describe-problem.js";
import { renderJson } from "../render/json.js";
import { neutralizeInline } from "../render/neutralize.js";
import { wrapIndented } from "../render/wrap-text.js";
import type { CommandContext, CommandResult } from "./context.js";
import { COMMAND_FORMATS, resolveFormat } from "./output-format.js";

export interface ValidateFlags {
  json?: boolean;
  format?: string;
  /** Warnings count as problems: the file is invalid and the exit code 3. */
  strict?: boolean;
}

/** One file's verdict; also the JSON shape (docs/json-output.md). */
export interface FileReport {
  file: string;
  valid: boolean;
  id?: string;
  /** For a valid file: the earlier files with the same id that it overrides (a later folder wins). */
  overrides?: string[];
  problems: { line?: number; field: string; message: string }[];
  /** Skills and tools whose wording the vocabulary does not know for their concept (unmapped-entries.ts). */
  warnings: UnmappedEntry[];
}

/** "3 problems, 1 warning" for the summary line; empty when there are neither. */
function counts(lang: Language, problems: number, warnings: number, strict: boolean): string {
  const parts = [
    ...(problems > 0 ? [say(lang, "validate.problems", { count: problems })] : []),
    ...(warnings > 0 ? [say(lang, "validate.warnings", { count: warnings })] : []),
  ];
  const note = strict && warnings > 0 ? `; ${say(lang, "validate.strictWarnings")}` : "";
  return parts.length === 0 ? "" : `${parts.join(", ")}${note}`;
}

export function runValidate(flags: ValidateFlags, context: CommandContext): CommandResult {
  const format = resolveFormat(flags, COMMAND_FORMATS.validate);
  const library = context.inspectLibrary();
  const byFile = new Map<string, Problem[]>();
  for (const problem of library.problems)
    byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  const idByFile = new Map(library.roles.map((p) => [p.file, p.profile.id]));
  const overridden = library.roles.filter((role) => role.overrides.length > 0);
  const warningsByFile = new Map(
    library.roles.map((role) => [role.file, findUnmappedEntries(role.profile, library.vocabulary)]),
  );
  const reports: FileReport[] = library.files.map((file) => {
    const problems = byFile.get(file) ?? [];
    const warnings = warningsByFile.get(file) ?? [];
    const id = idByFile.get(file);
    const overrides = overridden.find((role) => role.file === file)?.overrides;
    return {
      file,
      valid: problems.length === 0 && !(flags.strict && warnings.length > 0),
      ...(id ? { id } : {}),
      ...(overrides ? { overrides } : {}),
      problems: problems.map(({ line, field, message }) => ({ ...(line ? { line } : {}), field, message })),
      warnings,
    };
  });
  // Problems not tied to a listed file (an unreadable folder) still count.
  for (const [file, problems] of byFile) {
    if (!library.files.includes(file)) reports.push({ file, valid: false, problems, warnings: [] });
  }
  const invalid = reports.filter((r) => !r.valid).length;
  const exitCode = invalid > 0 ? ExitCode.data : ExitCode.ok;
  const warnings = reports.reduce((sum, report) => sum + report.warnings.length, 0);
  const summary = {
    files: reports.length,
    valid: reports.length - invalid,
    invalid,
    problems: library.problems.length,
    warnings,
  };
  if (format === "json")
    return { stdout: renderJson({ summary, folders: library.folders, files: reports }), exitCode };
  const lang = context.labelLang;
  const lines = library.problems.map((problem) => describeProblem(problem));
  // Under --strict a warning is a problem like any other; without it, it only says what to check.
  const prefix = flags.strict ? "" : `${say(lang, "error.warningPrefix")}: `;
  for (const report of reports) {
    for (const { field, message } of report.warnings)
      lines.push(neutralizeInline(`${prefix}${displayPath(report.file)}: ${field}: ${message}`));
  }
  // Not problems: a later folder's profile replacing an earlier one is how folders are meant to work.
  for (const role of overridden) {
    const earlier = role.overrides.map((file) => displayPath(file)).join(", ");
    const note = say(lang, "validate.overrides", {
      file: displayPath(role.file),
      earlier,
      id: role.profile.id,
    });
    lines.push(neutralizeInline(note));
  }
  const details = counts(lang, summary.problems, warnings, flags.strict === true);
  const totals = {
    files: say(lang, "validate.files", { count: summary.files }),
    valid: summary.valid,
    invalid: summary.invalid,
    counts: details,
  };
  lines.push(say(lang, details === "" ? "validate.summary" : "validate.summaryCounts", totals));
  // Long lines wrap to the terminal, continued under a two-space indent.
  const fitted = lines.flatMap((line) => wrapIndented(line, context.output.width, "", "  "));
  return { stdout: `${fitted.join("\n")}\n`, exitCode };
}
