import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeSandbox, VALID_PROFILE } from "../helpers/hostile.js";
import { BIN } from "../helpers/run-cli.js";

/**
 * Closed pipes, failed writes and signals. To have a csroles that is surely still running when
 * the signal comes, it shows a profile of about 250 KB to a pipe this test reads once and then
 * stops reading: after the first chunk csroles is in the middle of its output and cannot finish
 * until the pipe is drained (a pipe and Node's buffer hold far less), so it is still running when
 * the signal is sent. No timing is involved.
 */
const sandbox = makeSandbox();
afterAll(() => sandbox.remove());

const folder = join(sandbox.root, "big");
mkdirSync(folder);
const line = "A line of a long profile body, repeated to make the output large.\n";
const body = line.repeat(Math.floor(250_000 / line.length));
writeFileSync(
  join(folder, "big-profile.md"),
  `${readFileSync(VALID_PROFILE, "utf8").replace("id: support-agent", "id: big-profile")}${body}`,
);
const SHOW_BIG = [BIN, "show", "big-profile", "--no-cache", "--data", folder];
const env = { PATH: process.env.PATH, HOME: sandbox.home, LANG: "C" };

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
}

/** Starts `command`, waits for its first chunk of stdout, then leaves the pipe undrained. */
async function startBlocked(command: string, args: string[]) {
  const child = spawn(command, args, { cwd: sandbox.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = exitOf(child);
  await new Promise<void>((resolve) => child.stdout?.once("data", () => resolve()));
  child.stdout?.pause();
  return { child, exited, stderr: () => stderr };
}

/** The pid of the only child of `pid` (Linux /proc). */
function childOf(pid: number): number {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/);
  expect(children).toHaveLength(1);
  return Number(children[0]);
}

describe("output to a closed pipe or a full disk", () => {
  it.each([
    ["list", ["list"]],
    ["show of a 250 KB profile", ["show", "big-profile", "--no-cache", "--data", folder]],
    ["validate --json", ["validate", "--json"]],
  ])("%s | head -1 ends quietly with exit 0", (_name, args) => {
    const result = spawnSync(
      "bash",
      ["-c", 'node "$@" | head -1; echo "exit=$PIPESTATUS" >&2', "bash", BIN, ...args],
      {
        cwd: sandbox.cwd,
        env,
        encoding: "utf8",
        timeout: 30_000,
      },
    );
    expect(result.stdout.split("\n")).toHaveLength(2);
    expect(result.stderr).toBe("exit=0\n");
  });

  it.each([
    ["list", ["list"]],
    ["show", ["show", "big-profile", "--no-cache", "--data", folder]],
    ["validate --json", ["validate", "--json"]],
    ["--help", ["--help"]],
  ])("%s > /dev/full exits 74 with one line", (_name, args) => {
    const full = openSync("/dev/full", "w");
    try {
      const result = spawnSync(process.execPath, [BIN, ...args], {
        cwd: sandbox.cwd,
        env,
        stdio: ["ignore", full, "pipe"],
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(result.status).toBe(74);
      expect(result.stderr).toBe("csroles: cannot write the output: ENOSPC\n");
    } finally {
      closeSync(full);
    }
  });
});

describe("signals", () => {
  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)(
    "%s ends a running csroles at once, with no stack trace, and the shell reports %i",
    async (signal, status) => {
      const direct = await startBlocked(process.execPath, SHOW_BIG);
      direct.child.kill(signal);
      // The default action of the signal: the process ends by it (the shell shows 128 + its number).
      expect(await direct.exited).toEqual({ code: null, signal });
      expect(direct.stderr()).toBe("");

      const shell = await startBlocked("bash", [
        "-c",
        'node "$@"; echo "status=$?" >&2',
        "bash",
        ...SHOW_BIG,
      ]);
      process.kill(childOf(shell.child.pid as number), signal);
      expect(await shell.exited).toEqual({ code: 0, signal: null });
      // bash itself may add a line of its own ("Terminated"); csroles adds nothing.
      expect(shell.stderr().endsWith(`status=${status}\n`)).toBe(true);
      expect(shell.stderr().replace(/^Terminated\n/, "")).toBe(`status=${status}\n`);
    },
    60_000,
  );
});
