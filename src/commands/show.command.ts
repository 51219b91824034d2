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
import { COMMAND_FORMATS } from "./output-format.js";
import type { ShowFlags } from "./show.js";

export function registerShow(program: Command, kit: CommandKit): void {
  addCommonOptions(
    addOutputOptions(
      program
        .command("show")
        .description(
          "show one role profile (by id, alias or title in any language), or where a career position without a profile stands on the ladders",
        )
        .argument("<role>", "id, alias or title of the role, or a career position's id or label")
        .option(
          "--section <name>",
          "only this section (repeatable): overview, responsibilities, skills, tools, career, practices, notes",
          collect,
        ),
      COMMAND_FORMATS.show,
      true,
    )
      .option("--json", "the whole structured profile as JSON")
      .option("--html", "a printable HTML page of a role's profile (one self-contained file)"),
  )
    .addHelpText(
      "after",
      examples(
        "csroles show customer-support-manager",
        "csroles show kundtjanstteamledare --section career",
        "csroles show støtteagent",
        "csroles show CSE --json | jq '.skills[].skill'",
        "csroles show customer-support-manager --html -o handout.html",
      ),
    )
    .action((role: string, flags: CommonFlags & DeliveryFlags & ShowFlags) =>
      kit.run(async () => {
        const { runShow } = await import("./show.js");
        return runShow(role, flags, kit.context(flags, flags.lang ?? kit.globals().lang));
      }, flags),
    );
}
