import type { Command } from "commander";
import {
  addCommonOptions,
  addOutputOptions,
  type CommandKit,
  type CommonFlags,
  type DeliveryFlags,
  examples,
} from "./command-kit.js";
import { COMMAND_FORMATS } from "./output-format.js";
import type { ValidateFlags } from "./validate.js";

export function registerValidate(program: Command, kit: CommandKit): void {
  addCommonOptions(
    addOutputOptions(
      program
        .command("validate")
        .description(
          "check the built-in profiles and the given folders; report every problem with file, line and field",
        )
        .argument("[dir...]", "profile folders to check besides the built-in ones (same as --data)"),
      COMMAND_FORMATS.validate,
      false,
    ).option("--json", "the report as JSON"),
  )
    .addHelpText(
      "after",
      `${examples(
        "csroles validate",
        "csroles validate ./my-profiles",
        "csroles validate --data ./a --data ./b --json",
      )}\nExit status: 0 when every profile is valid, 3 otherwise. A skill or tool whose wording the\nvocabulary does not know for its concept is a warning; under --strict, an error.\n`,
    )
    .action((dirs: string[], flags: CommonFlags & DeliveryFlags & ValidateFlags) =>
      kit.run(async () => {
        const { runValidate } = await import("./validate.js");
        const local = { ...flags, data: [...(flags.data ?? []), ...dirs] };
        const context = kit.context(local, flags.lang ?? kit.globals().lang);
        return runValidate(
          { ...flags, strict: flags.strict === true || kit.globals().strict === true },
          context,
        );
      }, flags),
    );
}
