import { Command, CommanderError } from "commander";
import packageJson from "../package.json" with { type: "json" };
import { addCommonOptions, type CommandKit, type CommonFlags, examples } from "./commands/command-kit.js";
import { registerCompare } from "./commands/compare.command.js";
import type { CommandContext, CommandResult } from "./commands/context.js";
import { registerGap } from "./commands/gap.command.js";
import { registerGraph } from "./commands/graph.command.js";
import { registerList } from "./commands/list.command.js";
import { registerPick } from "./commands/pick.command.js";
import { registerSearch } from "./commands/search.command.js";
import { registerShow } from "./commands/show.command.js";
import { registerValidate } from "./commands/validate.command.js";
import type { Language } from "./core/profile.js";
import { CsrolesError, DataError, ExitCode } from "./errors.js";
import { describeProblem } from "./io/describe-problem.js";
import type { Library } from "./io/load-library.js";
import { cacheFolder } from "./io/profile-cache.js";
import { ModuleNeeded } from "./lazy-module.js";
import { resolveLanguage } from "./messages/resolve-language.js";
import { type Message, message, say, sayMessage } from "./messages/translate.js";
import { fitHelpText } from "./render/help-text.js";
import { resolveColor, resolveWidth, type TerminalFacts } from "./render/output-context.js";

class Session {
  private loaded: Library | undefined;
  /** Loaded without reporting its problems (to mend the cache for a look-up by id); load() reports them. */
  private unreported: Library | undefined;

  /** The interface language, once a command's context is made; the locale's until then. */
  lang: Language;
  private warned = false;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly dataDir: string,
    private readonly writeErr: (text: string) => void,
    private readonly stdout: () => StdoutFacts,
  ) {
    this.lang = resolveLanguage(undefined, env).lang;
  }

  context(global: CommonFlags, local: CommonFlags, labelFlag: string | undefined): CommandContext {
    const facts: TerminalFacts = { ...this.stdout(), env: this.env };
    const extraDirs = [
      ...(this.env.CSROLES_PATH ?? "")
        .split(":")
        .filter((dir) => dir !== "")
        .map((dir) => ({ dir, from: "CSROLES_PATH" })),
      ...[...(global.data ?? []), ...(local.data ?? [])].map((dir) => ({ dir, from: "--data" })),
    ];
    const strict = global.strict === true || local.strict === true;
    const cacheDir = global.cache === false || local.cache === false ? undefined : cacheFolder(this.env);
    const language = resolveLanguage(labelFlag, this.env);
    this.lang = language.lang;
    // Once a run, though a command may make its context again (see ModuleNeeded).
    if (language.warning && !this.warned) {
      this.warned = true;
      const warning = `${say(this.lang, "error.warningPrefix")}: ${sayMessage(this.lang, language.warning)}`;
      this.writeErr(`csroles: ${warning}\n`);
    }
    return {
      env: this.env,
      output: { width: resolveWidth(facts), color: resolveColor(local.color ?? global.color, facts) },
      labelLang: language.lang,
      labelLangChosen: language.chosen,
      library: () => {
        if (!this.loaded) this.loaded = this.load(extraDirs, strict, cacheDir);
        return this.loaded;
      },
      rolesById: (queries) => {
        // --strict judges every file, so it needs them all.
        if (strict) return undefined;
        const sources = { dataDir: this.dataDir, extraDirs, build: BUILD };
        let outcome = libraryModules.lookUpRoles({ ...sources, ...(cacheDir ? { cacheDir } : {}) }, queries);
        if (!outcome.roles && outcome.rewriteLookup) {
          // The cache cannot answer yet (a first run, or a lookup file out of date): load every
          // file once to write it, without reporting (the answer must not depend on the cache's
          // state), and look again; a cache that still cannot answer is left out.
          this.unreported ??= libraryModules.loadLibrary({ ...sources, cacheDir, rewriteLookup: true });
          outcome = libraryModules.lookUpRoles({ ...sources, cacheDir }, queries);
          if (!outcome.roles && outcome.rewriteLookup) outcome = libraryModules.lookUpRoles(sources, queries);
        }
        return outcome.roles;
      },
      inspectLibrary: () =>
        libraryModules.loadLibrary({
          dataDir: this.dataDir,
          extraDirs,
          build: BUILD,
          ...(cacheDir ? { cacheDir } : {}),
        }),
    };
  }

  private load(
    extraDirs: { dir: string; from: string }[],
    strict: boolean,
    cacheDir: string | undefined,
  ): Library {
    const library =
      this.unreported ??
      libraryModules.loadLibrary({
        dataDir: this.dataDir,
        extraDirs,
        build: BUILD,
        ...(cacheDir ? { cacheDir } : {}),
      });
    // One line per bad file here; `csroles validate` lists every problem.
    const byFile = new Map<string, typeof library.problems>();
    for (const problem of library.problems)
      byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
    for (const [first, ...more] of byFile.values()) {
      if (!first) continue;
      const problem = describeProblem(first);
      const line =
        more.length > 0
          ? say(this.lang, "error.skippedMore", { problem, count: more.length })
          : say(this.lang, "error.skipped", { problem });
      this.writeErr(`csroles: ${line}\n`);
    }
    if (strict && library.problems.length > 0) {
      const files = new Set(library.problems.map((p) => p.file)).size;
      throw new DataError(message("error.strictInvalid", { count: files }));
    }
    if (library.roles.length === 0) {
      throw new DataError(message("error.noProfile"), message("error.noProfileHint"));
    }
    return library;
  }
}

