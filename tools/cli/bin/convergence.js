#!/usr/bin/env node
// The `convergence` npm bin: runs the TypeScript sources through @swc-node/register (installed by
// `npm install`), so a fresh clone needs no build step. The workspace tsconfig is named explicitly
// so the CLI works from any directory.
'use strict';
const { join } = require('node:path');

process.env.SWC_NODE_PROJECT ??= join(__dirname, '..', '..', '..', 'tsconfig.base.json');
require('@swc-node/register');
require('../src/main.ts');
