/**
 * Entry point of the bundled CLI, dist/replylint.cjs (see bundle.mjs). Run by
 * Node as a script it runs the command. Run by `node --build-snapshot` it lints
 * sample replies once — so that module evaluation, the lazily built tables and
 * the functions' bytecode are in the snapshot — and leaves the command as the
 * snapshot's main function: `node --snapshot-blob dist/replylint.blob CLI_DIR
 * ARGS…` (what the `replylint` launcher runs).
 */
import v8 from 'node:v8';
import { lint } from '@replylint/core';
import { runCommand } from '../dist/src/cli.js';
import { setCliDir } from './bundle-paths.mjs';

if (v8.startupSnapshot?.isBuildingSnapshot()) {
  const samples = [
    'Hi Anna,\n\nThank you for letting us know, and I am sorry the refund took so long. You were charged twice for order 1234 and want the second charge back.\n\nPer our policy we cannot refund shipping. I have refunded the duplicate charge today.\n\nIf you have any other questions, just reply to this email.\n\nBest regards,\nTom',
    'Hello,\n\nSimply restart the app. Obviously you should have updated it.\n\nThanks',
  ];
  const warm = async () => {
    for (const text of samples) {
      await lint(text);
      await lint(text, { channel: 'chat', preset: 'strict', messageLanguage: 'ja' });
    }
  };
  warm().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    const [cliDir, ...argv] = process.argv.slice(1);
    setCliDir(cliDir);
    void runCommand(argv);
  });
} else {
  // The launcher's flag, for runs without the snapshot (see snapshotFlags in bundle.mjs).
  v8.setFlagsFromString('--no-regexp-tier-up');
  void runCommand(process.argv.slice(2));
}