/** The loading modules, imported by the first command that runs (so --help never pays for them). */
let libraryModules: Pick<typeof import("./io/load-library.js"), "loadLibrary"> &
  Pick<typeof import("./io/look-up-roles.js"), "lookUpRoles">;

declare const __CSROLES_BUILD__: string | undefined;
/** Set by the bundler from the source; "dev" when running the sources directly (tests). */
const BUILD = typeof __CSROLES_BUILD__ === "string" ? __CSROLES_BUILD__ : "dev";

/** What the output stream is: a terminal (and how wide) or not. */
export interface StdoutFacts {
  isTTY: boolean;
  columns: number | undefined;
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
  /** Register every command whatever the arguments (tests check that it changes nothing). */
  allCommands?: boolean;
}

const REGISTRARS: Record<string, (program: Command, kit: CommandKit) => void> = {
  list: registerList,
  show: registerShow,
  search: registerSearch,
  compare: registerCompare,
  gap: registerGap,
  graph: registerGraph,
  pick: registerPick,
  validate: registerValidate,
};

/** Options before the command name that take a value (see addCommonOptions). */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(["--data", "--lang"]);
const GLOBAL_FLAGS = new Set(["--strict", "--no-cache", "--color", "--no-color"]);

/**
 * The command these arguments run, when that is certain: then only that command is registered
 * with commander (registering all six is a fifth of the start-up of `show`). Undefined, and all
 * are registered, for help, the version, an unknown option or command, or anything unusual:
 * commander then parses, suggests and explains exactly as ever.
 */
export function soleCommand(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (GLOBAL_OPTIONS_WITH_VALUE.has(arg)) {
      i++;
      continue;
    }
    if (GLOBAL_FLAGS.has(arg) || /^--(data|lang)=/.test(arg)) continue;
    if (arg.startsWith("-") || !Object.hasOwn(REGISTRARS, arg)) return undefined;
    const rest = argv.slice(i + 1);
    return rest.includes("-h") || rest.includes("--help") ? undefined : arg;
  }
  return undefined;
}

/** Runs csroles and returns the exit code; all printing goes through `io`. */
export async function run(io: RunIo): Promise<number> {
  // Asked only when needed: process.stdout is created on first use, which takes milliseconds.
  const stdout = (): StdoutFacts =>
    io.stdout ?? { isTTY: process.stdout.isTTY === true, columns: process.stdout.columns };
  const session = new Session(io.env, io.dataDir, io.writeErr, stdout);
  let exitCode: number = ExitCode.ok;
  const finish = (result: CommandResult) => {
    io.writeOut(result.stdout);
    exitCode = result.exitCode ?? ExitCode.ok;
  };
  const program = new Command("csroles")
    .description(
      "Explore customer-support careers: list, show, search and compare role profiles\n" +
        "written in Danish, Swedish, Norwegian, Finnish and English.",
    )
    .version(packageJson.version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .enablePositionalOptions()
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.writeOut(fitHelpText(text, resolveWidth({ ...stdout(), env: io.env }))),
      writeErr: () => {},
      getOutHelpWidth: () => resolveWidth({ ...stdout(), env: io.env }),
      // Whether commander strips colour from the help (it has none). Its own test would create
      // process.stdout even when stdout is not a terminal.
      getOutHasColors: () => stdout().isTTY && process.stdout.hasColors?.() === true,
    });
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
      "Environment: CSROLES_PATH, CSROLES_LANG, NO_COLOR, FORCE_COLOR, COLUMNS, XDG_CACHE_HOME, CSROLES_DEBUG.\n",
  );
  const globals = () => program.opts<CommonFlags>();

  const kit: CommandKit = {
    globals,
    context: (local, labelFlag) => session.context(globals(), local, labelFlag),
    async run(produce) {
      libraryModules ??= {
        loadLibrary: (await import("./io/load-library.js")).loadLibrary,
        lookUpRoles: (await import("./io/look-up-roles.js")).lookUpRoles,
      };
      // Costly modules load on first need (see lazy-module.ts): import, then run again.
      for (let attempt = 0; ; attempt++) {
        try {
          finish(await produce());
          return;
        } catch (error) {
          if (!(error instanceof ModuleNeeded) || attempt > 4) throw error;
          await error.load();
        }
      }
    },
  };
  const sole = io.allCommands ? undefined : soleCommand(io.argv);
  for (const [name, register] of Object.entries(REGISTRARS))
    if (!sole || name === sole) register(program, kit);

  // Bare `csroles` shows the usage, as git and npm do.
  if (io.argv.length === 0) {
    program.outputHelp();
    return ExitCode.ok;
  }
  try {
    await program.parseAsync(io.argv, { from: "user" });
  } catch (error) {
    return reportError(error, io, session.lang);
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
