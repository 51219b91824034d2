import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { programForDocs } from "../../src/cli.js";
import { type CompletionNames, completeWords, describeProgram } from "../../src/complete/complete-words.js";
import { BIN, ROOT, runCli, TEST_CACHE_HOME } from "../helpers/run-cli.js";

const VALID = "tests/fixtures/profiles/valid";
const BUILT_IN = [
  "customer-service-executive",
  "customer-service-operations-manager",
  "customer-service-team-lead",
  "customer-support-manager",
  "customer-support-team-manager",
];

/** The hidden entry point's answer: its mode line, then the candidates. */
function complete(...words: string[]): { mode: string; words: string[] } {
  const result = runCli(["__complete", "--", ...words]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const [mode = "", ...candidates] = result.stdout.split("\n").slice(0, -1);
  return { mode, words: candidates };
}

describe("csroles __complete", () => {
  it("completes every command commander defines, and not the hidden one", () => {
    const names = describeProgram(programForDocs()).commands.map((c) => c.name);
    expect(complete("").words).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(["list", "show", "compare", "completion", "help"]));
    expect(names).not.toContain("__complete");
    expect(complete("s").words).toEqual(["search", "show"]);
  });

  it.each(programForDocs().commands.filter((c) => !c.name().startsWith("__")))(
    "completes every long option of $_name",
    (command) => {
      const offered = complete(command.name(), "--").words;
      for (const option of command.options) if (option.long) expect(offered).toContain(option.long);
    },
  );

  it.each([
    ["--lang before a command", ["--lang", ""], ["da", "en", "fi", "nb", "sv"]],
    ["--lang of list", ["list", "--lang", "s"], ["sv"]],
    ["--format of show", ["show", "x", "--format", ""], ["html", "json", "table"]],
    ["--format of list", ["list", "--format", ""], ["csv", "json", "markdown", "table"]],
    ["--format= of compare", ["compare", "--format=m"], ["--format=markdown"]],
    ["--sort keys", ["list", "--sort", ""], ["id", "lang", "level", "title", "title_en"]],
    ["--level values", ["list", "--level", "m"], ["management", "mid-level"]],
    [
      "--in choices",
      ["search", "--in", ""],
      ["all", "positions", "responsibilities", "roles", "skills", "tools"],
    ],
    ["--only sections", ["compare", "--only", ""], ["career", "skills", "tools"]],
    ["shells", ["completion", ""], ["bash", "fish", "zsh"]],
    ["--format of graph", ["graph", "--format", ""], ["dot", "json", "mermaid", "text"]],
    ["--format of gap", ["gap", "--format", "h"], ["html"]],
    ["graph --from", ["graph", "--from", "team-l"], ["team-lead"]],
  ])("completes %s", (_name, words, expected) => {
    expect(complete(...words)).toEqual({ mode: "words", words: expected });
  });

  it("completes role ids and aliases for show and compare", () => {
    const show = complete("show", "").words;
    expect(show).toEqual(expect.arrayContaining([...BUILT_IN, "CSE", "kunde supportchef"]));
    expect(complete("compare", "customer-support-manager", "cu").words).toEqual(
      BUILT_IN.filter((id) => id !== "customer-support-manager"),
    );
  });

  it("completes career position ids for show and for both ends of gap, with or without a profile", () => {
    expect(complete("show", "team").words).toEqual(["team-lead"]);
    expect(complete("gap", "support-a").words).toEqual(["support-agent"]);
    expect(complete("gap", "support-agent", "customer-support-m").words).toEqual([
      "customer-support-manager",
    ]);
    expect(complete("gap", "support-agent", "team-lead", "")).toEqual({ mode: "words", words: [] });
  });

  it.each([
    ["before the command", ["--data", VALID, "show", "supportm"]],
    ["after the command", ["show", "--data", VALID, "supportm"]],
    ["as --data=folder", [`--data=${VALID}`, "show", "supportm"]],
  ])("includes the profiles of a --data folder given %s", (_name, words) => {
    // The folder's support-agent answers to the alias supportmedarbejder; no built-in role does.
    expect(complete("show", "supportm").words).toEqual([]);
    expect(complete(...words).words).toEqual(["supportmedarbejder"]);
  });

  it("says nothing on stderr about bad profiles in a --data folder", () => {
    expect(complete("--data", "tests/fixtures/profiles/broken", "show", "customer-support-m").words).toEqual([
      "customer-support-manager",
    ]);
  });

  it.each([
    ["--data", ["--data", ""], "dirs"],
    ["-o", ["show", "x", "-o", ""], "files"],
    ["--output=", ["list", "--output=a"], "files"],
    ["validate's folders", ["validate", ""], "dirs"],
  ])("leaves %s to the shell's file completion", (_name, words, mode) => {
    expect(complete(...words)).toEqual({ mode, words: [] });
  });

  it("completes nothing for an option that takes any value", () => {
    expect(complete("search", "--limit", "")).toEqual({ mode: "words", words: [] });
  });
});

