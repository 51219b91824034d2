import { MAX_COMPARED } from "../core/compare/resolve-roles.js";
import { UsageError } from "../errors.js";
import { choosePager } from "../io/choose-pager.js";
import { message } from "../messages/translate.js";
import { resolveWidth } from "../render/output-context.js";
import { positionNames } from "../render/position-names.js";
import { PROFILE_SECTIONS, renderProfileText } from "../render/profile-text.js";
import type { CommandContext, CommandResult } from "./context.js";

/** The terminal the picker runs on. */
export interface PickTerminal {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

function notATerminal(): UsageError {
  return new UsageError(message("error.notATerminal"), message("error.notATerminalHint"));
}

/**
 * The interactive picker. It refuses at once when stdin or stdout is not a terminal: given a
 * pipe the prompts would answer themselves with the first choice, given /dev/null they would fail.
 * The prompts (@inquirer/prompts) and the other commands are imported only after that check.
 */
export async function runPick(
  context: CommandContext,
  terminal: PickTerminal = { stdin: process.stdin, stdout: process.stdout },
): Promise<CommandResult> {
  if (!terminal.stdin.isTTY || !terminal.stdout.isTTY) throw notATerminal();
  const library = context.library();
  const [{ runPicker }, screens, { runCompare }, { runSearch }, { runGap }] = await Promise.all([
    import("../picker/session.js"),
    import("../picker/screens.js"),
    import("./compare.js"),
    import("./search.js"),
    import("./gap.js"),
  ]);
  const withOutput = (output: CommandContext["output"]): CommandContext => ({ ...context, output });
  // Esc and Ctrl-C are keys, handled by the picker itself. A SIGINT or SIGTERM sent from outside
  // may come while a prompt hides the cursor: while the picker waits for keys, the entry point
  // restores it on the way out.
  const release = context.onExit(() => terminal.stdout.write("\u001b[?25h"));
  try {
    await runPicker({
      roles: library.roles,
      vocabulary: library.vocabulary,
      labelLang: context.labelLang,
      output: () => ({
        ...context.output,
        width: resolveWidth({ isTTY: true, columns: terminal.stdout.columns, env: context.env }),
      }),
      rows: () => terminal.stdout.rows,
      write: (text) => terminal.stdout.write(text),
      page: async (text) => {
        const command = choosePager(text, { isTTY: true, rows: terminal.stdout.rows, env: context.env });
        if (command === undefined) return false;
        // child_process loads only when a profile is paged (pick without a terminal never loads it).
        const { pageText } = await import("../io/pager.js");
        return pageText(text, command, context.env);
      },
      screens,
      maxCompared: MAX_COMPARED,
      actions: {
        show: (role, output) =>
          renderProfileText(library.profile(role).profile, library.vocabulary, {
            sections: PROFILE_SECTIONS,
            lang: context.labelLang,
            positions: positionNames(context),
            output,
          }),
        compare: (roles, output) =>
          runCompare(
            roles.map((role) => role.profile.id),
            {},
            withOutput(output),
          ).stdout,
        search: (query, output) => runSearch([query], {}, withOutput(output)).stdout,
        gap: (from, to, output) => runGap(from.profile.id, to.profile.id, {}, withOutput(output)).stdout,
      },
    });
  } finally {
    release();
  }
  return { stdout: "" };
}
