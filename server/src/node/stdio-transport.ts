/**
 * The `--stdio` transport, with each message written whole. vscode-jsonrpc writes a message's header
 * and its content as two writes: two system calls per message, and a client that wakes up for a
 * header it cannot use yet. Here both go out as one buffer (100-line charter: keystroke to
 * diagnostics 1.95 → 1.80× the parse floor, 10 interleaved sessions each). Node IPC (VS Code) and
 * sockets keep the library's own transports.
 */
import { Console } from "node:console";
import type { Message, MessageWriter } from "vscode-languageserver/node";
import { AbstractMessageWriter } from "../lsp/library";

export class WholeMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on("error", (error: Error) => this.fireError(error));
    stream.on("close", () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const content = JSON.stringify(message);
    const length = Buffer.byteLength(content, "utf8");
    const header = `Content-Length: ${length}\r\n\r\n`;
    const whole = Buffer.allocUnsafe(header.length + length);
    whole.write(header, 0, "ascii");
    whole.write(content, header.length, "utf8");
    // Written synchronously, in the order messages are sent: no queue is needed to keep them apart.
    return new Promise((resolve, reject) => {
      this.stream.write(whole, (error) => {
        if (!error) return resolve();
        this.fireError(error, message, ++this.errors);
        reject(error);
      });
    });
  }

  end(): void {
    this.stream.end();
  }
}

/**
 * What `createConnection` is given for `--stdio`: stdin as a stream, so that the library still ends
 * the process when the client closes it, and the writer above. The library's overloads pair two
 * streams or a reader and a writer, but it takes each side on its own at run time (vscode-jsonrpc's
 * `createMessageConnection`), so the writer is passed where a stream is declared. Undefined for any
 * other transport, which the library then reads from the command line itself.
 */
export function stdioTransport(argv: readonly string[] = process.argv): [NodeJS.ReadableStream, NodeJS.WritableStream] | undefined {
  if (!argv.includes("--stdio")) return undefined;
  // stdout carries the protocol: what anything prints goes to stderr, which clients keep as the server's log.
  globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });
  return [process.stdin, new WholeMessageWriter(process.stdout) as unknown as NodeJS.WritableStream];
}
