/** Timing, peak memory and statistics helpers for the benchmark. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export function median(values) {
  return percentile(values, 50);
}

/** Linear-interpolated percentile (p in 0..100) of unsorted values. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export function summary(values) {
  return {
    n: values.length,
    median: median(values),
    p95: percentile(values, 95),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** GNU time, when installed (Debian package `time`), reports a child's peak RSS without touching it. */
let gnuTime;
export function hasGnuTime() {
  if (gnuTime === undefined) {
    const probe = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' });
    gnuTime = probe.status === 0 && /^\d+\s*$/m.test(probe.stderr);
  }
  return gnuTime;
}

/**
 * Run one whole process: wall time (hrtime around spawn → exit), peak RSS
 * (GNU time's %M, else ru_maxrss written at exit by a --require probe for node
 * commands), CPU time (user + sys).
 */
export function runProcess(command, args, { cwd, env, stdin = 'ignore', stdout = 'ignore', okCodes = [0] } = {}) {
  const tmp = path.join(os.tmpdir(), `replylint-bench-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  let cmd = command;
  let argv = args;
  let childEnv = { ...process.env, ...env };
  const useTime = hasGnuTime();
  if (useTime) {
    cmd = '/usr/bin/time';
    argv = ['-f', '%M %U %S', '-o', tmp, command, ...args];
  } else if (path.basename(command).startsWith('node')) {
    argv = ['--require', path.join(here, 'maxrss-probe.cjs'), ...args];
    childEnv = { ...childEnv, REPLYLINT_BENCH_RSS_FILE: tmp };
  }
  return new Promise((resolve, reject) => {
    let stderr = '';
    const started = process.hrtime.bigint();
    const child = spawn(cmd, argv, { cwd, env: childEnv, stdio: [typeof stdin === 'string' && stdin !== 'ignore' ? 'pipe' : 'ignore', stdout, 'pipe'] });
    if (typeof stdin === 'string' && stdin !== 'ignore') child.stdin.end(stdin);
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      let peakRssMB = NaN;
      let cpuMs = NaN;
      try {
        const [kb, user, sys] = fs.readFileSync(tmp, 'utf8').trim().split(/\s+/).slice(-3).map(Number);
        peakRssMB = kb / 1024;
        cpuMs = (user + sys) * 1000;
      } catch {
        // no probe output
      }
      fs.rmSync(tmp, { force: true });
      if (!okCodes.includes(code)) {
        reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${stderr.slice(-2000)}`));
        return;
      }
      resolve({ wallMs, peakRssMB, cpuMs, code, stderr });
    });
  });
}

/** Run a node script that prints one JSON object as its last stdout line. */
export function runJson(script, args, { cwd, env, timeoutMs = 30 * 60_000 } = {}) {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: timeoutMs,
  });
  if (result.status !== 0) {
    throw new Error(`${path.basename(script)} ${args.join(' ')} exited ${result.status ?? result.signal}\n${(result.stderr || '').slice(-3000)}`);
  }
  const out = result.stdout.trim();
  const lines = out.split('\n');
  try {
    return JSON.parse(lines[lines.length - 1]);
  } catch {
    // A pretty-printed object: from its first line on.
    return JSON.parse(out.slice(out.lastIndexOf('\n{') + 1));
  }
}

/** Peak and current RSS of a running process from /proc (Linux), in MB. */
export function procMemory(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMB: kb('VmRSS') / 1024, peakRssMB: kb('VmHWM') / 1024 };
  } catch {
    return { rssMB: NaN, peakRssMB: NaN };
  }
}
