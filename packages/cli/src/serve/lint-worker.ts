/** Worker thread for `replylint serve --workers N`: answers lint requests posted by the server. */
import { parentPort, workerData } from 'node:worker_threads';
import type { LintOptions } from '@replylint/core';
import { answerLintRequest, type LintRequest } from './lint-request.js';

const base = workerData as LintOptions;

parentPort!.on('message', async ({ id, request }: { id: number; request: LintRequest }) => {
  try {
    parentPort!.postMessage({ id, answer: await answerLintRequest(request, base) });
  } catch (error) {
    // Only the error's name crosses back: its message could quote the reply.
    parentPort!.postMessage({ id, failure: (error as Error)?.name ?? 'Error' });
  }
});
