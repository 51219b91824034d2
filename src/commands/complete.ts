import type { Command } from "commander";
import { completeWords, describeProgram, readLine } from "../complete/complete-words.js";
import { COMPLETION_SCRIPTS, SHELLS, type Shell } from "../complete/shell-scripts.js";
import { COMPARE_SECTIONS } from "../core/compare/types.js";
import { SORT_KEYS } from "../core/list-roles.js";
import { LANGUAGES } from "../core/profile.js";
import { UsageError } from "../errors.js";
import { PROFILE_SECTIONS } from "../render/profile-text.js";
import type { CommandContext, CommandResult } from "./context.js";
import { COMMAND_FORMATS, GRAPH_FORMATS } from "./output-format.js";

export function runCompletionScript(shell: string): CommandResult {
  if (!(SHELLS as readonly string[]).includes(shell))
    throw new UsageError(`no completion for the shell '${shell}'`, `use one of ${SHELLS.join(", ")}`);
  return { stdout: COMPLETION_SCRIPTS[shell as Shell] };
}

/**
 * Answers a completion script: the mode on the first line, then the candidates. The library is
 * loaded only when roles or levels are asked for, with the --data folders of the command line,
 * and without reporting its problems (the answer must never disturb the prompt).
 */
export function runComplete(
  words: string[],
  program: Command,
  contextFor: (dataDirs: string[]) => CommandContext,
): CommandResult {
  const spec = describeProgram(program);
  const line = words.length === 0 ? [""] : words;
  let library: ReturnType<CommandContext["inspectLibrary"]> | undefined;
  const loaded = () => {
    library ??= contextFor(readLine(spec, line.slice(0, -1)).dataDirs).inspectLibrary();
    return library;
  };
  const completion = completeWords(
    spec,
    line,
    {
      languages: LANGUAGES,
      formats: { ...COMMAND_FORMATS, graph: GRAPH_FORMATS },
      sortKeys: SORT_KEYS,
      profileSections: PROFILE_SECTIONS,
      compareSections: COMPARE_SECTIONS,
      shells: SHELLS,
    },
    {
      roles: () => loaded().roles.flatMap((role) => [role.profile.id, ...role.profile.aliases]),
      // Every position a ladder lists, with or without a profile of its own (show and gap take both).
      positions: () =>
        loaded().roles.flatMap(({ profile }) => [
          profile.position,
          ...profile.positions.map((p) => p.position),
        ]),
      levels: () => loaded().vocabulary.vocabulary.levels.map((level) => level.id),
    },
  );
  return { stdout: [completion.mode, ...completion.words].map((word) => `${word}\n`).join("") };
}
