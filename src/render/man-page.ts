// The manual page, man/csroles.1, written by the build (scripts/build-man-page.mjs) from the
// commander definitions (commands, arguments, options), and from the README: its opening, the
// exit codes and environment tables, and the example command lines. Nothing here is kept twice.
import type { Command, Option } from "commander";

/** Text for roff: backslashes escaped, hyphens as minus signs, no line starting as a request. */
export function roffText(text: string): string {
  return text
    .replace(/\\/g, "\\e")
    .replace(/-/g, "\\-")
    .split("\n")
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join("\n");
}

/** Markdown inline markup to plain text: code spans, emphasis, links, escaped pipes. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\\\|/g, "|")
    .trim();
}

/** The README's part under a `## heading`, up to the next heading of that level or higher. */
export function readmeSection(readme: string, heading: string): string {
  const lines = readme.split("\n");
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`README.md has no section '## ${heading}'`);
  const end = lines.findIndex((line, index) => index > start && /^#{1,2} /.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join("\n");
}

/** The rows of the first Markdown table in a text, as [first cell, second cell]. */
export function tableRows(markdown: string): [string, string][] {
  return markdown
    .split("\n")
    .filter((line) => line.startsWith("|") && !/^\|\s*-/.test(line))
    .slice(1)
    .map((line) => {
      const cells = line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => plain(cell));
      return [cells[0] ?? "", cells[1] ?? ""];
    });
}

/**
 * Every example command line in the README's console blocks ("$ csroles …"), in order, once each;
 * not those of the hidden entry points (`csroles __complete`), which are for scripts only.
 */
export function readmeExamples(readme: string): string[] {
  const examples = new Set<string>();
  let inConsole = false;
  for (const line of readme.split("\n")) {
    if (line.startsWith("```")) inConsole = !inConsole && line.trim() === "```console";
    else if (inConsole && line.startsWith("$ csroles ") && !line.startsWith("$ csroles __"))
      examples.add(line.slice(2));
  }
  return [...examples];
}

/** The README's opening, before its first section: paragraphs, and list items as bullets. */
function opening(readme: string): string[] {
  const lines = readme.split("\n");
  const end = lines.findIndex((line) => line.startsWith("## "));
  const blocks: string[] = [];
  for (const line of lines.slice(1, end < 0 ? undefined : end)) {
    if (line.trim() === "") blocks.push("");
    else if (line.startsWith("- ")) blocks.push(`- ${line.slice(2)}`);
    else if (blocks.length === 0 || blocks.at(-1) === "") blocks.push(line);
    else blocks[blocks.length - 1] += ` ${line.trim()}`;
  }
  return blocks
    .filter((block) => block !== "")
    .flatMap((block) =>
      block.startsWith("- ")
        ? [".IP \\(bu 2", roffText(plain(block.slice(2)))]
        : [".PP", roffText(plain(block))],
    );
}

function optionEntry(option: Option): string {
  return `.TP\n.B ${roffText(option.flags)}\n${roffText(option.description)}`;
}

function commandEntry(command: Command): string {
  const help = command.createHelp();
  const usage = `csroles ${command.name()} ${command.usage()}`;
  const args = help.visibleArguments(command).map((argument) => {
    const name = argument.required ? `<${argument.name()}>` : `[${argument.name()}]`;
    return `.TP\n.I ${roffText(name)}\n${roffText(argument.description)}`;
  });
  const options = help.visibleOptions(command).map(optionEntry);
  return [`.SS ${roffText(usage)}`, roffText(command.description()), ...args, ...options].join("\n");
}

export interface ManPageSources {
  program: Command;
  readme: string;
  version: string;
}

/** The whole manual page in roff (man(7) macros). */
export function renderManPage({ program, readme, version }: ManPageSources): string {
  const help = program.createHelp();
  const commands = help.visibleCommands(program).filter((command) => command.name() !== "help");
  const list = (rows: [string, string][], bold = true) =>
    rows.map(([term, meaning]) => `.TP\n${bold ? ".B " : ""}${roffText(term)}\n${roffText(meaning)}`);
  const lines = [
    `.TH CSROLES 1 "" "csroles ${version}" "User Commands"`,
    ".SH NAME",
    `csroles \\- ${roffText(
      program
        .description()
        .replace(/\n/g, " ")
        .replace(/^Explore/, "explore"),
    )}`,
    ".SH SYNOPSIS",
    ...commands.flatMap((command) => [
      `.B csroles ${roffText(command.name())}`,
      roffText(command.usage()),
      ".br",
    ]),
    ".SH DESCRIPTION",
    ...opening(readme),
    ".PP",
    roffText(
      "Options may come before or after the command name. Run csroles <command> --help for each " +
        "command's options with examples.",
    ),
    ".SH OPTIONS",
    "These options are accepted before the command name (and by every command after it).",
    ...help.visibleOptions(program).map(optionEntry),
    ".SH COMMANDS",
    ...commands.map(commandEntry),
    ".SH EXIT STATUS",
    ...list(tableRows(readmeSection(readme, "Exit codes"))),
    ".SH ENVIRONMENT",
    ...list(tableRows(readmeSection(readme, "Environment variables"))),
    ".SH FILES",
    ...list([
      ["$XDG_CACHE_HOME/csroles, else ~/.cache/csroles", "The profile cache; deleting it is always safe."],
      [
        "data/roles/*.md, data/vocabulary/*.yaml",
        "The built-in profiles and vocabulary, in the package's folder.",
      ],
      [
        "folders in CSROLES_PATH and given with --data",
        "Your own profiles (one Markdown file with YAML front-matter per role, named by its id); a " +
          "later folder's profile replaces an earlier one with the same id.",
      ],
    ]),
    ".SH EXAMPLES",
    ...readmeExamples(readme).flatMap((example) => [".PP", ".nf", roffText(example), ".fi"]),
    ".SH SEE ALSO",
    roffText("The README and docs/ of the package: profile format, JSON output, comparison, search."),
  ];
  return `${lines.join("\n")}\n`;
}
