/**
 * Lints a large set of files on every core: worker threads that run this same bundle take batches of
 * the file list in turn, and their results are put back in the original order. For stylish output
 * each batch comes back as its text and a summary: rendering happens on the workers, and the main
 * thread takes in a string per batch instead of thousands of findings.
 */
import * as os from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { stylishFiles } from "./format-stylish";
import { lintFiles, OptionsCache, type LintOptions } from "./lint";
import { addSummaries, summarize, type FileReport, type Summary } from "./report";

export interface RunOptions extends LintOptions {
  /** Render batches as stylish text (then `reports` is left out of the result). */
  stylish?: { color: boolean };
}

/** Every file's report (for JSON and SARIF), or the stylish text of every file; and the summary. */
export interface LintResult {
  reports?: FileReport[];
  text?: string;
  summary: Summary;
}

/** One batch, linted and rendered as asked. */
function lintBatch(files: string[], options: RunOptions, cache?: OptionsCache): LintResult {
  const reports = lintFiles(files, options, cache);
  const summary = summarize(reports);
  return options.stylish ? { text: stylishFiles(reports, options.stylish.color), summary } : { reports, summary };
}

function joinResults(results: LintResult[], options: RunOptions): LintResult {
  const summary = results.reduce((total, r) => addSummaries(total, r.summary), summarize([]));
  if (options.stylish) return { text: results.map((r) => r.text).join(""), summary };
  return { reports: results.flatMap((r) => r.reports ?? []), summary };
}

/** Below this many files, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;

/**
 * Files per batch. Workers take batches one after another, so the main thread takes in each batch's
 * reports while the workers lint on, instead of all of them at the end with a core idle.
 */
const BATCH = 250;

type WorkerReply = { result: LintResult } | { error: string; usage: boolean };

export async function lintFilesParallel(files: string[], options: RunOptions): Promise<LintResult> {
  const threads = Math.min(os.availableParallelism(), Math.ceil(files.length / PARALLEL_THRESHOLD));
  if (threads <= 1) return lintBatch(files, options);
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  const results: LintResult[] = new Array(batches.length);
  let next = 0;
  const take = () => (next < batches.length ? next++ : undefined);
  await Promise.all(Array.from({ length: threads }, () => runWorker(options, batches, results, take)));
  return joinResults(results, options);
}

/**
 * One worker thread, fed batches until none is left; each batch's result goes to its place. A second
 * batch waits in its queue, so it never idles while the main thread takes in the result of the first.
 */
function runWorker(options: RunOptions, batches: string[][], results: LintResult[], take: () => number | undefined): Promise<void> {
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
      results[sent.shift()!] = reply.result;
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
  const options = workerData as RunOptions;
  const cache = new OptionsCache();
  port.on("message", (files: string[]) => {
    try {
      port.postMessage({ result: lintBatch(files, options, cache) } satisfies WorkerReply);
    } catch (error) {
      port.postMessage({ error: (error as Error).message, usage: (error as Error).name === "UsageError" } satisfies WorkerReply);
    }
  });
  return true;
}
