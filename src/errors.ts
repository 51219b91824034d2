import { type Message, sayMessage } from "./messages/translate.js";

/** Exit codes are part of csroles' contract with scripts; see README "Exit codes". */
export const ExitCode = {
  ok: 0,
  noMatch: 1,
  usage: 2,
  data: 3,
  writeFailed: 74,
  interrupted: 130,
  terminated: 143,
} as const;

/**
 * An expected failure: printed as one line (`csroles: message`) plus an optional hint, never a
 * stack. Message and hint are catalogue messages, said in the reader's language when printed;
 * `message` and `hint` hold them in English.
 */
export class CsrolesError extends Error {
  readonly hint: string | undefined;

  constructor(
    readonly text: Message | string,
    readonly exitCode: number,
    readonly hintText?: Message | string,
  ) {
    super(sayMessage("en", text));
    this.name = new.target.name;
    this.hint = hintText === undefined ? undefined : sayMessage("en", hintText);
  }
}

/** Bad command line: unknown command or option, missing or invalid argument, unknown role. */
export class UsageError extends CsrolesError {
  constructor(message: Message | string, hint?: Message | string) {
    super(message, ExitCode.usage, hint);
  }
}

/** A role (or career position) that nothing in the library answers to; the hint says what is near. */
export class UnknownNameError extends UsageError {
  constructor(
    message: Message | string,
    hint: Message | string,
    /** The ids the hint suggests, closest first. */
    readonly suggestions: string[],
  ) {
    super(message, hint);
  }
}

/** No usable profile, or invalid profiles under --strict / validate. */
export class DataError extends CsrolesError {
  constructor(message: Message | string, hint?: Message | string) {
    super(message, ExitCode.data, hint);
  }
}

/** A search that found nothing, reported like grep's exit 1. */
export class NoMatchError extends CsrolesError {
  constructor(message: Message | string, hint?: Message | string) {
    super(message, ExitCode.noMatch, hint);
  }
}

/** The output file given with -o, --output could not be written. */
export class OutputError extends CsrolesError {
  constructor(message: Message | string, hint?: Message | string) {
    super(message, ExitCode.writeFailed, hint);
  }
}

/** The user left an interactive prompt (Esc, Ctrl-C). */
export class InterruptedError extends CsrolesError {
  constructor(message: Message | string = { key: "error.interrupted" }) {
    super(message, ExitCode.interrupted);
  }
}
