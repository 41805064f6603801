/**
 * `replylint serve`: load the config, start the HTTP server, print `listening on URL` as the
 * first stdout line, and on SIGTERM or SIGINT stop accepting, finish the requests in flight
 * and return 0. Start-up problems are one line and exit code 2 (thrown as CliError/ConfigError).
 */
import { once } from 'node:events';
import type { FastifyInstance } from 'fastify';
import { CliError } from '../input.js';
import { buildApp } from './app.js';
import { loadServerConfig } from './config-source.js';
import { serveHelp } from './help.js';
import { answerLintRequest } from './lint-request.js';
import type { Linter } from './lint-route.js';
import { parseServeArgs } from './settings.js';
import { startWorkerPool } from './worker-pool.js';

export async function runServe(argv: string[], cwd: string): Promise<number> {
  const settings = parseServeArgs(argv);
  if (settings.help) {
    process.stdout.write(serveHelp);
    return 0;
  }
  const { options } = await loadServerConfig(settings, cwd);
  const pool = settings.workers > 0 ? await startWorkerPool(settings.workers, options) : undefined;
  const linter: Linter = pool ? pool.lint : (request) => answerLintRequest(request, options);
  const app = await buildApp({ bodyLimit: settings.bodyLimit, token: settings.token, linter });
  // Listen for signals before announcing the URL: a supervisor may signal as soon as it reads it.
  const stopSignal = Promise.race([once(process, 'SIGTERM'), once(process, 'SIGINT')]);
  try {
    await app.listen({ host: settings.host, port: settings.port });
  } catch (error) {
    await pool?.close();
    throw new CliError(listenError(error as NodeJS.ErrnoException, settings.host, settings.port));
  }
  process.stdout.write(`listening on ${url(app)}\n`);
  const signal = await stopSignal;
  app.log.info({ signal: signal[0] ?? 'signal' }, 'stopping: finishing requests in flight');
  // A second signal while finishing ends at once.
  const force = () => process.exit(1);
  process.once('SIGTERM', force).once('SIGINT', force);
  await app.close();
  await pool?.close();
  process.off('SIGTERM', force).off('SIGINT', force);
  return 0;
}

function url(app: FastifyInstance): string {
  const address = app.server.address();
  if (address === null || typeof address === 'string') return String(address);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `--port ${port}: already in use on ${host} (--port 0 picks a free port)`;
    case 'EACCES':
      return `--port ${port}: permission denied (ports below 1024 need privileges)`;
    case 'EADDRNOTAVAIL':
      return `--host ${host}: not an address of this machine`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `--host ${host}: no such host name`;
  }
  return `cannot listen on ${host}:${port}: ${(error.message ?? String(error)).split('\n')[0]}`;
}
