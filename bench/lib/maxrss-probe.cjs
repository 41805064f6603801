// Loaded with --require when GNU time is not installed: writes this process's
// peak RSS (KB) and CPU seconds (user, sys) at exit, the format of `time -f '%M %U %S'`.
'use strict';
const fs = require('node:fs');
const file = process.env.REPLYLINT_BENCH_RSS_FILE;
if (file) {
  delete process.env.REPLYLINT_BENCH_RSS_FILE;
  process.on('exit', () => {
    const u = process.resourceUsage();
    fs.writeFileSync(file, `${u.maxRSS} ${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6}\n`);
  });
}
