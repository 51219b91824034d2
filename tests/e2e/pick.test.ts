import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, displayWidth, ROOT, runCli } from "../helpers/run-cli.js";

/**
 * Drives the built binary in a real pseudo-terminal (Python's pty module): for each step it waits
 * until the expected text has appeared on the screen since the previous step's match (escape
 * sequences stripped), then types the step's keys. A step that waits too long, or a process that
 * does not end, is killed and reported; nothing here depends on timing beyond those limits.
 */
const PTY_DRIVER = String.raw`
import json, os, pty, re, select, signal, struct, sys, time, fcntl, termios
spec = json.loads(sys.argv[1])
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[=>]")
pid, fd = pty.fork()
if pid == 0:
    os.chdir(spec["cwd"])
    os.execve(spec["argv"][0], spec["argv"], spec["env"])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", spec["rows"], spec["columns"], 0, 0))
raw = b""
def pump(timeout):
    global raw
    if select.select([fd], [], [], timeout)[0]:
        try:
            data = os.read(fd, 65536)
        except OSError:
            data = b""
        raw += data
        return bool(data)
    return True
def text():
    return ANSI.sub("", raw.decode("utf8", "replace"))
mark, failed, status = 0, None, None
for index, step in enumerate(spec["steps"]):
    want, deadline, alive = step.get("expect"), time.time() + spec["stepTimeout"], True
    while want is not None and want not in text()[mark:]:
        if time.time() > deadline or not alive:
            failed = {"step": index, "expected": want}
            break
        alive = pump(0.05)
    if failed:
        break
    if want is not None:
        mark += text()[mark:].index(want) + len(want)
    if "send" in step:
        os.write(fd, step["send"].encode("utf8"))
deadline = time.time() + spec["stepTimeout"]
while status is None:
    done, st = os.waitpid(pid, os.WNOHANG)
    if done:
        status = st
    elif failed or time.time() > deadline:
        os.kill(pid, signal.SIGKILL)
        status = os.waitpid(pid, 0)[1]
    else:
        pump(0.05)
while select.select([fd], [], [], 0.2)[0]:
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    raw += data
import unicodedata
def screen(data, columns):
    # What a terminal shows for the output: every line ever written (scrollback included), after
    # cursor moves and erases, as far as the prompts and csroles use them.
    lines, row, col, pending, cursor = [[]], 0, 0, False, True
    def cell(r):
        while len(lines) <= r:
            lines.append([])
        line = lines[r]
        while len(line) < columns:
            line.append(" ")
        return line
    i = 0
    while i < len(data):
        ch = data[i]
        if ch == "\x1b":
            m = re.compile(r"\x1b\[([?]?)([0-9;]*)([ -/]*[@-~])").match(data, i)
            if m:
                private, params, final = m.group(1), m.group(2), m.group(3)
                n = int(params.split(";")[0] or "0")
                if private:
                    if params == "25" and final in "hl":
                        cursor = final == "h"
                elif final == "A":
                    row, pending = max(0, row - max(n, 1)), False
                elif final == "B":
                    row, pending = row + max(n, 1), False
                elif final == "C":
                    col, pending = min(columns - 1, col + max(n, 1)), False
                elif final == "D":
                    col, pending = max(0, col - max(n, 1)), False
                elif final == "G":
                    col, pending = max(0, min(columns - 1, max(n, 1) - 1)), False
                elif final == "K":
                    line = cell(row)
                    start, end = {0: (col, columns), 1: (0, col + 1), 2: (0, columns)}.get(n, (0, 0))
                    for c in range(start, end):
                        line[c] = " "
                elif final == "J" and n in (0, 2):
                    del lines[row + 1:]
                    line = cell(row)
                    for c in range(0 if n == 2 else col, columns):
                        line[c] = " "
                i = m.end()
                continue
            m = re.compile(r"\x1b\][^\x07]*\x07|\x1b[=>]").match(data, i)
            i = m.end() if m else i + 1
            continue
        i += 1
        if ch == "\r":
            col, pending = 0, False
        elif ch == "\n":
            row, pending = row + 1, False
        elif ch == "\b":
            col, pending = max(0, col - 1), False
        elif ch >= " " and ch != "\x7f":
            wide = unicodedata.east_asian_width(ch) in "WF"
            if unicodedata.combining(ch):
                continue
            if pending or col + (2 if wide else 1) > columns:
                row, col, pending = row + 1, 0, False
            line = cell(row)
            line[col] = ch
            if wide and col + 1 < columns:
                line[col + 1] = ""
            col += 2 if wide else 1
            if col >= columns:
                col, pending = columns - 1, True
    shown = ["".join(line).rstrip() for line in lines]
    while shown and shown[-1] == "":
        shown.pop()
    return shown, cursor
lines, cursor = screen(raw.decode("utf8", "replace"), spec["columns"])
print(json.dumps({
    "code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
    "killed": not os.WIFEXITED(status),
    "failed": failed,
    "raw": raw.decode("utf8", "replace"),
    "text": text(),
    "screen": lines,
    "cursorVisible": cursor,
}))
`;

