import type { Problem } from "../core/problem.js";
import { ExitCode } from "../errors.js";
import { describeProblem } from "../io/describe-problem.js";
import { renderJson } from "../render/json.js";
import type { CommandContext, CommandResult } from "./context.js";
import { resolveFormat } from "./output-format.js";

export interface ValidateFlags {
  json?: boolean;
  format?: string;
}

/** One file's verdict; also the JSON shape (docs/json-output.md). */
export interface FileReport {
  file: string;
  valid: boolean;
  id?: string;
  problems: { line?: number; field: string; message: string }[];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export function runValidate(flags: ValidateFlags, context: CommandContext): CommandResult {
  const format = resolveFormat(flags, ["table", "json"]);
  const library = context.inspectLibrary();
  const byFile = new Map<string, Problem[]>();
  for (const problem of library.problems)
    byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  const idByFile = new Map(library.roles.map((p) => [p.file, p.profile.id]));
  const reports: FileReport[] = library.files.map((file) => {
    const problems = byFile.get(file) ?? [];
    const id = idByFile.get(file);
    return {
      file,
      valid: problems.length === 0,
      ...(id ? { id } : {}),
      problems: problems.map(({ line, field, message }) => ({ ...(line ? { line } : {}), field, message })),
    };
  });
  // Problems not tied to a listed file (an unreadable folder) still count.
  for (const [file, problems] of byFile) {
    if (!library.files.includes(file)) reports.push({ file, valid: false, problems });
  }
  const invalid = reports.filter((r) => !r.valid).length;
  const exitCode = invalid > 0 ? ExitCode.data : ExitCode.ok;
  const summary = {
    files: reports.length,
    valid: reports.length - invalid,
    invalid,
    problems: library.problems.length,
  };
  if (format === "json")
    return { stdout: renderJson({ summary, folders: library.folders, files: reports }), exitCode };
  const lines = library.problems.map((problem) => describeProblem(problem));
  lines.push(
    `${plural(summary.files, "profile file")} checked: ${summary.valid} valid, ${summary.invalid} invalid` +
      (summary.problems > 0 ? ` (${plural(summary.problems, "problem")})` : ""),
  );
  return { stdout: `${lines.join("\n")}\n`, exitCode };
}
