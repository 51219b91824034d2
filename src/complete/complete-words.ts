// Shell completion, as pure functions: the command tree comes from commander's own definitions
// (describeProgram), the names from the library at completion time, and completeWords answers for
// a command line. The shell scripts (shell-scripts.ts) only pass the words and show the answer.
import type { Command } from "commander";

/** One option as completion needs it. */
export interface OptionSpec {
  /** Every spelling: "-o", "--output". */
  names: string[];
  takesValue: boolean;
  /** Values commander itself checks (Option.choices), if any. */
  choices?: readonly string[];
}

export interface CommandSpec {
  name: string;
  options: OptionSpec[];
}

export interface ProgramSpec {
  /** Options before the command name. */
  options: OptionSpec[];
  commands: CommandSpec[];
}

function optionsOf(command: Command): OptionSpec[] {
  return command
    .createHelp()
    .visibleOptions(command)
    .map((option) => ({
      names: [option.short, option.long].filter((name): name is string => name !== undefined),
      takesValue: option.required || option.optional,
      ...(option.argChoices ? { choices: option.argChoices } : {}),
    }));
}

/** The commands and options as commander defines them (hidden ones left out, `help` included). */
export function describeProgram(program: Command): ProgramSpec {
  return {
    options: optionsOf(program),
    commands: program
      .createHelp()
      .visibleCommands(program)
      .map((command) => ({ name: command.name(), options: optionsOf(command) })),
  };
}

/** How the shell should complete the current word. */
export type CompletionMode = "words" | "files" | "dirs";

export interface Completion {
  mode: CompletionMode;
  /** Candidates for "words", already narrowed to those starting with the current word. */
  words: string[];
}

/** Where completion is on the command line, read from the words before the current one. */
export interface LinePosition {
  /** The command, once its name has been typed. */
  command: string | undefined;
  /** Operands of the command typed so far (role names, say). */
  operands: string[];
  /** Profile folders given with --data so far. */
  dataDirs: string[];
}

const findOption = (options: OptionSpec[], name: string) => options.find((o) => o.names.includes(name));

/** Reads the words before the current one: which command, which operands, which --data folders. */
export function readLine(spec: ProgramSpec, before: string[]): LinePosition {
  const position: LinePosition = { command: undefined, operands: [], dataDirs: [] };
  let afterDashes = false;
  for (let i = 0; i < before.length; i++) {
    const word = before[i] as string;
    const command = spec.commands.find((c) => c.name === position.command);
    if (afterDashes || !word.startsWith("-") || word === "-") {
      if (position.command === undefined && spec.commands.some((c) => c.name === word))
        position.command = word;
      else if (position.command !== undefined) position.operands.push(word);
      continue;
    }
    if (word === "--") {
      afterDashes = true;
      continue;
    }
    const [name = word, inline] = word.split(/=(.*)/s);
    const option = findOption(command?.options ?? spec.options, name);
    if (!option?.takesValue) continue;
    const value = inline ?? before[++i];
    if (name === "--data" && value !== undefined) position.dataDirs.push(value);
  }
  return position;
}

/** Names from the library and the vocabulary, asked for only when a completion needs them. */
export interface CompletionNames {
  /** Role ids and aliases. */
  roles(): string[];
  /** Position ids on the career paths (show, gap and graph take them). */
  positions(): string[];
  /** Level ids. */
  levels(): string[];
}

/** Values of option values that come from the project's own lists (never from the shell scripts). */
export interface ValueLists {
  languages: readonly string[];
  formats: Readonly<Record<string, readonly string[]>>;
  sortKeys: readonly string[];
  profileSections: readonly string[];
  compareSections: readonly string[];
  shells: readonly string[];
}

/** What an option's value may be, for the command it is given to. */
function optionValues(
  name: string,
  option: OptionSpec,
  command: string | undefined,
  lists: ValueLists,
  names: CompletionNames,
): Completion | string[] {
  if (option.choices) return [...option.choices];
  switch (name) {
    case "--data":
      return { mode: "dirs", words: [] };
    case "-o":
    case "--output":
      return { mode: "files", words: [] };
    case "--lang":
      return [...lists.languages];
    case "--format":
      return [...(lists.formats[command ?? ""] ?? [])];
    case "--sort":
      return [...lists.sortKeys];
    case "--level":
      return names.levels();
    case "--section":
      return [...lists.profileSections];
    case "--only":
      return [...lists.compareSections];
    case "--from":
    case "--to":
      return [...names.roles(), ...names.positions()];
    case "--role":
      return names.roles();
    default:
      return [];
  }
}

/** Operands a command takes: roles for show and compare, and so on. */
function operandValues(
  position: LinePosition,
  spec: ProgramSpec,
  lists: ValueLists,
  names: CompletionNames,
): Completion | string[] {
  switch (position.command) {
    case "show":
      return position.operands.length === 0 ? [...names.roles(), ...names.positions()] : [];
    case "compare":
      return names.roles().filter((name) => !position.operands.includes(name));
    case "gap":
      return position.operands.length < 2 ? [...names.roles(), ...names.positions()] : [];
    case "validate":
      return { mode: "dirs", words: [] };
    case "completion":
      return position.operands.length === 0 ? [...lists.shells] : [];
    case "help":
      return position.operands.length === 0 ? spec.commands.map((c) => c.name) : [];
    default:
      return [];
  }
}

function narrowed(found: Completion | string[], current: string, prefix = ""): Completion {
  if (!Array.isArray(found)) return found;
  const words = [...new Set(found)]
    .filter((word) => word.startsWith(current))
    .sort()
    .map((word) => prefix + word);
  return { mode: "words", words };
}

/**
 * Candidates for the last word of `words` (the words after `csroles`; the last one is the word
 * being completed, "" when a new word is started).
 */
export function completeWords(
  spec: ProgramSpec,
  words: string[],
  lists: ValueLists,
  names: CompletionNames,
): Completion {
  const before = words.slice(0, -1);
  const current = words.at(-1) ?? "";
  const position = readLine(spec, before);
  const command = spec.commands.find((c) => c.name === position.command);
  const options = command?.options ?? spec.options;
  const afterDashes = before.includes("--");
  const previous = before.at(-1);
  const wanting =
    previous?.startsWith("-") && !previous.includes("=") ? findOption(options, previous) : undefined;
  if (!afterDashes && wanting?.takesValue && previous !== undefined)
    return narrowed(optionValues(previous, wanting, position.command, lists, names), current);
  if (!afterDashes && current.startsWith("-")) {
    const [name = current, value] = current.split(/=(.*)/s);
    const withValue = value === undefined ? undefined : findOption(options, name);
    if (withValue?.takesValue && value !== undefined)
      return narrowed(optionValues(name, withValue, position.command, lists, names), value, `${name}=`);
    return narrowed(
      options.flatMap((o) => o.names.filter((n) => n.startsWith("--") || o.names.length === 1)),
      current,
    );
  }
  if (!command)
    return narrowed(
      spec.commands.map((c) => c.name),
      current,
    );
  return narrowed(operandValues(position, spec, lists, names), current);
}
