// What the career e2e tests (gap, graph, show <position>) share: running csroles for JSON, and the
// ladders of the library as `show --json` gives them, so that expectations follow the data.
import { join } from "node:path";
import { expect } from "vitest";
import type { Profile } from "../../src/core/profile.js";
import { displayWidth, ROOT, runCli } from "./run-cli.js";

export const CAREER_FIXTURES = join(ROOT, "tests/fixtures/career");

/** Runs csroles, expects success with nothing on stderr, and returns stdout. */
export function ok(args: string[], env: Record<string, string | undefined> = {}): string {
  const result = runCli(args, { env });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return result.stdout;
}

export function json<T>(args: string[]): T {
  return JSON.parse(ok([...args, "--json"])) as T;
}

/** Every profile of the library (with `extra` as --data arguments), as `show --json` prints it. */
export function libraryProfiles(extra: string[] = []): Profile[] {
  const { roles } = json<{ roles: { id: string }[] }>(["list", ...extra]);
  return roles.map(({ id }) => json<Profile>(["show", id, ...extra]));
}

/** The ids of the profiles whose ladders list `position`. */
export function laddersListing(profiles: Profile[], position: string): string[] {
  return profiles
    .filter((p) =>
      p.career_path.some((stage) => stage.positions.some((entry) => entry.position === position)),
    )
    .map((p) => p.id);
}

export const widest = (text: string) => Math.max(...text.split("\n").map(displayWidth));
