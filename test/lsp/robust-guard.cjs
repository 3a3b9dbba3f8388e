/**
 * Preloaded (`node --require`) into the server by robust-trust.test.ts: every way Node offers to
 * reach the network or start another program is replaced by one that records the attempt (to the
 * file named by CTO_CHARTER_GUARD_LOG) and refuses it, so a test can show a whole session made none.
 */
"use strict";
const fs = require("node:fs");

const log = process.env.CTO_CHARTER_GUARD_LOG;

// Proof for the test that the guard runs in this process, and whether code can be built from strings here.
let codeFromStrings = true;
try {
  new Function("return 1")();
} catch {
  codeFromStrings = false;
}
fs.writeFileSync(`${log}.loaded`, JSON.stringify({ pid: process.pid, codeFromStrings }));

function guard(owner, name, label) {
  if (typeof owner[name] !== "function") return;
  owner[name] = function guarded() {
    fs.appendFileSync(log, `${JSON.stringify({ attempt: label, stack: new Error().stack.split("\n").slice(2, 7) })}\n`);
    throw new Error(`${label} is refused while the test watches for network and process use`);
  };
}

const net = require("node:net");
guard(net, "connect", "net.connect");
guard(net, "createConnection", "net.createConnection");
guard(net.Socket.prototype, "connect", "net.Socket#connect");
guard(net, "createServer", "net.createServer");
guard(require("node:tls"), "connect", "tls.connect");
for (const name of ["http", "https"]) {
  const mod = require(`node:${name}`);
  guard(mod, "request", `${name}.request`);
  guard(mod, "get", `${name}.get`);
  guard(mod, "createServer", `${name}.createServer`);
}
guard(require("node:http2"), "connect", "http2.connect");
guard(require("node:dgram"), "createSocket", "dgram.createSocket");
const dns = require("node:dns");
for (const name of ["lookup", "resolve", "resolve4", "resolve6", "resolveAny"]) guard(dns, name, `dns.${name}`);
guard(globalThis, "fetch", "fetch");
const childProcess = require("node:child_process");
for (const name of ["spawn", "spawnSync", "fork", "exec", "execSync", "execFile", "execFileSync"]) guard(childProcess, name, `child_process.${name}`);
guard(require("node:worker_threads"), "Worker", "worker_threads.Worker");
