// Loaded with --require: records whether this process loads kuromoji or opens any
// dictionary file (*.dat, *.dat.gz), and writes it at exit to REPLYLINT_BENCH_TRACE_FILE.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const file = process.env.REPLYLINT_BENCH_TRACE_FILE;
const seen = { kuromojiRequired: false, dictionaryFiles: [] };
const isDict = (p) => typeof p === 'string' && /\.dat(\.gz)?$/.test(p);
const note = (p) => {
  if (isDict(p)) seen.dictionaryFiles.push(p);
};
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'kuromoji' || String(request).includes('kuromoji')) seen.kuromojiRequired = true;
  return load.call(this, request, ...rest);
};
for (const name of ['open', 'openSync', 'readFile', 'readFileSync', 'createReadStream']) {
  const original = fs[name];
  fs[name] = function (p, ...rest) {
    note(String(p));
    return original.call(this, p, ...rest);
  };
}
for (const name of ['open', 'readFile']) {
  const original = fs.promises[name];
  fs.promises[name] = function (p, ...rest) {
    note(String(p));
    return original.call(this, p, ...rest);
  };
}
if (file) process.on('exit', () => fs.writeFileSync(file, JSON.stringify(seen)));
