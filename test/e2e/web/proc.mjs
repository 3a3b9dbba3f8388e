// Child-process helpers for the web harness: every long-lived process gets its own process group so
// teardown can end it and all its descendants by id, and nothing else.
import { spawn } from "node:child_process";
import { createWriteStream, readdirSync, readFileSync } from "node:fs";

/** Run a command to completion, appending its output to `logFile`; reject on a non-zero exit. */
export function run(command, args, { cwd, env, logFile } = {}) {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(logFile, { flags: "a" });
    log.write(`\n$ ${command} ${args.join(" ")}\n`);
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      log.end();
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} exited with ${code ?? signal} (see ${logFile})`));
    });
  });
}

/** Start a long-lived process as the leader of a new process group. */
export function spawnGroup(command, args, options) {
  return spawn(command, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] });
}

/** Resolve with the first match of `pattern` in the child's output; reject if it exits or times out. */
export function waitForOutput(child, pattern, timeoutMs, what) {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    const onData = (chunk) => {
      seen += chunk.toString();
      const match = seen.match(pattern);
      if (match) finish(null, match);
    };
    const onExit = (code, signal) => finish(new Error(`${what}: process exited (${code ?? signal}) first`));
    function finish(error, match) {
      clearTimeout(timer);
      child.stdout.off("data", onData);
      child.stderr.off("data", onData);
      child.off("exit", onExit);
      if (error) reject(error);
      else resolve(match);
    }
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", onExit);
  });
}

/** SIGTERM the group, then SIGKILL whatever is still alive once the grace period is over. */
export async function killGroup(child, graceMs = 5000) {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  signalGroup(child.pid, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child.pid, "SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
  // The leader may go before its children: make sure the rest of the group goes too.
  signalGroup(child.pid, "SIGKILL");
}

function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch (error) {
    if (error.code !== "ESRCH") throw error;
  }
}

/**
 * Processes whose environment has HOME set to `home`: everything this run started (code-server, its
 * extension host and helpers, Chromium) and nothing else, even if a child left its process group.
 */
export function processesWithHome(home) {
  const wanted = `HOME=${home}`;
  const found = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      if (environ.includes(wanted)) found.push(Number(entry));
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return found;
}
