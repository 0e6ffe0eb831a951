// `npm start` entry (package.json: "node tools/dev-stack/start.js"); the same as
// `node -r @swc-node/register tools/dev-stack/src/start.ts`.
require('@swc-node/register');
require('./src/start.ts');
