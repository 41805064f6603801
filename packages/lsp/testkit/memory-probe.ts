/**
 * Test-only preload for a spawned server, to measure memory without the
 * garbage collector's laziness in the figure:
 *
 *   NODE_OPTIONS="--expose-gc --import <this file's URL>" REPLYLINT_MEMORY_PROBE=/tmp/x.json
 *
 * On SIGUSR2 the server collects garbage and writes process.memoryUsage()
 * (plus a timestamp) to $REPLYLINT_MEMORY_PROBE. Nothing else changes.
 */
import { writeFileSync } from 'node:fs';

const out = process.env['REPLYLINT_MEMORY_PROBE'];
if (out) {
  process.on('SIGUSR2', () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    writeFileSync(out, JSON.stringify({ ...process.memoryUsage(), gc: typeof gc === 'function', at: Date.now() }));
  });
}
