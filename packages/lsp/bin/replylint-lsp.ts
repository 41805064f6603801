#!/usr/bin/env node
/**
 * replylint-lsp: the replylint language server.
 *
 *   replylint-lsp --stdio        talk LSP over stdin/stdout (Neovim, Helix, Emacs, …)
 *   replylint-lsp --node-ipc     talk LSP over Node IPC (VS Code)
 *   replylint-lsp --socket=PORT  talk LSP over a TCP socket
 */
import { startServer } from '../src/server.js';

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write('0.1.0\n');
} else if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
  process.stderr.write(
    'Usage: replylint-lsp --stdio | --node-ipc | --socket=PORT\n' +
      'The replylint language server. Start it from your editor; see docs/editors.md.\n',
  );
  process.exitCode = args.includes('--help') || args.includes('-h') ? 0 : 2;
} else {
  startServer();
}
