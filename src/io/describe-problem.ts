import { relative } from "node:path";
import { formatProblem, type Problem } from "../core/problem.js";
import { neutralizeInline } from "../render/neutralize.js";

/** A problem as one safe line, with the file shown relative to the working folder when inside it. */
export function describeProblem(problem: Problem, cwd = process.cwd()): string {
  const rel = relative(cwd, problem.file);
  const file = rel !== "" && !rel.startsWith("..") ? rel : problem.file;
  return neutralizeInline(formatProblem({ ...problem, file }));
}
