import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { OutputError, UsageError } from "../../src/errors.js";
import { writeFileAtomically } from "../../src/io/write-output.js";
import { runCli } from "../helpers/run-cli.js";

const scratch = mkdtempSync(join(tmpdir(), "csroles-output-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function folder(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir);
  return dir;
}

describe("writeFileAtomically", () => {
  it("writes a new file and leaves nothing else in its folder", () => {
    const dir = folder("new");
    writeFileAtomically(join(dir, "out.txt"), "hello\n");
    expect(readdirSync(dir)).toEqual(["out.txt"]);
    expect(readFileSync(join(dir, "out.txt"), "utf8")).toBe("hello\n");
  });

  it("replaces a file whole and keeps its permissions", () => {
    const dir = folder("replace");
    const file = join(dir, "out.txt");
    writeFileSync(file, "old and longer text\n");
    chmodSync(file, 0o640);
    writeFileAtomically(file, "new\n");
    expect(readFileSync(file, "utf8")).toBe("new\n");
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(["out.txt"]);
  });

  it("refuses a folder, as a usage error, and leaves it alone", () => {
    const dir = folder("target");
    writeFileSync(join(dir, "inside.txt"), "kept");
    expect(() => writeFileAtomically(dir, "text")).toThrow(UsageError);
    expect(() => writeFileAtomically(dir, "text")).toThrow(/it is a folder/);
    expect(readdirSync(dir)).toEqual(["inside.txt"]);
  });

  it("reports a missing folder as a write failure", () => {
    expect(() => writeFileAtomically(join(scratch, "no-such", "out.txt"), "text")).toThrow(OutputError);
  });
});

describe("-o, --output", () => {
  it.each([
    ["list", ["list", "--json"]],
    ["show", ["show", "customer-support-manager"]],
    ["search", ["search", "zendesk"]],
    ["compare", ["compare", "customer-support-manager", "customer-service-team-lead", "--csv"]],
    ["validate", ["validate"]],
  ])("%s writes to the file what it would print", (_name, args) => {
    const file = join(scratch, `${args[0]}.out`);
    const printed = runCli(args);
    const written = runCli([...args, "-o", file]);
    expect(written.code).toBe(printed.code);
    expect(written.stdout).toBe("");
    expect(written.stderr).toBe("");
    expect(readFileSync(file, "utf8")).toBe(printed.stdout);
  });

  it("writes an HTML handout", () => {
    const file = join(scratch, "handout.html");
    const result = runCli(["show", "customer-support-manager", "--html", "-o", file]);
    expect(result).toMatchObject({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(file, "utf8")).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
  });

  it("has no printable page for a career position without a profile: exit 2", () => {
    const result = runCli(["show", "support-agent", "--html"]);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(/^csroles: 'support-agent' is a career position without a profile/);
  });

  it("refuses a folder: exit 2, one line and a hint", () => {
    const dir = folder("refused");
    const result = runCli(["show", "customer-support-manager", "-o", dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `csroles: cannot write the output to '${dir}': it is a folder\nhint: give a file name, e.g. -o ${dir}/csroles-output.txt\n`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it("says why in the reader's language (Norwegian here), as other errors do", () => {
    const dir = folder("refused-nb");
    const result = runCli(["show", "customer-support-manager", "--lang", "nb", "-o", dir]);
    expect(result.code).toBe(2);
    const [problem, hint] = result.stderr.split("\n");
    expect(problem).toBe(`csroles: kan ikke skrive utdata til '${dir}': det er en mappe`);
    expect(hint).toMatch(new RegExp(`: oppgi et filnavn, f\\.eks\\. -o ${dir}/csroles-output\\.txt$`));
  });

  it("fails with exit 74 when the file cannot be written", () => {
    const result = runCli(["list", "-o", join(scratch, "missing", "list.txt")]);
    expect(result.code).toBe(74);
    expect(result.stderr).toMatch(
      /^csroles: cannot write the output to '.*list\.txt': its folder does not exist\n/,
    );
  });

  it("leaves an existing file as it was when the command fails", () => {
    const file = join(scratch, "kept.txt");
    writeFileSync(file, "earlier output\n");
    const result = runCli(["show", "no-such-role", "-o", file]);
    expect(result.code).toBe(2);
    expect(readFileSync(file, "utf8")).toBe("earlier output\n");
  });
});
