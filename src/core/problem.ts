/** One thing wrong with one profile file. Printed as `file:line: field: message`. */
export interface Problem {
  file: string;
  /** 1-based line in the file, where it can be known. */
  line?: number;
  /** Dotted path of the field (`skills[2].skill`), or a pseudo-field such as `file` or `front-matter`. */
  field: string;
  message: string;
}

export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return `${where}: ${problem.field}: ${problem.message}`;
}

/** Thrown inside the loader for a problem that stops one file; always caught per file. */
export class ProblemError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}
