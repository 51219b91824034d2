import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, isAbsolute, join } from "node:path";

/** Words that make a command need the shell: anything beyond plain words, paths and options. */
const PLAIN_COMMAND = /^[\w@%+=:,./-]+(\s+[\w@%+=:,./-]+)*$/;

/** Whether the program named first in a plain command can be run, found as the shell would. */
function programExists(program: string, env: NodeJS.ProcessEnv): boolean {
  const candidates = program.includes("/")
    ? [program]
    : (env.PATH ?? "")
        .split(delimiter)
        .filter((dir) => isAbsolute(dir))
        .map((dir) => join(dir, program));
  return candidates.some((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Pages the text through `command`, run by the shell as git runs its pager (so PAGER="less -S"
 * works), and resolves once the pager has ended: true when it ran, false when it could not start
 * (then the caller prints the text itself). Quitting the pager before the end is normal: the
 * broken pipe is not an error. Ctrl-C while paging belongs to the pager (less uses it), so this
 * process ignores SIGINT until the pager is gone.
 */
export function pageText(text: string, command: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const program = command.split(/\s+/)[0] ?? "";
  if (PLAIN_COMMAND.test(command) && !programExists(program, env)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const ignoreInterrupt = () => {};
    process.on("SIGINT", ignoreInterrupt);
    const pager = spawn("/bin/sh", ["-c", command], {
      stdio: ["pipe", "inherit", "inherit"],
      // As git does: less and lv keep colour and quit when the text fits, unless told otherwise.
      env: { LESS: "FRX", LV: "-c", ...env },
    });
    const done = (ran: boolean) => {
      process.removeListener("SIGINT", ignoreInterrupt);
      resolve(ran);
    };
    pager.on("error", () => done(false));
    // The pager quit before reading everything (q in less): the rest is not wanted.
    pager.stdin.on("error", () => {});
    // 126 and 127: the shell found no such program, or could not run it.
    pager.on("close", (code) => done(code !== 126 && code !== 127));
    pager.stdin.end(text);
  });
}
