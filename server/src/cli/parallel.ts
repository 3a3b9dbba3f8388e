/**
 * Lints a large set of files on every core: the file list is dealt round-robin to worker threads
 * that run this same bundle, and their reports are put back in the original order.
 */
import * as os from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { lintFiles, type LintOptions } from "./lint";
import type { FileReport } from "./report";

/** Below this many files, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;

interface Job {
  files: string[];
  options: LintOptions;
}

type WorkerReply = { reports: FileReport[] } | { error: string; usage: boolean };

export async function lintFilesParallel(files: string[], options: LintOptions): Promise<FileReport[]> {
  const threads = Math.min(os.availableParallelism(), Math.ceil(files.length / PARALLEL_THRESHOLD));
  if (threads <= 1) return lintFiles(files, options);
  const shares = Array.from({ length: threads }, (_, t) => files.filter((_, i) => i % threads === t));
  const results = await Promise.all(shares.map((share) => runWorker({ files: share, options })));
  const merged: FileReport[] = new Array(files.length);
  results.forEach((reports, t) => reports.forEach((report, j) => (merged[j * threads + t] = report)));
  return merged;
}

function runWorker(job: Job): Promise<FileReport[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: job });
    worker.once("message", (reply: WorkerReply) => {
      if ("reports" in reply) resolve(reply.reports);
      else reject(Object.assign(new Error(reply.error), { usage: reply.usage }));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`a lint worker stopped with exit code ${code}`)));
  });
}

/** Entry point of a worker thread (the same bundle, started by runWorker). */
export function serveWorker(): boolean {
  if (isMainThread || !parentPort) return false;
  const job = workerData as Job;
  try {
    parentPort.postMessage({ reports: lintFiles(job.files, job.options) } satisfies WorkerReply);
  } catch (error) {
    parentPort.postMessage({ error: (error as Error).message, usage: (error as Error).name === "UsageError" } satisfies WorkerReply);
  }
  return true;
}