describe("csroles completion", () => {
  it("refuses a shell it has no script for: exit 2, with the shells it knows", () => {
    const result = runCli(["completion", "tcsh"]);
    expect(result).toMatchObject({
      code: 2,
      stdout: "",
      stderr: "csroles: no completion for the shell 'tcsh'\nhint: use one of bash, zsh, fish\n",
    });
  });
});

describe("completeWords", () => {
  const spec = describeProgram(programForDocs());
  const lists = {
    languages: ["en"],
    formats: { show: ["table"] },
    sortKeys: [],
    profileSections: [],
    compareSections: [],
    shells: [],
  };
  const names: CompletionNames = {
    roles: () => ["agent", "lead"],
    positions: () => ["agent-position"],
    levels: () => {
      throw new Error("the levels were not asked for");
    },
  };
  it.each([
    ["an operand after --", ["search", "--", "-"], []],
    ["an option's value that looks like a command", ["--lang", "show", "a"], []],
    ["a second role for show", ["show", "agent", "l"], []],
    [
      "the role after an option with a value",
      ["show", "--section", "skills", "a"],
      ["agent", "agent-position"],
    ],
  ])("%s", (_name, words, expected) => {
    expect(completeWords(spec, words, lists, names).words).toEqual(expected);
  });
});

/** Programs on PATH among these: zsh and fish are not on every machine, bash is. */
const onPath = (shells: string[]) =>
  shells.filter((shell) =>
    (process.env.PATH ?? "").split(delimiter).some((dir) => existsSync(join(dir, shell))),
  );

const wrapper = mkdtempSync(join(tmpdir(), "csroles-completion-"));
afterAll(() => rmSync(wrapper, { recursive: true, force: true }));
writeFileSync(join(wrapper, "csroles"), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
chmodSync(join(wrapper, "csroles"), 0o755);

/** Runs a shell with `csroles` on its PATH, in the repository, with the tests' cache. */
function shell(program: string, args: string[]): string {
  const result = spawnSync(program, args, {
    cwd: ROOT,
    encoding: "utf8",
    env: {
      PATH: `${wrapper}${delimiter}${process.env.PATH}`,
      HOME: wrapper,
      LANG: "C.UTF-8",
      XDG_CACHE_HOME: TEST_CACHE_HOME,
    },
    timeout: 30_000,
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result.stdout;
}

/** How each shell is asked for completions of a command line, with the script loaded for real. */
const ASK: Record<string, (line: string[]) => string[]> = {
  // COMP_WORDS as bash splits them (at "=", among others), COMP_LINE and COMP_POINT as it sets them.
  bash: (line) => [
    "-c",
    `source <(csroles completion bash)
COMP_LINE="$1"; COMP_POINT=\${#COMP_LINE}; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
_csroles; printf '%s\\n' "\${COMPREPLY[@]}"`,
    "bash",
    line.join(" ").replace(/ = /g, "="),
    ...line,
  ],
  // zsh's completion widgets need a terminal: compadd and _files are stood in for, the rest is real.
  zsh: (line) => [
    "-f",
    "-c",
    `compadd() { local i=\${@[(i)--]}; print -l -- "\${(@)@[i+1,-1]}"; }
_files() { print -- "(files $*)"; }; compset() { :; }; compdef() { :; }
source <(csroles completion zsh)
words=("$@"); CURRENT=$#; _csroles`,
    "zsh",
    ...line.join(" ").replace(/ = /g, "=").split(" "),
  ],
  fish: (line) => [
    "--no-config",
    "-c",
    `csroles completion fish | source; complete -C "$argv[1]"`,
    line.join(" ").replace(/ = /g, "="),
  ],
};

describe.each(onPath(["bash", "zsh", "fish"]))("the %s script", (name) => {
  const ask = (...line: string[]) =>
    shell(name, (ASK[name] as (line: string[]) => string[])(line))
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => l.split("\t")[0] ?? "")
      // fish orders candidates its own way.
      .sort();

  it("parses", () => {
    const script = runCli(["completion", name]).stdout;
    const file = join(wrapper, `script.${name}`);
    writeFileSync(file, script);
    shell(name, name === "fish" ? ["--no-execute", file] : ["-n", file]);
  });

  it("lists no role itself", () => {
    const script = runCli(["completion", name]).stdout;
    for (const id of BUILT_IN) expect(script).not.toContain(id);
    expect(script).toContain("csroles __complete --");
  });

  it("completes a command", () => {
    expect(ask("csroles", "sh")).toEqual(["show"]);
  });

  it("completes roles, aliases with spaces included", () => {
    const found = ask("csroles", "show", "kunde");
    expect(found.map((w) => w.replace(/\\ /g, " "))).toEqual(["kunde supportchef", "kundeservicechef"]);
  });

  it("completes an option's value given after =", () => {
    const expected = name === "bash" ? ["sv"] : ["--lang=sv"];
    expect(ask("csroles", "--lang", "=", "s")).toEqual(expected);
  });

  it("completes the roles of a --data folder given earlier", () => {
    expect(ask("csroles", "--data", VALID, "show", "supportm")).toEqual(["supportmedarbejder"]);
  });
});
