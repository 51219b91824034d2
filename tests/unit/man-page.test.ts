import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { describe, expect, it } from "vitest";
import packageJson from "../../package.json" with { type: "json" };
import { programForDocs } from "../../src/cli.js";
import { ExitCode } from "../../src/errors.js";
import { readmeExamples, renderManPage, roffText } from "../../src/render/man-page.js";
import { ROOT } from "../helpers/run-cli.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const program = programForDocs();
const page = renderManPage({ program, readme, version: packageJson.version });
const MAN_FILE = join(ROOT, packageJson.man[0] as string);

/** The lines of one `.SS` entry of the COMMANDS section. */
function commandEntry(name: string): string {
  const start = page.indexOf(`.SS csroles ${roffText(name)} `);
  if (start < 0) return "";
  const end = page.slice(start + 1).search(/\n\.S[SH] /);
  return page.slice(start, end < 0 ? undefined : start + 1 + end);
}

describe("the man page", () => {
  it("has the sections a manual page has, in order", () => {
    const sections = [...page.matchAll(/^\.SH (.+)$/gm)].map((m) => m[1]);
    expect(sections).toEqual([
      "NAME",
      "SYNOPSIS",
      "DESCRIPTION",
      "OPTIONS",
      "COMMANDS",
      "EXIT STATUS",
      "ENVIRONMENT",
      "FILES",
      "EXAMPLES",
      "SEE ALSO",
    ]);
  });

  const commands = program.commands.filter((command) => !command.name().startsWith("__"));
  it.each(commands.map((command) => [command.name(), command] as const))(
    "describes %s with every option",
    (name, command) => {
      const entry = commandEntry(name);
      expect(entry).not.toBe("");
      expect(page).toContain(`.B csroles ${roffText(name)}\n`);
      for (const option of command.options) expect(entry).toContain(`.B ${roffText(option.flags)}\n`);
    },
  );

  it("lists every command of the program", () => {
    expect(commands.map((c) => c.name())).toEqual(
      expect.arrayContaining(["list", "show", "search", "compare", "pick", "validate", "completion"]),
    );
    expect(page).not.toContain("__complete");
  });

  it("gives the meaning of every exit code", () => {
    const status = page.slice(page.indexOf(".SH EXIT STATUS"), page.indexOf(".SH ENVIRONMENT"));
    for (const code of Object.values(ExitCode)) expect(status).toContain(`.TP\n.B ${code}\n`);
  });

  it("names the pager's and the cache's environment variables", () => {
    const environment = page.slice(page.indexOf(".SH ENVIRONMENT"), page.indexOf(".SH FILES"));
    for (const name of ["CSROLES_PAGER", "PAGER", "CSROLES_PATH", "CSROLES_LANG", "XDG_CACHE_HOME"])
      expect(environment).toContain(`.B ${roffText(name)}\n`);
  });

  it("carries the README's examples", () => {
    const examples = readmeExamples(readme);
    expect(examples.length).toBeGreaterThan(5);
    for (const example of examples) expect(page).toContain(`.nf\n${roffText(example)}\n.fi`);
  });

  it("is the page the build wrote, and package.json installs it", () => {
    expect(readFileSync(MAN_FILE, "utf8")).toBe(page);
    expect(packageJson.files).toContain("man");
  });
});

/** Programs on PATH among these (the renderer is not on every machine). */
const onPath = (names: string[]) =>
  names.filter((name) =>
    (process.env.PATH ?? "").split(delimiter).some((dir) => existsSync(join(dir, name))),
  );

describe.each(onPath(["man"]))("rendered by %s", (man) => {
  it("renders without a warning", () => {
    const rendered = spawnSync(man, ["--warnings", "-l", MAN_FILE], {
      encoding: "utf8",
      env: { ...process.env, MANWIDTH: "80", MANPAGER: "cat", PAGER: "cat" },
    });
    expect(rendered.stderr).toBe("");
    expect(rendered.status).toBe(0);
    expect(rendered.stdout).toMatch(/^CSROLES\(1\)/);
    expect(rendered.stdout).toContain("EXIT STATUS");
  });
});
