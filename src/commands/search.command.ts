import { type Command, Option } from "commander";
import {
  addCommonOptions,
  addOutputOptions,
  type CommandKit,
  type CommonFlags,
  type DeliveryFlags,
  examples,
} from "./command-kit.js";
import { COMMAND_FORMATS } from "./output-format.js";
import type { SearchFlags } from "./search.js";

export function registerSearch(program: Command, kit: CommandKit): void {
  addCommonOptions(
    addOutputOptions(
      program
        .command("search")
        .description(
          "fuzzy search of every role's titles, ladder positions, responsibility areas and their text, skills, skill notes and tools, in any language, typos and missing diacritics included: which roles have each hit, names before running text, best match first",
        )
        .argument(
          "<query...>",
          "a role title, position, responsibility, skill or tool name, or several (words that form no name are searched one by one)",
        )
        .addOption(
          new Option(
            "--in <kind>",
            "search only roles, positions, responsibilities, skills or tools (default all)",
          ).choices(["skills", "tools", "roles", "positions", "responsibilities", "all"]),
        )
        .option("--limit <n>", "show at most n hits (default 10)"),
      COMMAND_FORMATS.search,
      false,
    )
      .option("--json", "JSON output (shape in docs/search.md)")
      .option("--csv", "CSV output, one row per role found")
      .option("--markdown", "Markdown table, one row per role found"),
  )
    .addHelpText(
      "after",
      examples(
        "csroles search zendesk",
        "csroles search empaty",
        "csroles search tålamod --lang sv",
        "csroles search crm zendesk",
        'csroles search "time management" --in skills',
        "csroles search kundeservice --in positions",
        'csroles search "team management" --in responsibilities',
        "csroles search confluense --json | jq -r '.results[0].roles[].id'",
      ) +
        "\nExit codes: 0 found, 1 nothing found, 2 usage error (e.g. an empty query).\n" +
        "A query starting with '-' goes after '--': csroles search -- -query.\n",
    )
    .action((words: string[], flags: CommonFlags & DeliveryFlags & SearchFlags) =>
      kit.run(async () => {
        const { runSearch } = await import("./search.js");
        return runSearch(words, flags, kit.context(flags, flags.lang ?? kit.globals().lang));
      }, flags),
    );
}
