/**
 * `--workers N`: lint on N worker threads, each with its own Japanese dictionary. A request
 * goes to the worker with the fewest requests in flight. A worker that dies fails its own
 * requests (500) and is replaced.
 */
import { Worker } from 'node:worker_threads';
import type { LintOptions } from '@replylint/core';
import type { LintAnswer, LintRequest } from './lint-request.js';
import type { Linter } from './lint-route.js';

interface Pending {
  resolve: (answer: LintAnswer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

export interface WorkerPool {
  lint: Linter;
  close(): Promise<void>;
}

const workerFile = new URL('./lint-worker.js', import.meta.url);

export async function startWorkerPool(size: number, base: LintOptions): Promise<WorkerPool> {
  let nextId = 0;
  let closing = false;
  const slots: Slot[] = [];

  const spawn = async (index: number): Promise<void> => {
    const slot: Slot = { worker: new Worker(workerFile, { workerData: base }), pending: new Map() };
    slots[index] = slot;
    slot.worker.on('message', ({ id, answer, failure }: { id: number; answer?: LintAnswer; failure?: string }) => {
      const pending = slot.pending.get(id);
      slot.pending.delete(id);
      if (answer) pending?.resolve(answer);
      else pending?.reject(new Error(`lint failed on a worker thread (${failure})`));
    });
    const fail = (reason: string) => {
      for (const pending of slot.pending.values()) pending.reject(new Error(reason));
      slot.pending.clear();
      if (!closing && slots[index] === slot) spawn(index).catch(() => {});
    };
    slot.worker.on('error', (error) => fail(`worker thread failed (${error.name})`));
    slot.worker.on('exit', (code) => fail(`worker thread exited with code ${code}`));
    await new Promise<void>((resolve, reject) => {
      slot.worker.once('online', resolve);
      slot.worker.once('error', reject);
    });
  };
  await Promise.all(Array.from({ length: size }, (_, i) => spawn(i)));

  return {
    lint(request: LintRequest): Promise<LintAnswer> {
      const slot = slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, request });
      });
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
