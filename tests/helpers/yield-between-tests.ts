// Every test file: after each test, one turn of the event loop.
//
// Most end-to-end tests run csroles with spawnSync, which blocks this worker; between synchronous
// tests vitest only awaits promises, so the worker never reads its messages from the main process.
// Vitest's calls to the main process (onTaskUpdate) time out after 60 s without a reply: on a busy
// machine a file of synchronous tests can take longer than that in all, and the run then failed
// with "[vitest-worker]: Timeout calling onTaskUpdate" although every test passed. A macrotask
// after each test lets the worker read the replies, so the block is one test long at most.
import { afterEach } from "vitest";

afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
