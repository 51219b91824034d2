/**
 * What was wrong with what the core was asked, as plain data. The core names no command, option
 * or example: whoever called it words the error for its reader (the command line in
 * commands/usage-errors.ts, with its hints and exit codes).
 */
export abstract class DomainError extends Error {
  constructor(description: string) {
    super(description);
    this.name = new.target.name;
  }
}

/** What a name was looked up as: a role only, or a role or else a career position. */
export type LookedUpAs = "role" | "roleOrPosition";

/** What the core is given as free text. */
export type TextInput = "roleName" | "query";

/** A role name or search query that is empty once trimmed. */
export class EmptyInputError extends DomainError {
  constructor(readonly input: TextInput) {
    super(`the ${input} is empty`);
  }
}

/** A role name or search query longer than the core reads. */
export class InputTooLongError extends DomainError {
  constructor(
    readonly input: TextInput,
    readonly max: number,
  ) {
    super(`the ${input} is longer than ${max} characters`);
  }
}

/**
 * A name that fits more than one thing: the names of several roles (`roles`), a position that
 * several roles stand for (`rolesOfPosition`), or the names of several positions (`positions`).
 */
export class AmbiguousNameError extends DomainError {
  constructor(
    /** The name as given, trimmed. */
    readonly given: string,
    readonly among: "roles" | "rolesOfPosition" | "positions",
    /** The ids of the roles or positions it fits. */
    readonly ids: string[],
  ) {
    super(`${JSON.stringify(given)} fits several ${among}: ${ids.join(", ")}`);
  }
}

/** A name that nothing answers to. */
export class NameNotFoundError extends DomainError {
  constructor(
    /** The name as given, trimmed. */
    readonly given: string,
    readonly lookedUpAs: LookedUpAs,
    /** The ids of the roles and positions nearest the name, closest first (none when nothing is near). */
    readonly suggestions: string[],
  ) {
    super(`nothing answers to ${JSON.stringify(given)} as a ${lookedUpAs}`);
  }
}

/** A setting of a request given a value outside the ones allowed. */
export class InvalidChoiceError extends DomainError {
  constructor(
    /** Which setting: the language roles are written in, the level, or the sort key. */
    readonly setting: "writtenIn" | "level" | "sort",
    readonly value: string,
    readonly allowed: readonly string[],
  ) {
    super(`${setting} cannot be ${JSON.stringify(value)}; allowed: ${allowed.join(", ")}`);
  }
}

/** Fewer or more roles to compare than a comparison takes. */
export class RoleCountError extends DomainError {
  constructor(
    readonly count: number,
    readonly min: number,
    readonly max: number,
  ) {
    super(`${count} roles given; a comparison takes ${min} to ${max}`);
  }
}

/** One role named twice in a request, by the same name or by two of its names. */
export class RepeatedRoleError extends DomainError {
  constructor(
    /** The first name given for the role, trimmed. */
    readonly first: string,
    /** The later name given for it, trimmed. */
    readonly again: string,
    readonly id: string,
  ) {
    super(`${JSON.stringify(first)} and ${JSON.stringify(again)} are both the role ${id}`);
  }
}
