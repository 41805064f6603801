/** Worker thread for `replylint audit`: lints batches of lines posted by the main thread. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { auditLine, type AuditLine, type AuditSettings } from './audit-line.js';

const settings = workerData as AuditSettings;

// Keep memory flat over long audits: V8 grows the heap lazily when a lot of short-lived analysis
// data is allocated, so the worker collects garbage itself every few batches. `gc` is V8's own
// function, reached once here (a constant string, never user input).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const batchesPerCollection = 32;
let batches = 0;

parentPort!.on('message', async (batch: AuditLine[]) => {
  const results = [];
  for (const line of batch) results.push(await auditLine(line, settings));
  parentPort!.postMessage(results);
  if (++batches % batchesPerCollection === 0) collect();
});
