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
import type { GraphFlags } from "./graph.js";
import { GRAPH_FORMATS } from "./output-format.js";

export function registerGraph(program: Command, kit: CommandKit): void {
  addCommonOptions(
    addOutputOptions(
      program
        .command("graph")
        .description(
          "every ladder of the library as one career graph: positions, and the steps the ladders describe",
        ),
      GRAPH_FORMATS,
      true,
    )
      .option("--json", "nodes and edges as JSON (shape in docs/json-output.md)")
      .option("--from <place>", "mark the way up from this role or position (with --to)")
      .option("--to <place>", "mark the way up to this role or position (with --from)")
      .option("--role <role>", "only this profile's ladder (repeatable)", collect),
  )
    .addHelpText(
      "after",
      examples(
        "csroles graph",
        "csroles graph --from support-agent --to customer-service-operations-manager",
        "csroles graph --format mermaid > career.mmd",
        "csroles graph --format dot | dot -Tsvg > career.svg",
        "csroles graph --role CSE --role kundesupportchef --lang sv",
        "csroles graph --json | jq '.edges | length'",
      ),
    )
    .action((flags: CommonFlags & DeliveryFlags & GraphFlags) =>
      kit.run(async () => {
        const { runGraph } = await import("./graph.js");
        return runGraph(flags, kit.context(flags, flags.lang ?? kit.globals().lang));
      }, flags),
    );
}
