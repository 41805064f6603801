/**
 * `replylint serve` command-line options → settings. Refuses, with one line, a
 * server reachable from other machines that has no token, unless the operator
 * says `--insecure-no-auth`.
 */
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { CliError } from '../input.js';

export const serveOptionSpec = {
  host: { type: 'string' },
  port: { type: 'string' },
  token: { type: 'string' },
  'insecure-no-auth': { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  'body-limit': { type: 'string' },
  workers: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** 1 MiB: a reply of about 350,000 Japanese characters, far more than any real one. */
export const defaultBodyLimit = 1_048_576;
/** Tokens shorter than this are refused: a bearer token must not be guessable. */
export const minTokenLength = 16;

export interface ServeSettings {
  help: boolean;
  host: string;
  port: number;
  /** Bearer token required on /v1 routes; undefined: no authentication. */
  token?: string;
  bodyLimit: number;
  /** Worker threads that lint; 0 lints in the server's own thread. */
  workers: number;
  /** `--config FILE` as given. */
  config?: string;
  noConfig: boolean;
}

/** Parse `replylint serve …` (argv without `serve`). The token may also come from REPLYLINT_TOKEN. */
export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeSettings {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: serveOptionSpec, allowPositionals: true, strict: true });
  } catch (error) {
    const reason = (error as Error).message.split('. ')[0]!.replace(/\.$/, '');
    throw new CliError(`serve: ${reason} (see replylint serve --help)`);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) throw new CliError(`serve takes no file arguments, got ${positionals.join(' ')} (see replylint serve --help)`);
  if (values.config !== undefined && values['no-config']) throw new CliError('serve: --config and --no-config exclude each other');

  const host = values.host ?? '127.0.0.1';
  if (host.trim() === '') throw new CliError('--host: expected an address or host name');
  const token = values.token ?? (env.REPLYLINT_TOKEN || undefined);
  if (token !== undefined && token.length < minTokenLength) {
    throw new CliError(`--token: at least ${minTokenLength} characters, so it cannot be guessed (e.g. openssl rand -hex 32)`);
  }
  if (token !== undefined && /[^\x21-\x7e]/.test(token)) throw new CliError('--token: use printable ASCII characters without spaces');
  if (token !== undefined && values['insecure-no-auth']) throw new CliError('serve: --token and --insecure-no-auth exclude each other');
  if (!isLoopback(host) && token === undefined && !values['insecure-no-auth']) {
    throw new CliError(
      `--host ${host} is reachable from other machines: pass --token TOKEN (or set REPLYLINT_TOKEN), or --insecure-no-auth to serve without authentication`,
    );
  }
  return {
    help: values.help === true,
    host,
    port: wholeNumber(values.port ?? '8080', '--port', 0, 65_535),
    token,
    bodyLimit: wholeNumber(values['body-limit'] ?? String(defaultBodyLimit), '--body-limit', 1024, 1024 ** 3),
    workers: wholeNumber(values.workers ?? '0', '--workers', 0, 64),
    config: values.config,
    noConfig: values['no-config'] === true,
  };
}

/** 127.0.0.0/8, ::1, an IPv4-mapped 127.x address, or `localhost`. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^(0{0,4}:){0,5}:?ffff:127\./.test(bare) || /^(0{1,4}:){7}0{0,3}1$/.test(bare);
  return false;
}

function wholeNumber(value: string, flag: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new CliError(`${flag} ${value}: expected a whole number from ${min} to ${max}`);
  }
  return Number(value);
}
