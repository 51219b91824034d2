import { relative } from "node:path";
import { formatProblem, type Problem } from "../core/problem.js";
import { neutralizeInline } from "./neutralize.js";

/** A file path relative to the working folder when inside it, else as given. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel !== "" && !rel.startsWith("..") ? rel : file;
}

/** A problem as one safe line, with the file shown relative to the working folder when inside it. */
export function describeProblem(problem: Problem, cwd = process.cwd()): string {
  return neutralizeInline(formatProblem({ ...problem, file: displayPath(problem.file, cwd) }));
}
