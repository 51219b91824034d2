import { type Command, Option } from "commander";
import type { CommandContext, CommandResult } from "./context.js";

/** Options every command accepts, before or after the command name. */
export interface CommonFlags {
  data?: string[];
  strict?: boolean;
  color?: boolean;
  lang?: string;
  /** false with --no-cache. */
  cache?: boolean;
}

/** Where a data command's output goes: -o, --output and --no-pager. */
export interface DeliveryFlags {
  output?: string;
  /** false with --no-pager. */
  pager?: boolean;
}

/** What a command's registration gets from the entry point. */
export interface CommandKit {
  /** Options given before the command name. */
  globals(): CommonFlags;
  /** The context for a run, from the command's own flags and the label-language flag in force. */
  context(local: CommonFlags & DeliveryFlags, labelFlag: string | undefined): CommandContext;
  /** Runs a command body and hands its result to the entry point to print, page or write to a file. */
  run(produce: () => CommandResult | Promise<CommandResult>, delivery?: DeliveryFlags): Promise<void>;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function addCommonOptions(command: Command): Command {
  command
    .option("--data <dir>", "add a profile folder (repeatable); later folders override earlier ones", collect)
    .option("--strict", "exit 3 when any profile file is invalid")
    .option("--no-cache", "read every profile file afresh, without the profile cache")
    .option("--color", "colour the output even when it is not a terminal")
    .option("--no-color", "never colour the output")
    .option("--lang <code>", "language of the interface and of concept labels: en, da, sv, nb, fi");
  return command;
}

/** --format with the command's formats, and -o, --output (and --no-pager for commands people read). */
export function addOutputOptions(command: Command, formats: readonly string[], pager: boolean): Command {
  command
    .addOption(new Option("--format <format>", `output format: ${formats.join(", ")}`))
    .option("-o, --output <file>", "write the output to this file (replaced whole, never half-written)");
  if (pager)
    command.option("--no-pager", "print long output directly, without $CSROLES_PAGER, $PAGER or less");
  return command;
}

export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join("\n")}\n`;
}