interface Step {
  /** Text to wait for on the screen. */
  expect?: string;
  /** Keys to type once it is there. */
  send?: string;
}

interface PtyResult {
  code: number | null;
  killed: boolean;
  failed: { step: number; expected: string } | null;
  /** Everything the terminal received, escape sequences included. */
  raw: string;
  /** The same without escape sequences. */
  text: string;
  /** The terminal's lines at the end, scrollback included, as a terminal would show them. */
  screen: string[];
  cursorVisible: boolean;
}

const KEY = { enter: "\r", down: "\u001b[B", space: " ", esc: "\u001b", ctrlC: "\u0003" };

function runInPty(
  steps: Step[],
  options: { columns?: number; env?: Record<string, string>; argv?: string[] } = {},
): PtyResult {
  const spec = {
    argv: options.argv ?? [process.execPath, BIN, "pick"],
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      LANG: "C",
      TERM: "xterm",
      // Profiles are printed, not paged (one test below pages one).
      CSROLES_PAGER: "cat",
      ...options.env,
    },
    rows: 30,
    columns: options.columns ?? 100,
    stepTimeout: 15,
    steps,
  };
  const result = spawnSync("python3", ["-c", PTY_DRIVER, JSON.stringify(spec)], {
    encoding: "utf8",
    timeout: 90_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`pty driver failed: ${result.stderr}`);
  const outcome = JSON.parse(result.stdout) as PtyResult;
  if (outcome.failed) {
    throw new Error(
      `step ${outcome.failed.step}: never saw ${JSON.stringify(outcome.failed.expected)}; screen:\n${outcome.text.slice(-3000)}`,
    );
  }
  return outcome;
}

