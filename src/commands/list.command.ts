import type { Command } from "commander";
import {
  addCommonOptions,
  addOutputOptions,
  type CommandKit,
  type CommonFlags,
  type DeliveryFlags,
  examples,
} from "./command-kit.js";
import type { ListFlags } from "./list.js";
import { COMMAND_FORMATS } from "./output-format.js";

export function registerList(program: Command, kit: CommandKit): void {
  addCommonOptions(
    addOutputOptions(
      program
        .command("list")
        .description("list the roles: id, title, English title, language, level, number of skills and tools")
        .option(
          "--written-in <code>",
          "only roles whose profile is written in this language (en, da, sv, nb, fi)",
        )
        .option(
          "--level <level>",
          "only roles at this level (entry, mid-level, management, senior-leadership…)",
        )
        .option("--sort <key>", "sort by id, title, title_en, lang or level", "id"),
      COMMAND_FORMATS.list,
      true,
    )
      .option("--json", "JSON output (see docs/json-output.md)")
      .option("--csv", "CSV output")
      .option("--markdown", "Markdown table"),
  )
    .addHelpText(
      "after",
      examples(
        "csroles list",
        "csroles list --written-in sv --json",
        "csroles list --csv > roles.csv",
        "csroles list --lang da --level management",
      ),
    )
    .action((flags: CommonFlags & DeliveryFlags & ListFlags) =>
      kit.run(async () => {
        const { runList } = await import("./list.js");
        return runList(flags, kit.context(flags, flags.lang ?? kit.globals().lang));
      }, flags),
    );
}
