import { Command, CommanderError } from "commander";
import packageJson from "../package.json" with { type: "json" };
import {
  addCommonOptions,
  type CommandKit,
  type CommonFlags,
  type DeliveryFlags,
  examples,
} from "./commands/command-kit.js";
import { registerCompare } from "./commands/compare.command.js";
import { registerCompletion } from "./commands/completion.command.js";
import type { CommandContext, CommandResult } from "./commands/context.js";
import { registerGap } from "./commands/gap.command.js";
import { registerGraph } from "./commands/graph.command.js";
import { registerList } from "./commands/list.command.js";
import { registerPick } from "./commands/pick.command.js";
import { registerSearch } from "./commands/search.command.js";
import { registerShow } from "./commands/show.command.js";
import { registerValidate } from "./commands/validate.command.js";
import type { Problem } from "./core/problem.js";
import type { Language } from "./core/profile.js";
import { CsrolesError, ExitCode } from "./errors.js";
import { choosePager } from "./io/choose-pager.js";
import { cacheFolder } from "./io/library-cache.js";
import { resolveLanguage } from "./messages/resolve-language.js";
import { type Message, message, say, sayMessage } from "./messages/translate.js";
import { describeProblem } from "./render/describe-problem.js";
import { fitHelpText } from "./render/help-text.js";
import { resolveColor, resolveWidth, type TerminalFacts } from "./render/output-context.js";

/** One line per bad file (the first problem, and how many more); `csroles validate` lists every problem. */
function reportSkipped(problems: Problem[], writeErr: (text: string) => void, lang: Language): void {
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  for (const [first, ...more] of byFile.values()) {
    if (!first) continue;
    const problem = describeProblem(first);
    const line =
      more.length > 0
        ? say(lang, "error.skippedMore", { problem, count: more.length })
        : say(lang, "error.skipped", { problem });
    writeErr(`csroles: ${line}\n`);
  }
}

/** Loading profiles (io/library-session.ts and what it imports), imported when a command runs. */
let sessionModule: typeof import("./io/library-session.js") | undefined;

/** The context a command runs in, from the options before and after its name. */
function commandContext(
  io: RunIo,
  stdout: () => StdoutFacts,
  language: RunLanguage,
  global: CommonFlags,
  local: CommonFlags,
  labelFlag: string | undefined,
  toFile: boolean,
): CommandContext {
  // Output for a file (-o) is shaped as for a pipe: no colour, COLUMNS or 80 wide.
  const facts: TerminalFacts = toFile
    ? { isTTY: false, columns: undefined, env: io.env }
    : { ...stdout(), env: io.env };
  const chosen = resolveLanguage(labelFlag, io.env);
  language.lang = chosen.lang;
  // Once a run, though a command may make its context again.
  if (chosen.warning && !language.warned) {
    language.warned = true;
    const warning = `${say(chosen.lang, "error.warningPrefix")}: ${sayMessage(chosen.lang, chosen.warning)}`;
    io.writeErr(`csroles: ${warning}\n`);
  }
  const extraDirs = [
    ...(io.env.CSROLES_PATH ?? "")
      .split(":")
      .filter((dir) => dir !== "")
      .map((dir) => ({ dir, from: "CSROLES_PATH" })),
    ...[...(global.data ?? []), ...(local.data ?? [])].map((dir) => ({ dir, from: "--data" })),
  ];
  const cacheDir = global.cache === false || local.cache === false ? undefined : cacheFolder(io.env);
  if (!sessionModule) throw new Error("a command's context was asked for before it ran");
  const session = new sessionModule.LibrarySession({
    dataDir: io.dataDir,
    extraDirs,
    ...(cacheDir === undefined ? {} : { cacheDir }),
    strict: global.strict === true || local.strict === true,
    report: (problems) => reportSkipped(problems, io.writeErr, chosen.lang),
  });
  return {
    env: io.env,
    output: { width: resolveWidth(facts), color: resolveColor(local.color ?? global.color, facts) },
    labelLang: chosen.lang,
    labelLangChosen: chosen.chosen,
    library: () => session.library(),
    searchIndex: (options) => session.searchIndex(options),
    rolesById: (queries) => session.rolesById(queries),
    inspectLibrary: () => session.inspectLibrary(),
    onExit: (cleanUp) => io.onExit?.(cleanUp) ?? (() => {}),
  };
}

/** The interface language of a run: the locale's until a command's context resolves its own. */
interface RunLanguage {
  lang: Language;
  /** Whether the warning about an unsupported CSROLES_LANG was printed. */
  warned: boolean;
}

/** What the output stream is: a terminal (and how wide) or not. */
export interface StdoutFacts {
  isTTY: boolean;
  columns: number | undefined;
  /** The terminal's height, when known (whether long output is paged). */
  rows?: number | undefined;
}

export interface RunIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  /** The package's data/ folder (vocabulary and built-in roles). */
  dataDir: string;
  writeOut: (text: string) => void;
  writeErr: (text: string) => void;
  /** What writeOut writes to; process.stdout's facts when not given. */
  stdout?: StdoutFacts;
  /** Pages text through a pager command; false when it could not start (src/io/pager.ts). */
  page?: (text: string, command: string) => Promise<boolean>;
  /** See CommandContext.onExit; nothing is done on exit when not given (in-process runs). */
  onExit?: (cleanUp: () => void) => () => void;
}

const REGISTRARS = [
  registerList,
  registerShow,
  registerSearch,
  registerCompare,
  registerGap,
  registerGraph,
  registerPick,
  registerValidate,
  registerCompletion,
];

