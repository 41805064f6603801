/** `replylint serve --help`. */
import { defaultBodyLimit, minTokenLength } from './settings.js';

export const serveHelp = `Usage: replylint serve [options]

Serve replylint over HTTP for helpdesk pre-send hooks, with a playground page at /.

  POST /v1/lint   {"reply": "…", "inquiry"?, "lang"?, "channel"?, "preset"?, "rules"?,
                  "messageLanguage"?} → the reply's entry of --format json
  GET  /healthz   200 {"status":"ok"}
  GET  /          the playground

Options:
  --host H              address to listen on (default: 127.0.0.1, this machine only)
  --port P              port (default: 8080; 0 picks a free one)
  --token T             require "Authorization: Bearer T" on /v1 routes (at least
                        ${minTokenLength} characters; or set REPLYLINT_TOKEN)
  --insecure-no-auth    allow a non-loopback --host without a token
  -c, --config FILE     use this config file (default: found upward from the
                        current directory)
  --no-config           use no config file
  --body-limit BYTES    largest request body (default: ${defaultBodyLimit})
  --workers N           lint on N worker threads (default: 0, in the server's thread)
  -h, --help            show this help

The first line on stdout is "listening on http://HOST:PORT". Logs (one JSON line per
request, never a body) go to stderr. SIGTERM or SIGINT: stop accepting, finish the
requests in flight, exit 0. Exit code 2: bad option, config error, or the port is taken.
`;
