/** Worker thread for `replylint audit`: lints batches of lines posted by the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { auditLine, type AuditLine, type AuditSettings } from './audit-line.js';

const settings = workerData as AuditSettings;

parentPort!.on('message', async (batch: AuditLine[]) => {
  const results = [];
  for (const line of batch) results.push(await auditLine(line, settings));
  parentPort!.postMessage(results);
});
