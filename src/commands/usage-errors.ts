import {
  AmbiguousNameError,
  DomainError,
  EmptyInputError,
  InputTooLongError,
  InvalidChoiceError,
  NameNotFoundError,
  RepeatedRoleError,
  RoleCountError,
} from "../core/domain-errors.js";
import { UnknownNameError, UsageError } from "../errors.js";
import { message } from "../messages/translate.js";

const COMPARE_EXAMPLE = "csroles compare customer-service-team-lead customer-support-manager";

/** A name as an error quotes it: in double quotes, cut after 60 characters. */
function quotedName(name: string): string {
  return JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name);
}

function unknownName(error: NameNotFoundError): UnknownNameError {
  const ids = error.suggestions.join(", ");
  const near = error.suggestions.length > 0;
  if (error.lookedUpAs === "role") {
    return new UnknownNameError(
      message("error.roleUnknown", { name: quotedName(error.given) }),
      near ? message("error.roleUnknownHint", { ids }) : message("error.roleUnknownListHint"),
      error.suggestions,
    );
  }
  return new UnknownNameError(
    message("position.unknown", { name: quotedName(error.given) }),
    near ? message("position.unknownHint", { ids }) : message("position.unknownListHint"),
    error.suggestions,
  );
}

const AMBIGUOUS = {
  roles: "error.roleAmbiguous",
  rolesOfPosition: "position.fitsRoles",
  positions: "position.ambiguous",
} as const;

const INVALID_CHOICE = {
  writtenIn: (value: string) => message("error.unknownLanguage", { value, option: "--written-in" }),
  level: (level: string) => message("error.unknownLevel", { level }),
  sort: (value: string) => message("error.badSort", { value }),
} as const;

/**
 * A domain error of the core as the command line tells it: the message in the reader's language,
 * the hint that says which command or option helps, and exit code 2.
 */
export function usageErrorFor(error: DomainError): UsageError {
  if (error instanceof NameNotFoundError) return unknownName(error);
  if (error instanceof AmbiguousNameError) {
    return new UsageError(
      message(AMBIGUOUS[error.among], { name: quotedName(error.given), ids: error.ids.join(", ") }),
      message("error.roleAmbiguousHint"),
    );
  }
  if (error instanceof EmptyInputError) {
    return error.input === "roleName"
      ? new UsageError(message("error.roleEmpty"), message("error.roleEmptyHint"))
      : new UsageError(message("error.queryEmpty"), message("error.queryEmptyHint"));
  }
  if (error instanceof InputTooLongError) {
    return error.input === "roleName"
      ? new UsageError(message("error.roleTooLong", { max: error.max }))
      : new UsageError(message("error.queryTooLong", { max: error.max }), message("error.queryTooLongHint"));
  }
  if (error instanceof InvalidChoiceError) {
    return new UsageError(
      INVALID_CHOICE[error.setting](error.value),
      message("error.useOneOf", { values: error.allowed.join(", ") }),
    );
  }
  if (error instanceof RoleCountError) {
    if (error.count > error.max) {
      return new UsageError(
        message("error.compareTooMany", { max: error.max, count: error.count }),
        message("error.compareTooManyHint"),
      );
    }
    return new UsageError(
      message(error.count === 0 ? "error.compareNone" : "error.compareOne", { min: error.min }),
      message("error.compareTooFewHint", { min: error.min, max: error.max, example: COMPARE_EXAMPLE }),
    );
  }
  if (error instanceof RepeatedRoleError) {
    const first = JSON.stringify(error.first);
    const again = JSON.stringify(error.again);
    return new UsageError(
      first === again
        ? message("error.compareTwice", { name: first })
        : message("error.compareSameRole", { first, again, id: error.id }),
      message("error.compareSameRoleHint"),
    );
  }
  throw new Error(`no usage error for ${error.name}`);
}

/** A caught error as a command throws it: a domain error as its usage error, anything else as it is. */
export function asUsageError(error: unknown): unknown {
  return error instanceof DomainError ? usageErrorFor(error) : error;
}

/**
 * Runs `action`, a call into the core, turning its domain errors into usage errors: a command
 * throws only the errors of errors.ts, which the entry point and the picker show.
 */
export function withUsageErrors<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw asUsageError(error);
  }
}
