/**
 * Entry of the bundled language server (dist/server.mjs). The client forks it
 * with `--node-ipc`; `startServer()` picks the transport from the arguments.
 */
import { startServer } from '@replylint/lsp';

startServer();
