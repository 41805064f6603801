#!/usr/bin/env node
import { runCommand } from '../src/cli.js';

await runCommand(process.argv.slice(2));
