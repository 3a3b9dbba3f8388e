/**
 * Lints a large set of files on every core: worker threads that run this same bundle take batches of
 * the file list in turn, and their reports are put back in the original order.
 */
import * as os from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { lintFiles, OptionsCache, type LintOptions } from "./lint";
import type { FileReport } from "./report";

/** Below this many files, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;

/**
 * Files per batch. Workers take batches one after another, so the main thread takes in each batch's
 * reports while the workers lint on, instead of all of them at the end with a core idle.
 */
const BATCH = 250;

type WorkerReply = { reports: FileReport[] } | { error: string; usage: boolean };

export async function lintFilesParallel(files: string[], options: LintOptions): Promise<FileReport[]> {
  const threads = Math.min(os.availableParallelism(), Math.ceil(files.length / PARALLEL_THRESHOLD));
  if (threads <= 1) return lintFiles(files, options);
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  const reports: FileReport[][] = new Array(batches.length);
  let next = 0;
  const take = () => (next < batches.length ? next++ : undefined);
  await Promise.all(Array.from({ length: threads }, () => runWorker(options, batches, reports, take)));
  return reports.flat();
}

/**
 * One worker thread, fed batches until none is left; each batch's reports go to its place. A second
 * batch waits in its queue, so it never idles while the main thread takes in the reports of the first.
 */
function runWorker(options: LintOptions, batches: string[][], reports: FileReport[][], take: () => number | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: options });
    const sent: number[] = [];
    let settled = false;
    const settle = (error?: Error) => {
      settled = true;
      void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    const send = () => {
      const index = take();
      if (index === undefined) return;
      sent.push(index);
      worker.postMessage(batches[index]);
    };
    worker.on("message", (reply: WorkerReply) => {
      if ("error" in reply) return settle(Object.assign(new Error(reply.error), { usage: reply.usage }));
      reports[sent.shift()!] = reply.reports;
      send();
      if (sent.length === 0) settle();
    });
    worker.once("error", (error) => settled || settle(error));
    worker.once("exit", (code) => settled || settle(new Error(`a lint worker stopped with exit code ${code}`)));
    send();
    send();
    if (sent.length === 0) settle();
  });
}

/** Entry point of a worker thread (the same bundle, started by runWorker): lints each batch it is sent. */
export function serveWorker(): boolean {
  if (isMainThread || !parentPort) return false;
  const port = parentPort;
  const options = workerData as LintOptions;
  const cache = new OptionsCache();
  port.on("message", (files: string[]) => {
    try {
      port.postMessage({ reports: lintFiles(files, options, cache) } satisfies WorkerReply);
    } catch (error) {
      port.postMessage({ error: (error as Error).message, usage: (error as Error).name === "UsageError" } satisfies WorkerReply);
    }
  });
  return true;
}
