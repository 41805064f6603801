#!/usr/bin/env node
import { main } from '../src/cli.js';

// `replylint … | head -1`: a closed stdout ends the run quietly, with the exit code found so far.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit();
  throw error;
});
process.stderr.on('error', () => {});

process.exitCode = await main(process.argv.slice(2));
