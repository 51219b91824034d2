import type { Command } from "commander";
import { addCommonOptions, type CommandKit, type CommonFlags, examples } from "./command-kit.js";

export function registerPick(program: Command, kit: CommandKit): void {
  addCommonOptions(
    program
      .command("pick")
      .description(
        "interactive role picker (needs a terminal): type a few letters of a title in any language, " +
          "choose a role, then show it, compare it with other roles, or search skills and tools",
      ),
  )
    .addHelpText(
      "after",
      examples("csroles pick", "csroles pick --lang sv", "NO_COLOR=1 csroles pick") +
        "\nKeys: type to filter, ↑↓ move, ⏎ choose, Esc or Ctrl-C quit (exit 130); in the compare\n" +
        "list also space tick, Ctrl-A tick all shown, Ctrl-R invert. A long profile is paged.\n" +
        "Without a terminal (a pipe, a file, /dev/null) pick exits 2: use list, show,\n" +
        "search and compare there.\n",
    )
    .action((flags: CommonFlags) =>
      kit.run(async () => {
        const { runPick } = await import("./pick.js");
        return runPick(kit.context(flags, flags.lang ?? kit.globals().lang));
      }),
    );
}