/** Colour and other styling escapes (SGR); cursor movement and visibility are not styling. */
const STYLING = /\u001b\[[0-9;]*m/;

function expectNoStackTrace(result: PtyResult): void {
  expect(result.text).not.toMatch(/PromptError|\n\s+at /);
}

/** No prompt is left on the screen, whole or half drawn, and the cursor is visible. */
function expectTerminalRestored(result: PtyResult): void {
  expect(result.screen.filter((line) => /^[?❯]|what next\?|esc quit/.test(line))).toEqual([]);
  expect(result.cursorVisible).toBe(true);
}

describe("csroles pick in a terminal", () => {
  it("finds a role from part of its title, shows it, and quits with Ctrl-C (exit 130)", () => {
    const result = runInPty([
      { expect: "? Find a role:", send: "kundtjanstteam" },
      { expect: "❯ Kundtjänstteamledare — Customer Service Team Lead · sv · Mid-level", send: KEY.enter },
      { expect: "? Kundtjänstteamledare — what next?" },
      { expect: "❯ Show the profile", send: KEY.enter },
      { expect: "Best practices" },
      { expect: "? Kundtjänstteamledare — what next?", send: KEY.ctrlC },
    ]);
    expect(result.code).toBe(130);
    expect(result.screen.slice(0, 6)).toEqual([
      "✔ Role: Kundtjänstteamledare — Customer Service Team Lead (customer-service-team-lead)",
      "✔ Show the profile",
      "Kundtjänstteamledare — Customer Service Team Lead",
      "ID: customer-service-team-lead",
      "Language: Swedish (sv)",
      "Level: Mid-level",
    ]);
    expect(result.screen).toContain("Best practices");
    expect(result.screen.slice(-2)).toEqual(["", "csroles: interrupted"]);
    expectTerminalRestored(result);
    expectNoStackTrace(result);
    // A terminal without NO_COLOR gets colour.
    expect(result.raw).toMatch(STYLING);
  }, 120_000);

  it("shows the profile through the pager, then asks again", () => {
    const out = join(mkdtempSync(join(tmpdir(), "csroles-pick-pager-")), "paged.json");
    const fakePager = join(ROOT, "tests/fixtures/pager/fake-pager.mjs");
    const result = runInPty(
      [
        { expect: "? Find a role:", send: "kundtjanstteam" },
        { expect: "❯ Kundtjänstteamledare — Customer Service Team Lead · sv · Mid-level", send: KEY.enter },
        { expect: "❯ Show the profile", send: KEY.enter },
        { expect: "✔ Show the profile" },
        { expect: "? Kundtjänstteamledare — what next?", send: KEY.ctrlC },
      ],
      { env: { CSROLES_PAGER: `"${process.execPath}" ${fakePager}`, FAKE_PAGER_OUT: out } },
    );
    expect(result.code).toBe(130);
    const paged = JSON.parse(readFileSync(out, "utf8")) as { text: string };
    // The colour of the terminal is kept for the pager.
    expect(paged.text).toMatch(/^\u001b\[[0-9;]*m/);
    expect(paged.text).toContain("Kundtjänstteamledare — Customer Service Team Lead");
    expect(paged.text).toContain("Best practices");
    expect(result.screen).not.toContain("Best practices");
  }, 120_000);

  it("quits with Esc (exit 130), leaving no prompt behind", () => {
    const result = runInPty([
      { expect: "? Find a role:", send: "asiak" },
      { expect: "❯ Asiakastukitiimin johtaja", send: KEY.esc },
    ]);
    expect(result.code).toBe(130);
    expect(result.screen).toEqual(["csroles: interrupted"]);
    expectTerminalRestored(result);
    expectNoStackTrace(result);
  }, 120_000);

  it("quits with Esc from the actions (exit 130)", () => {
    const result = runInPty(
      [
        { expect: "? Find a role:", send: "kundesupportchef" },
        { expect: "❯ Kundesupportchef", send: KEY.enter },
        { expect: "? Kundesupportchef — what next?", send: KEY.esc },
      ],
      { env: { NO_COLOR: "1" } },
    );
    expect(result.code).toBe(130);
    expect(result.screen).toEqual([
      "✔ Role: Kundesupportchef — Customer Support Manager (customer-support-manager)",
      "csroles: interrupted",
    ]);
    expectTerminalRestored(result);
  }, 120_000);

  it("compares and searches at 40 columns without colour, then quits (exit 0)", () => {
    const result = runInPty(
      [
        { expect: "? Find a role:", send: "cse" },
        { expect: "❯ Kundeserviceansvarlig\r\n  Customer Service… · nb · Entry level", send: KEY.enter },
        { expect: "what next?", send: KEY.down },
        { expect: "❯ Compare with other roles", send: KEY.enter },
        { expect: "? Compare Kundeserviceansvarlig with:" },
        { expect: "❯◯ Asiakastukitiimin johtaja", send: KEY.space },
        { expect: "❯◉ Asiakastukitiimin johtaja", send: KEY.enter },
        { expect: "Jaccard similarity" },
        { expect: "what next?", send: KEY.down + KEY.down },
        { expect: "❯ Search skills and tools", send: KEY.enter },
        { expect: "? Skill or tool (empty: back):", send: "zendesk" },
        { expect: "zendesk", send: KEY.enter },
        { expect: "Zendesk" },
        { expect: "what next?", send: KEY.down.repeat(5) },
        { expect: "❯ Quit", send: KEY.enter },
      ],
      { columns: 40, env: { NO_COLOR: "1" } },
    );
    expect(result.code).toBe(0);
    expect(result.screen.slice(0, 5)).toEqual([
      "✔ Role: Kundeserviceansvarlig — Customer",
      "  Service Executive",
      "  (customer-service-executive)",
      "✔ Compare with: Asiakastukitiimin",
      "  johtaja",
    ]);
    const search = result.screen.indexOf("✔ Search: zendesk");
    expect(result.screen.slice(search, search + 4)).toEqual([
      "✔ Search: zendesk",
      "1. Zendesk · tool · Customer",
      "   relationship management (CRM) · match",
      '   1.00 · found by "zendesk" as Zendesk',
    ]);
    expect(result.raw).not.toMatch(STYLING);
    for (const line of result.screen) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    expectTerminalRestored(result);
    expectNoStackTrace(result);
  }, 120_000);

  it("says why a search is refused, with its hint, and goes on", () => {
    const result = runInPty(
      [
        { expect: "? Find a role:", send: "cse" },
        { expect: "❯ Kundeserviceansvarlig", send: KEY.enter },
        { expect: "what next?", send: KEY.down + KEY.down },
        { expect: "❯ Search skills and tools", send: KEY.enter },
        { expect: "(empty: back):", send: `${"z".repeat(501)}${KEY.enter}` },
        { expect: "hint: search for one skill or tool at a time" },
        { expect: "what next?", send: KEY.ctrlC },
      ],
      { env: { NO_COLOR: "1" } },
    );
    expect(result.code).toBe(130);
    const refused = result.screen.indexOf("the search query is longer than 500 characters");
    expect(result.screen[refused + 1]).toBe("hint: search for one skill or tool at a time");
    expectTerminalRestored(result);
    expectNoStackTrace(result);
  }, 120_000);

  it("refuses when stdout is not a terminal even though stdin is (exit 2)", () => {
    const result = runInPty([], {
      argv: ["/bin/bash", "-c", `'${process.execPath}' '${BIN}' pick | cat; exit "\${PIPESTATUS[0]}"`],
    });
    expect(result.code).toBe(2);
    expect(result.screen).toEqual([
      "csroles: pick is interactive and needs a terminal; use list, show, search or compare instead",
      "hint: e.g. csroles list, then csroles show <role>",
    ]);
  }, 120_000);
});

describe("csroles pick without a terminal", () => {
  const MESSAGE =
    "csroles: pick is interactive and needs a terminal; use list, show, search or compare instead\n" +
    "hint: e.g. csroles list, then csroles show <role>\n";

  it("refuses a piped stdin (echo | csroles pick) with exit 2", () => {
    const result = runCli(["pick"], { input: "\n" });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(MESSAGE);
    expect(result.stdout).toBe("");
  });

  it("refuses stdin from /dev/null (csroles pick < /dev/null) with exit 2", () => {
    const devNull = openSync("/dev/null", "r");
    try {
      const result = spawnSync(process.execPath, [BIN, "pick"], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "C" },
        stdio: [devNull, "pipe", "pipe"],
        encoding: "utf8",
        timeout: 15_000,
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(MESSAGE);
      expect(result.stdout).toBe("");
    } finally {
      closeSync(devNull);
    }
  });
});
