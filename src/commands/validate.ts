import type { Problem } from "../core/problem.js";
import { findUnmappedEntries, type UnmappedEntry } from "../core/unmapped-entries.js";
import { ExitCode } from "../errors.js";
import { describeProblem, displayPath } from "../render/describe-problem.js";
import { renderJson } from "../render/json.js";
import { neutralizeInline } from "../render/neutralize.js";
import { wrapIndented } from "../render/wrap-text.js";
import type { CommandContext, CommandResult } from "./context.js";
import { resolveFormat } from "./output-format.js";

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

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** " (3 problems, 1 warning)" after the summary line; nothing when there are neither. */
function counts(problems: number, warnings: number, strict: boolean): string {
  const parts = [
    ...(problems > 0 ? [plural(problems, "problem")] : []),
    ...(warnings > 0 ? [plural(warnings, "warning")] : []),
  ];
  if (parts.length === 0) return "";
  return ` (${parts.join(", ")}${strict && warnings > 0 ? "; warnings are errors under --strict" : ""})`;
}

export function runValidate(flags: ValidateFlags, context: CommandContext): CommandResult {
  const format = resolveFormat(flags, ["table", "json"]);
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
  const lines = library.problems.map((problem) => describeProblem(problem));
  // Under --strict a warning is a problem like any other; without it, it only says what to check.
  const prefix = flags.strict ? "" : "warning: ";
  for (const report of reports) {
    for (const { field, message } of report.warnings)
      lines.push(neutralizeInline(`${prefix}${displayPath(report.file)}: ${field}: ${message}`));
  }
  // Not problems: a later folder's profile replacing an earlier one is how folders are meant to work.
  for (const role of overridden) {
    const earlier = role.overrides.map((file) => displayPath(file)).join(", ");
    lines.push(
      neutralizeInline(
        `note: ${displayPath(role.file)} overrides ${earlier} (id '${role.profile.id}'; a later folder wins)`,
      ),
    );
  }
  lines.push(
    `${plural(summary.files, "profile file")} checked: ${summary.valid} valid, ${summary.invalid} invalid` +
      counts(summary.problems, warnings, flags.strict === true),
  );
  // Long lines wrap to the terminal, continued under a two-space indent.
  const fitted = lines.flatMap((line) => wrapIndented(line, context.output.width, "", "  "));
  return { stdout: `${fitted.join("\n")}\n`, exitCode };
}
