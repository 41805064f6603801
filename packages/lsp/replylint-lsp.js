#!/usr/bin/env node
// Launcher kept in git so npm links the `replylint-lsp` command at install time (before
// the build writes dist/). Run `npm run build` (or `npm ci`, which builds) first.
import './dist/bin/replylint-lsp.js';
