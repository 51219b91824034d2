import { type Command, Option } from "commander";
import { addCommonOptions, type CommandKit, type CommonFlags, collect, examples } from "./command-kit.js";
import type { ShowFlags } from "./show.js";

export function registerShow(program: Command, kit: CommandKit): void {
  addCommonOptions(
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
      )
      .addOption(new Option("--format <format>", "output format: table (text) or json"))
      .option("--json", "the whole structured profile as JSON"),
  )
    .addHelpText(
      "after",
      examples(
        "csroles show customer-support-manager",
        "csroles show kundtjanstteamledare --section career",
        "csroles show støtteagent",
        "csroles show CSE --json | jq '.skills[].skill'",
      ),
    )
    .action((role: string, flags: CommonFlags & ShowFlags) =>
      kit.run(async () => {
        const { runShow } = await import("./show.js");
        return runShow(role, flags, kit.context(flags, flags.lang ?? kit.globals().lang));
      }),
    );
}
