import type { Command } from "commander";
import {
  addCommonOptions,
  addOutputOptions,
  type CommandKit,
  type CommonFlags,
  type DeliveryFlags,
  examples,
} from "./command-kit.js";
import type { GapFlags } from "./gap.js";
import { COMMAND_FORMATS } from "./output-format.js";

export function registerGap(program: Command, kit: CommandKit): void {
  addCommonOptions(
    addOutputOptions(
      program
        .command("gap")
        .description(
          "the transition brief from one role or career position to another: the path between, skills and tools to gain, responsibilities, growth advice and sources",
        )
        .argument("<from>", "a role (id, alias or title) or a career position (id or label), in any language")
        .argument("<to>", "a role or a career position"),
      COMMAND_FORMATS.gap,
      true,
    )
      .option("--json", "JSON output (shape in docs/json-output.md)")
      .option("--markdown", "a Markdown handout")
      .option("--html", "a printable HTML handout (one self-contained file)"),
  )
    .addHelpText(
      "after",
      examples(
        "csroles gap customer-service-executive customer-service-operations-manager",
        "csroles gap støtteagent Kundesupportchef",
        "csroles gap support-agent team-lead --lang da",
        "csroles gap CSE kundtjanstoperationschef --markdown > brief.md",
        "csroles gap CSE kundtjanstoperationschef --html -o brief.html",
        "csroles gap CSE customer-support-manager --json | jq '.skills.gain[].skill'",
      ) +
        "\nA position with no profile of its own (support-agent, supervisor) is known only from the " +
        "ladders that list it; the brief says what that leaves unknown.\n",
    )
    .action((from: string, to: string, flags: CommonFlags & DeliveryFlags & GapFlags) =>
      kit.run(async () => {
        const { runGap } = await import("./gap.js");
        return runGap(from, to, flags, kit.context(flags, flags.lang ?? kit.globals().lang));
      }, flags),
    );
}
