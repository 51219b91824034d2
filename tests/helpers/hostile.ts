import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { BIN, type CliResult, ROOT, runCli } from "./run-cli.js";

/** The fixture folders of tests/fixtures/hostile, one per threat class. */
export const HOSTILE = join(ROOT, "tests/fixtures/hostile");
export const VALID_PROFILE = join(ROOT, "tests/fixtures/profiles/valid/support-agent.md");
export const BUILT_IN_IDS = [
  "customer-service-executive",
  "customer-service-operations-manager",
  "customer-service-team-lead",
  "customer-support-manager",
  "customer-support-team-manager",
];

/**
 * Characters that must never reach a terminal from csroles' plain output: C0 controls (ESC, BEL,
 * backspace, a CR not ending a CSV line…), DEL, C1 controls (CSI U+009B…) and bidi overrides.
 * Newline and tab are fine. Returns the offenders as U+XXXX, for readable failures.
 */
export function unsafeCharacters(text: string): string[] {
  const found = text.match(
    /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g,
  );
  return [...new Set(found ?? [])].map(
    (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
}

/** A Node.js stack trace ("\n    at f (file:1:2)"). */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at /.test(text);
}

/** Every entry under `dir`, relative, symlinks not followed; [] for an empty or missing folder. */
export function treeOf(dir: string): string[] {
  const entries: string[] = [];
  const walk = (at: string) => {
    let names: string[];
    try {
      names = readdirSync(at);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const path = join(at, name);
      entries.push(relative(dir, path));
      if (lstatSync(path).isDirectory()) walk(path);
    }
  };
  walk(dir);
  return entries;
}

/**
 * A fresh HOME, working folder and TMPDIR for one csroles run, to prove that nothing is written
 * anywhere but the profile cache (which lives under HOME/.cache/csroles when XDG_CACHE_HOME is unset).
 */
export interface Sandbox {
  root: string;
  home: string;
  cwd: string;
  tmp: string;
  /** Runs the built binary with HOME, cwd and TMPDIR inside the sandbox. */
  run(args: string[], env?: Record<string, string | undefined>): CliResult;
  /** Everything written under HOME, cwd and TMPDIR, as home/…, cwd/…, tmp/…. */
  written(): string[];
  remove(): void;
}

export function makeSandbox(prefix = "csroles-hostile-"): Sandbox {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const home = join(root, "home");
  const cwd = join(root, "cwd");
  const tmp = join(root, "tmp");
  for (const dir of [home, cwd, tmp]) mkdirSync(dir);
  return {
    root,
    home,
    cwd,
    tmp,
    run: (args, env = {}) =>
      runCli(args, {
        cwd,
        env: { HOME: home, TMPDIR: tmp, XDG_CACHE_HOME: undefined, ...env },
        timeout: 60_000,
      }),
    written: () => [
      ...treeOf(home).map((p) => `home/${p}`),
      ...treeOf(cwd).map((p) => `cwd/${p}`),
      ...treeOf(tmp).map((p) => `tmp/${p}`),
    ],
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * A sandbox made before a suite's tests run and removed after them (so that a suite whose tests
 * are all filtered out leaves nothing behind). Its fields may be read only inside tests and hooks.
 */
export function suiteSandbox(prefix?: string): Sandbox {
  let current: Sandbox | undefined;
  const get = (): Sandbox => {
    if (!current) throw new Error("the sandbox exists only while the suite's tests run");
    return current;
  };
  beforeAll(() => {
    current = makeSandbox(prefix);
  });
  afterAll(() => {
    current?.remove();
    current = undefined;
  });
  return {
    get root() {
      return get().root;
    },
    get home() {
      return get().home;
    },
    get cwd() {
      return get().cwd;
    },
    get tmp() {
      return get().tmp;
    },
    run: (args, env) => get().run(args, env),
    written: () => get().written(),
    remove: () => get().remove(),
  };
}

/** True when this process can start another as an unprivileged user (it runs as root). */
export const RUNS_AS_ROOT = process.getuid?.() === 0;
/** The conventional unprivileged user and group. */
export const NOBODY = 65534;

let nobodysCopy: string | undefined;

/**
 * The built package (bin, dist, data: the bundle needs nothing from node_modules) copied to a
 * folder anyone may read, once: a clone may sit where user 65534 cannot go (a home folder of
 * mode 700, a temporary folder made by mktemp).
 */
function nobodysBin(): string {
  if (!nobodysCopy) {
    const copy = mkdtempSync(join(tmpdir(), "csroles-nobody-"));
    for (const entry of ["bin", "dist", "data", "package.json"])
      cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
    chmodSync(copy, 0o755);
    process.once("exit", () => rmSync(copy, { recursive: true, force: true }));
    nobodysCopy = copy;
  }
  return join(nobodysCopy, relative(ROOT, BIN));
}

/**
 * Runs the binary as uid/gid 65534. Root reads any file whatever its mode, so a test of an
 * unreadable file needs an unprivileged process; `dirs` are opened up so that user can work in them.
 */
export function runAsNobody(args: string[], cwd: string, dirs: string[]): CliResult {
  for (const dir of dirs) chmodSync(dir, 0o777);
  const result = spawnSync(process.execPath, [nobodysBin(), ...args, "--no-cache"], {
    cwd,
    env: { PATH: process.env.PATH, HOME: cwd, LANG: "C" },
    uid: NOBODY,
    gid: NOBODY,
    encoding: "utf8",
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, code: result.status, signal: result.signal };
}
