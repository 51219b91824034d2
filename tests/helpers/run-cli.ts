import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = fileURLToPath(new URL("../../bin/csroles.js", import.meta.url));

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Each test file gets its own profile cache, so tests never touch the user's ~/.cache. */
export const TEST_CACHE_HOME = mkdtempSync(join(tmpdir(), "csroles-test-cache-"));
process.once("exit", () => rmSync(TEST_CACHE_HOME, { recursive: true, force: true }));

/**
 * Runs the built binary (npm test builds first) as a user would, with a clean, predictable
 * environment: no colour, 80 columns, English labels, no CSROLES_* unless given.
 */
export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  cwd?: string;
  timeout?: number;
  /** Another copy of the bin (a package copied elsewhere). */
  bin?: string;
  /** Options for node itself, before the bin (e.g. --require). */
  nodeArgs?: string[];
}

function cliEnv(options: RunOptions): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: "C",
    XDG_CACHE_HOME: TEST_CACHE_HOME,
  };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env as NodeJS.ProcessEnv;
}

export function runCli(args: string[], options: RunOptions = {}): CliResult {
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), options.bin ?? BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: cliEnv(options),
    input: options.input ?? "",
    encoding: "utf8",
    timeout: options.timeout ?? 15_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, code: result.status, signal: result.signal };
}

/**
 * runCli without blocking the test's own process (its test runner keeps talking to it meanwhile):
 * for tests that run many processes. No input: stdin is empty.
 */
export function runCliAsync(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.bin ?? BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: cliEnv(options),
      stdio: ["ignore", "pipe", "pipe"],
      timeout: options.timeout ?? 15_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ stdout, stderr, code, signal }));
  });
}

/** True when the text has no ESC, CSI or other C0/C1 control byte besides newline, tab and CR-LF. */
export function isPlainText(text: string): boolean {
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(text);
}

/** Widest line of the text, in terminal columns. */
export { displayWidth } from "../../src/render/wrap-text.js";
