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
import { LANGUAGES, type Language } from "./core/profile.js";
import { CsrolesError, DataError, ExitCode, UsageError } from "./errors.js";
import { choosePager } from "./io/choose-pager.js";
import { describeProblem } from "./io/describe-problem.js";
import type { Library } from "./io/load-library.js";
import { cacheFolder } from "./io/profile-cache.js";
import { ModuleNeeded } from "./lazy-module.js";
import { fitHelpText } from "./render/help-text.js";
import { resolveColor, resolveWidth, type TerminalFacts } from "./render/output-context.js";

function parseLanguage(value: string, from: string): Language {
  const lang = value.trim().toLowerCase();
  if ((LANGUAGES as readonly string[]).includes(lang)) return lang as Language;
  throw new UsageError(`unknown language '${value}' in ${from}`, `use one of ${LANGUAGES.join(", ")}`);
}

/** Maps a POSIX locale (sv_SE.UTF-8, nb_NO, no, C) to a label language; unknown ones give English. */
export function languageFromLocale(locale: string | undefined): Language {
  const code = (locale ?? "").toLowerCase().split(/[_.@-]/)[0] ?? "";
  if (code === "no" || code === "nn") return "nb";
  return (LANGUAGES as readonly string[]).includes(code) ? (code as Language) : "en";
}

function resolveLabelLanguage(flag: string | undefined, env: NodeJS.ProcessEnv): Language {
  if (flag !== undefined) return parseLanguage(flag, "--lang");
  if (env.CSROLES_LANG) return parseLanguage(env.CSROLES_LANG, "CSROLES_LANG");
  return languageFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

class Session {
  private loaded: Library | undefined;
  /** Loaded without reporting its problems (to mend the cache for a look-up by id); load() reports them. */
  private unreported: Library | undefined;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly dataDir: string,
    private readonly writeErr: (text: string) => void,
    private readonly stdout: () => StdoutFacts,
  ) {}

  context(
    global: CommonFlags,
    local: CommonFlags,
    labelFlag: string | undefined,
    toFile = false,
  ): CommandContext {
    // Output for a file (-o) is shaped as for a pipe: no colour, COLUMNS or 80 wide.
    const facts: TerminalFacts = toFile
      ? { isTTY: false, columns: undefined, env: this.env }
      : { ...this.stdout(), env: this.env };
    const extraDirs = [
      ...(this.env.CSROLES_PATH ?? "")
        .split(":")
        .filter((dir) => dir !== "")
        .map((dir) => ({ dir, from: "CSROLES_PATH" })),
      ...[...(global.data ?? []), ...(local.data ?? [])].map((dir) => ({ dir, from: "--data" })),
    ];
    const strict = global.strict === true || local.strict === true;
    const cacheDir = global.cache === false || local.cache === false ? undefined : cacheFolder(this.env);
    return {
      env: this.env,
      output: { width: resolveWidth(facts), color: resolveColor(local.color ?? global.color, facts) },
      labelLang: resolveLabelLanguage(labelFlag, this.env),
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
      const extra = more.length > 0 ? ` (+${more.length} more; run 'csroles validate' for all)` : "";
      this.writeErr(`csroles: skipped ${describeProblem(first)}${extra}\n`);
    }
    if (strict && library.problems.length > 0) {
      const files = new Set(library.problems.map((p) => p.file)).size;
      throw new DataError(`${files} profile file${files === 1 ? "" : "s"} invalid (--strict)`);
    }
    if (library.roles.length === 0) {
      throw new DataError("no usable profile found", "check the folders given with --data or CSROLES_PATH");
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
  completion: registerCompletion,
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

/**
 * The command line as commander defines it: the program, its options and help, and the commands
 * (only `only` when given). The help, completion and the man page all come from this one tree.
 * `configure` sets what the commands inherit (how commander exits and writes) before they are added.
 */
export function defineProgram(
  kit: CommandKit,
  only?: string,
  configure: (program: Command) => void = () => {},
): Command {
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
  addCommonOptions(program, true);
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
  for (const [name, register] of Object.entries(REGISTRARS))
    if (!only || name === only) register(program, kit);
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
  const session = new Session(io.env, io.dataDir, io.writeErr, stdout);
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
    context: (local, labelFlag) => session.context(globals(), local, labelFlag, local.output !== undefined),
    async run(produce, delivery = {}) {
      libraryModules ??= {
        loadLibrary: (await import("./io/load-library.js")).loadLibrary,
        lookUpRoles: (await import("./io/look-up-roles.js")).lookUpRoles,
      };
      // Costly modules load on first need (see lazy-module.ts): import, then run again.
      for (let attempt = 0; ; attempt++) {
        try {
          await finish(await produce(), delivery);
          return;
        } catch (error) {
          if (!(error instanceof ModuleNeeded) || attempt > 4) throw error;
          await error.load();
        }
      }
    },
  };
  const cli = defineProgram(kit, io.allCommands ? undefined : soleCommand(io.argv), (defined) =>
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
    return reportError(error, io);
  }
  return exitCode;
}

function reportError(error: unknown, io: RunIo): number {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return ExitCode.ok;
    // `csroles help <unknown>`: commander shows the help as an error (to the silenced stream).
    const message =
      error.code === "commander.help"
        ? "cannot show help: unknown command"
        : error.message.replace(/^error: /, "");
    // commander puts its suggestion on a second line, "(Did you mean list?)": make it the hint.
    const [problem = "", suggestion] = message.split(/\n\(Did you mean (.+)\?\)/);
    io.writeErr(`csroles: ${problem}\n`);
    io.writeErr(
      suggestion ? `hint: did you mean ${suggestion}?\n` : "hint: run 'csroles --help' for usage\n",
    );
    return ExitCode.usage;
  }
  if (error instanceof CsrolesError) {
    io.writeErr(`csroles: ${error.message}\n`);
    if (error.hint) io.writeErr(`hint: ${error.hint}\n`);
    return error.exitCode;
  }
  const detail = error instanceof Error ? error.message : String(error);
  io.writeErr(`csroles: internal error: ${detail.split("\n")[0]}\n`);
  if (io.env.CSROLES_DEBUG === "1" && error instanceof Error) io.writeErr(`${error.stack}\n`);
  else io.writeErr("hint: set CSROLES_DEBUG=1 to see the details, and please report it\n");
  return 70;
}
