#!/usr/bin/env node
// Runs the Techvoice CLI from source when the TypeScript runner is installed, else from the build.
const path = require('node:path');
let source = true;
try {
  require.resolve('tsx/cjs');
} catch {
  source = false;
}
if (source) {
  require('tsx/cjs');
  require(path.join(__dirname, '..', 'src', 'cli.ts'));
} else {
  require(path.join(__dirname, '..', 'dist', 'src', 'cli.js'));
}
