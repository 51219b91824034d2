import type { Command } from "commander";
import { type CommandKit, examples } from "./command-kit.js";

/** `completion <shell>` prints a completion script; the hidden `__complete` answers it. */
export function registerCompletion(program: Command, kit: CommandKit): void {
  program
    .command("completion")
    .description("print the shell completion script for bash, zsh or fish")
    .argument("<shell>", "bash, zsh or fish")
    .addHelpText(
      "after",
      `${examples(
        "echo 'source <(csroles completion bash)' >> ~/.bashrc",
        "echo 'source <(csroles completion zsh)' >> ~/.zshrc",
        "csroles completion fish > ~/.config/fish/completions/csroles.fish",
      )}\nCommands, options, their values, role ids and aliases complete with Tab.\n`,
    )
    .action((shell: string) =>
      kit.run(async () => {
        const { runCompletionScript } = await import("./complete.js");
        return runCompletionScript(shell);
      }),
    );
  // The one entry point the scripts call: `csroles __complete -- <words…>`, the last word the one
  // being completed. Not in the help: it is for the scripts.
  program
    .command("__complete", { hidden: true })
    .argument("[words...]")
    .helpOption(false)
    .allowUnknownOption()
    .action((words: string[]) =>
      kit.run(async () => {
        const { runComplete } = await import("./complete.js");
        return runComplete(words, program, (dataDirs) => kit.context({ data: dataDirs }, undefined));
      }),
    );
}