/**
 * The command line as commander defines it: the program, its options and help, and the commands.
 * The help, completion and the man page all come from this one tree. `configure` sets what the
 * commands inherit (how commander exits and writes) before they are added.
 */
export function defineProgram(kit: CommandKit, configure: (program: Command) => void = () => {}): Command {
  const program = new Command("csroles")
    .description(
      "Explore customer-support careers: list, show, search and compare role profiles\n" +
        "written in Danish, Swedish, Norwegian, Finnish and English.",
    )
    .version(packageJson.version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .enablePositionalOptions()
    .showSuggestionAfterError();
  configure(program);
  addCommonOptions(program);
  program.addHelpText(
    "after",
    `${examples(
      "csroles list",
      "csroles show kundtjänstteamledare",
      "csroles search zendesk empati",
      "csroles compare customer-service-team-lead customer-support-manager",
      "csroles pick",
    )}\nExit codes: 0 ok, 1 nothing found, 2 usage error, 3 data error, 130 interrupted.\n` +
      "Environment: CSROLES_PATH, CSROLES_LANG, CSROLES_PAGER, PAGER, NO_COLOR, FORCE_COLOR, COLUMNS, " +
      "XDG_CACHE_HOME, CSROLES_DEBUG.\n",
  );
  for (const register of REGISTRARS) register(program, kit);
  return program;
}

/** Every command, defined but never run: for the man page (and its test). */
export function programForDocs(): Command {
  const never = () => {
    throw new Error("the documentation's program runs nothing");
  };
  return defineProgram({ globals: () => ({}), context: never, run: async () => never() });
}

/** Runs csroles and returns the exit code; all printing goes through `io`. */
export async function run(io: RunIo): Promise<number> {
  // Asked only when needed: process.stdout is created on first use, which takes milliseconds.
  const stdout = (): StdoutFacts =>
    io.stdout ?? {
      isTTY: process.stdout.isTTY === true,
      columns: process.stdout.columns,
      rows: process.stdout.rows,
    };
  const language: RunLanguage = { lang: resolveLanguage(undefined, io.env).lang, warned: false };
  let exitCode: number = ExitCode.ok;
  const finish = async (result: CommandResult, delivery: DeliveryFlags) => {
    exitCode = result.exitCode ?? ExitCode.ok;
    if (delivery.output !== undefined) {
      const { writeFileAtomically } = await import("./io/write-output.js");
      writeFileAtomically(delivery.output, result.stdout);
      return;
    }
    const pager =
      result.forReading && delivery.pager !== false && io.page
        ? choosePager(result.stdout, { isTTY: stdout().isTTY, rows: stdout().rows, env: io.env })
        : undefined;
    if (pager === undefined || !(await io.page?.(result.stdout, pager))) io.writeOut(result.stdout);
  };
  let program: Command | undefined;
  const globals = () => program?.opts<CommonFlags>() ?? {};

  const kit: CommandKit = {
    globals,
    context: (local, labelFlag) =>
      commandContext(io, stdout, language, globals(), local, labelFlag, local.output !== undefined),
    async run(produce, delivery = {}) {
      sessionModule ??= await import("./io/library-session.js");
      await finish(await produce(), delivery);
    },
  };
  const cli = defineProgram(kit, (defined) =>
    defined.exitOverride().configureOutput({
      writeOut: (text) => io.writeOut(fitHelpText(text, resolveWidth({ ...stdout(), env: io.env }))),
      writeErr: () => {},
      getOutHelpWidth: () => resolveWidth({ ...stdout(), env: io.env }),
      // Whether commander strips colour from the help (it has none). Its own test would create
      // process.stdout even when stdout is not a terminal.
      getOutHasColors: () => stdout().isTTY && process.stdout.hasColors?.() === true,
    }),
  );
  program = cli;

  // Bare `csroles` shows the usage, as git and npm do.
  if (io.argv.length === 0) {
    cli.outputHelp();
    return ExitCode.ok;
  }
  try {
    await cli.parseAsync(io.argv, { from: "user" });
  } catch (error) {
    return reportError(error, io, language.lang);
  }
  return exitCode;
}

function reportError(error: unknown, io: RunIo, lang: Language): number {
  const hint = (text: Message | string) => `${say(lang, "error.hintPrefix")}: ${sayMessage(lang, text)}\n`;
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return ExitCode.ok;
    // `csroles help <unknown>`: commander shows the help as an error (to the silenced stream).
    const said =
      error.code === "commander.help"
        ? "cannot show help: unknown command"
        : error.message.replace(/^error: /, "");
    // commander puts its suggestion on a second line, "(Did you mean list?)": make it the hint.
    const [problem = "", suggestion] = said.split(/\n\(Did you mean (.+)\?\)/);
    io.writeErr(`csroles: ${problem}\n`);
    io.writeErr(hint(suggestion ? message("error.didYouMean", { suggestion }) : message("error.seeHelp")));
    return ExitCode.usage;
  }
  if (error instanceof CsrolesError) {
    io.writeErr(`csroles: ${sayMessage(lang, error.text)}\n`);
    if (error.hintText !== undefined) io.writeErr(hint(error.hintText));
    return error.exitCode;
  }
  const detail = error instanceof Error ? error.message : String(error);
  io.writeErr(`csroles: internal error: ${detail.split("\n")[0]}\n`);
  if (io.env.CSROLES_DEBUG === "1" && error instanceof Error) io.writeErr(`${error.stack}\n`);
  else io.writeErr(hint(message("error.internalHint")));
  return 70;
}
