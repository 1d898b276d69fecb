#!/usr/bin/env node
// The `errcat` command. It runs the compiled CLI in dist/ (built by `npm ci` through `prepare`).
import { main, processIo } from '../dist/index.js';

process.exitCode = await main(process.argv.slice(2), processIo());
