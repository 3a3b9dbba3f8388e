/**
 * The server's `--stdio` writer (stdio-transport.ts): each message leaves in one write, header and
 * content together, and reads back with vscode-jsonrpc's own reader. The protocol tests run every
 * session through it; these check what they cannot see, the writes themselves.
 */
import assert from "node:assert/strict";
import { PassThrough, Writable } from "node:stream";
import { test } from "node:test";
import { StreamMessageReader, type Message } from "vscode-languageserver/node";
import { stdioTransport, WholeMessageWriter } from "../../server/src/node/stdio-transport";

const MESSAGES: Message[] = [
  { jsonrpc: "2.0", method: "initialized", params: {} } as Message,
  // Non-ASCII content: the header counts bytes, not characters.
  { jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params: { uri: "file:///é.cto-charter.yaml", diagnostics: [{ message: "The CIO’s remit — not the CTO’s." }] } } as Message,
  { jsonrpc: "2.0", id: 7, result: null } as Message,
];

test("each message is written whole, its header counting the content's bytes, and reads back with vscode-jsonrpc's reader", async () => {
  const writes: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      writes.push(chunk);
      done();
    },
  });
  const writer = new WholeMessageWriter(sink);
  for (const message of MESSAGES) await writer.write(message);

  assert.equal(writes.length, MESSAGES.length, "one write per message");
  for (const [i, chunk] of writes.entries()) {
    const text = chunk.toString("utf8");
    const match = /^Content-Length: (\d+)\r\n\r\n/.exec(text);
    assert.ok(match, `write ${i} starts with its header`);
    assert.equal(Number(match[1]), chunk.length - Buffer.byteLength(match[0]), `write ${i}: the header counts the content's bytes`);
    assert.deepEqual(JSON.parse(text.slice(match[0].length)), MESSAGES[i]);
  }

  const pipe = new PassThrough();
  const reader = new StreamMessageReader(pipe);
  const read: Message[] = [];
  const all = new Promise<void>((resolve) => {
    reader.listen((message) => {
      read.push(message);
      if (read.length === MESSAGES.length) resolve();
    });
  });
  pipe.end(Buffer.concat(writes));
  await all;
  assert.deepEqual(read, MESSAGES);
  reader.dispose();
});

test("a failed write rejects and is reported to the connection with its message", async () => {
  const broken = new Writable({
    write(_chunk, _encoding, done) {
      done(new Error("EPIPE: the client is gone"));
    },
  });
  const writer = new WholeMessageWriter(broken);
  // The stream's own error event is reported too, as vscode-jsonrpc's writer does; one report names the message.
  const reported = new Promise<[Error, Message | undefined, number | undefined]>((resolve) => writer.onError((event) => event[1] && resolve(event)));
  await assert.rejects(writer.write(MESSAGES[2]), /EPIPE/);
  const [error, message, count] = await reported;
  assert.match(error.message, /EPIPE/);
  assert.deepEqual(message, MESSAGES[2]);
  assert.equal(count, 1);
});

test("only --stdio gets this transport; IPC and sockets keep the library's", () => {
  assert.equal(stdioTransport(["node", "server.js", "--node-ipc"]), undefined);
  assert.equal(stdioTransport(["node", "server.js", "--socket=5007"]), undefined);
});
