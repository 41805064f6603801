/**
 * Entry point of the bundled CLI, dist/replylint.cjs (see bundle.mjs). Run by
 * Node as a script it runs the command. Run by `node --build-snapshot` it lints
 * sample replies (English and Japanese) once — so that module evaluation, the
 * lazily built tables and the functions' bytecode are in the snapshot, but not
 * the Japanese dictionary, which it unloads — and leaves the command as the
 * snapshot's main function: `node --snapshot-blob dist/replylint.blob CLI_DIR
 * ARGS…` (what the `replylint` launcher runs).
 */
import v8 from 'node:v8';
import { lint } from '@replylint/core';
// Not public API: the snapshot must not keep the dictionary (see unloadJapaneseTokenizer).
import { unloadJapaneseTokenizer } from '../../core/dist/src/parse/japanese.js';
import { runCommand } from '../dist/src/cli.js';
import { setCliDir } from './bundle-paths.mjs';

if (v8.startupSnapshot?.isBuildingSnapshot()) {
  const samples = [
    'Hi Anna,\n\nThank you for letting us know, and I am sorry the refund took so long. You were charged twice for order 1234 and want the second charge back.\n\nPer our policy we cannot refund shipping. I have refunded the duplicate charge today.\n\nIf you have any other questions, just reply to this email.\n\nBest regards,\nTom',
    'Hello,\n\nSimply restart the app. Obviously you should have updated it.\n\nThanks',
    '山田様\n\nお問い合わせいただきありがとうございます。ご注文の商品が届かず、ご不便をおかけして申し訳ございません。\n\n規定により送料の返金はできかねます。本日、再発送の手配をいたしました。\n\nご不明な点がございましたら、お気軽にお問い合わせください。\n\nサポート 佐藤\n\n> 注文した加湿器がまだ届きません。送料を返金してください。',
    'お世話になっております。\nご確認のほどよろしくお願いいたします。拝見させていただきました。',
  ];
  const warm = async () => {
    for (const text of samples) {
      await lint(text);
      await lint(text, { channel: 'chat', preset: 'strict', messageLanguage: 'en' });
    }
    // The code that loads and uses the dictionary is compiled now; the dictionary itself is read at run time.
    unloadJapaneseTokenizer();
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
