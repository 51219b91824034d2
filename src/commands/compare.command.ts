import type { Command } from "commander";
import {
  addCommonOptions,
  addOutputOptions,
  type CommandKit,
  type CommonFlags,
  collect,
  type DeliveryFlags,
  examples,
} from "./command-kit.js";
import type { CompareFlags } from "./compare.js";
import { COMMAND_FORMATS } from "./output-format.js";

export function registerCompare(program: Command, kit: CommandKit): void {
  addCommonOptions(
    addOutputOptions(
      program
        .command("compare")
        .description(
          "compare 2 to 6 roles side by side: career paths aligned by stage, skills, tools by category, similarity",
        )
        .argument("<roles...>", "2 to 6 roles, each an id, alias or title in any language")
        .option("--only <section>", "only this section (repeatable): career, skills, tools", collect),
      COMMAND_FORMATS.compare,
      true,
    )
      .option("--json", "JSON output (shape in docs/compare.md)")
      .option("--csv", "CSV output, one table with a leading section column")
      .option("--markdown", "Markdown for reports")
      .option("--html", "a printable HTML page for A4 landscape (one self-contained file)"),
  )
    .addHelpText(
      "after",
      examples(
        "csroles compare customer-service-team-lead customer-support-manager",
        "csroles compare CSE kundtjänstteamledare --only career",
        "csroles compare CSE kundtjänstteamledare --lang en --only career",
        "csroles compare CSE Kundesupportchef --json | jq .skills.summary",
        "csroles compare CSE Kundesupportchef --csv > comparison.csv",
        "csroles compare CSE Kundesupportchef kundtjänstteamledare --html -o comparison.html",
      ) +
        "\nPosition names are as each profile writes them; with --lang (or CSROLES_LANG)\n" +
        "they are the shared names in that language, as in 'csroles show'.\n",
    )
    .action((roles: string[], flags: CommonFlags & DeliveryFlags & CompareFlags) =>
      kit.run(async () => {
        const { runCompare } = await import("./compare.js");
        return runCompare(roles, flags, kit.context(flags, flags.lang ?? kit.globals().lang));
      }, flags),
    );
}
