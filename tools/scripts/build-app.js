#!/usr/bin/env node
/*
 * Production build of one service: `node tools/scripts/build-app.js <app> [--out <dir>]`.
 *
 * Transpiles (no bundling, no type checking — that is the `typecheck` target) with @swc/core every
 * TypeScript file that `apps/<app>/src/main.ts` reaches through its imports: the app's own files
 * and the `libs/<lib>/src` files it uses. Following the imports, instead of copying whole folders,
 * keeps specs, testing helpers, fixtures and unused libs out of the image by construction, and
 * turns a production import of one of them into a build error.
 *
 * Output (`dist/apps/<app>/` unless --out) keeps the workspace-relative tree:
 *
 *   dist/apps/<app>/apps/<app>/src/main.js   (+ .js.map)   ← entry point
 *   dist/apps/<app>/libs/<lib>/src/**.js     (+ .js.map)
 *
 * Run it from the workspace root (so Node finds ./node_modules by walking up):
 *
 *   node --enable-source-maps dist/apps/<app>/apps/<app>/src/main.js
 *
 * Compilation matches tsconfig.base.json: CommonJS, es2022, legacy decorators with decorator
 * metadata (Nest DI and TypeORM read it), useDefineForClassFields false, class names kept (TypeORM
 * and Nest use them), helpers inlined (@swc/helpers is not a dependency). The `@convergence/*`
 * aliases (tsconfig.base.json `paths`) become relative requires (swc `jsc.paths`).
 *
 * Checks, each a build error:
 *   - an import that resolves to nothing, to a spec/testing/fixture file, or outside apps/<app>/src
 *     and libs/<lib>/src (an app never imports another app; tools/ is not shipped);
 *   - a package the output requires that `npm ci --omit=dev` would not install (missing from
 *     package-lock.json, or only needed by devDependencies). A package installed only as a
 *     transitive dependency of a production dependency is a warning (declare it in package.json).
 * A require()/import() whose argument is not a string literal cannot be followed: warning.
 */
'use strict';

const { builtinModules } = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');

const WORKSPACE = path.resolve(__dirname, '../..');
const CONCURRENCY = 16;

/** Files that must never ship, whoever imports them. */
const EXCLUDED = [
  /\.spec\.ts$/,
  /\.integration-spec\.ts$/,
  /\.test\.ts$/,
  /\.d\.ts$/,
  /\.fixture\.ts$/,
  /(^|\/)testing\.ts$/,
  /(^|\/)testing\//,
  /(^|\/)(__)?fixtures(__)?\//,
  /(^|\/)jest(\.integration)?\.config\.ts$/,
];

function fail(message) {
  process.stderr.write(`build-app: ${message}\n`);
  process.exit(1);
}

function parseArgs(argv) {
  const args = { app: undefined, out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') args.out = argv[++i];
    else if (a.startsWith('--out=')) args.out = a.slice('--out='.length);
    else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: node tools/scripts/build-app.js <app> [--out <dir>]\n');
      process.exit(0);
    } else if (a.startsWith('-')) fail(`unknown option ${a}`);
    else if (args.app) fail(`one app per run (got ${args.app} and ${a})`);
    else args.app = a;
  }
  if (!args.app) fail('usage: node tools/scripts/build-app.js <app> [--out <dir>]');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(args.app)) fail(`not an app name: ${args.app}`);
  return args;
}

/** JSON with // and /* comments and trailing commas (tsconfig style), without a dependency. */
function readJsonc(file) {
  const text = fs.readFileSync(file, 'utf8');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1;
      if (i === 0) break;
    } else out += c;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

const toPosix = (p) => p.split(path.sep).join('/');
const rel = (p) => toPosix(path.relative(WORKSPACE, p));

function isFile(p) {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Source file a relative specifier (as written in TS, or as swc emitted it) points at. */
function resolveSource(fromFile, specifier) {
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [];
  if (/\.(c|m)?js$/.test(base)) candidates.push(base.replace(/\.(c|m)?js$/, '.ts'));
  candidates.push(base + '.ts', base + '.tsx', path.join(base, 'index.ts'), base + '.js', base + '.json');
  if (/\.(c?js|json)$/.test(base)) candidates.push(base);
  candidates.push(path.join(base, 'index.js'));
  return candidates.find(isFile);
}

/**
 * What a CommonJS file loads: the string arguments of its require() and import() calls, found in
 * swc's syntax tree (so comments and strings that mention require(...) do not count), and whether
 * any of those calls takes a computed argument.
 */
function requiresOf(code) {
  const specifiers = [];
  let computed = false;
  const visit = (node) => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (!node || typeof node !== 'object') return;
    if (node.type === 'CallExpression') {
      const callee = node.callee;
      if (
        (callee && callee.type === 'Identifier' && callee.value === 'require') ||
        (callee && callee.type === 'Import')
      ) {
        const arg = node.arguments[0] && node.arguments[0].expression;
        if (arg && arg.type === 'StringLiteral') specifiers.push(arg.value);
        else computed = true;
      }
    }
    for (const key in node) if (key !== 'span') visit(node[key]);
  };
  visit(swc.parseSync(code, { syntax: 'ecmascript', target: 'es2022' }).body);
  return { specifiers, computed };
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

async function main() {
  const started = process.hrtime.bigint();
  const { app, out } = parseArgs(process.argv.slice(2));
  const appRoot = path.join(WORKSPACE, 'apps', app);
  const entry = path.join(appRoot, 'src', 'main.ts');
  if (!isFile(entry)) fail(`apps/${app}/src/main.ts not found (is "${app}" a service?)`);

  const outDir = path.resolve(WORKSPACE, out ?? path.join('dist', 'apps', app));
  if (outDir === WORKSPACE || !outDir.startsWith(WORKSPACE + path.sep)) {
    fail(`--out must be a folder inside the workspace, got ${outDir}`);
  }

  const tsconfig = readJsonc(path.join(WORKSPACE, 'tsconfig.base.json'));
  const co = tsconfig.compilerOptions ?? {};
  const baseUrl = path.resolve(WORKSPACE, co.baseUrl ?? '.');
  const paths = co.paths ?? {};

  const swcOptions = (file) => ({
    filename: file,
    swcrc: false,
    configFile: false,
    sourceMaps: true,
    inlineSourcesContent: false,
    // Maps point at the .ts sources by a path relative to the output .js: stack traces under
    // --enable-source-maps name apps/<app>/src/... lines even where the sources are not shipped.
    sourceFileName: toPosix(path.relative(path.dirname(outputOf(file)), file)),
    jsc: {
      parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
      target: 'es2022',
      baseUrl,
      paths,
      keepClassNames: true,
      externalHelpers: false,
      loose: false,
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        useDefineForClassFields: co.useDefineForClassFields ?? false,
      },
    },
    module: { type: 'commonjs', strict: false, strictMode: true, noInterop: !co.esModuleInterop },
    minify: false,
  });

  function outputOf(sourceFile) {
    return path.join(outDir, path.relative(WORKSPACE, sourceFile)).replace(/\.tsx?$/, '.js');
  }

  const allowedRoots = [path.join(appRoot, 'src') + path.sep];
  const libsDir = path.join(WORKSPACE, 'libs');
  for (const lib of fs.existsSync(libsDir) ? fs.readdirSync(libsDir) : []) {
    allowedRoots.push(path.join(libsDir, lib, 'src') + path.sep);
  }

  const errors = [];
  const warnings = [];
  const packages = new Map(); // name -> first file requiring it
  const seen = new Set([entry]);
  const queue = [entry];
  const emitted = [];
  let bytes = 0;

  fs.rmSync(outDir, { recursive: true, force: true });

  async function build(file) {
    const relFile = rel(file);
    const target = outputOf(file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    let code;
    if (/\.tsx?$/.test(file)) {
      let result;
      try {
        result = await swc.transformFile(file, swcOptions(file));
      } catch (error) {
        errors.push(`${relFile}: ${String(error && error.message ? error.message : error).trim()}`);
        return;
      }
      code = result.code;
      const mapName = path.basename(target) + '.map';
      fs.writeFileSync(path.join(path.dirname(target), mapName), result.map);
      fs.writeFileSync(target, `${code}\n//# sourceMappingURL=${mapName}\n`);
      bytes += Buffer.byteLength(code) + Buffer.byteLength(result.map);
    } else {
      const outFile = path.join(outDir, path.relative(WORKSPACE, file));
      fs.copyFileSync(file, outFile);
      bytes += fs.statSync(file).size;
      if (!file.endsWith('.js') && !file.endsWith('.cjs')) {
        emitted.push(relFile);
        return;
      }
      code = fs.readFileSync(file, 'utf8');
    }
    emitted.push(relFile);

    const { specifiers, computed } = requiresOf(code);
    if (computed) {
      warnings.push(
        `${relFile}: require()/import() with a computed argument — not followed; check the output runs`,
      );
    }

    for (const specifier of specifiers) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const source = resolveSource(file, specifier);
        if (!source) {
          errors.push(`${relFile}: cannot resolve "${specifier}"`);
          continue;
        }
        if (seen.has(source)) continue;
        seen.add(source);
        const relSource = rel(source);
        if (EXCLUDED.some((re) => re.test(relSource))) {
          errors.push(`${relFile} imports ${relSource}, which is test-only code and is not shipped`);
        } else if (!allowedRoots.some((root) => source.startsWith(root))) {
          errors.push(
            `${relFile} imports ${relSource}: outside apps/${app}/src and libs/*/src (an app never imports another app or tools/)`,
          );
        } else queue.push(source);
      } else if (specifier.startsWith('@convergence/')) {
        errors.push(`${relFile}: "${specifier}" has no entry in tsconfig.base.json paths`);
      } else if (!specifier.startsWith('node:') && !builtinModules.includes(specifier.split('/')[0])) {
        const name = packageName(specifier);
        if (!packages.has(name)) packages.set(name, relFile);
      }
    }
  }

  while (queue.length > 0) {
    const batch = queue.splice(0, CONCURRENCY);
    await Promise.all(batch.map(build));
  }

  // What `npm ci --omit=dev` installs is what package-lock.json does not mark dev.
  const pkg = JSON.parse(fs.readFileSync(path.join(WORKSPACE, 'package.json'), 'utf8'));
  const lock = JSON.parse(fs.readFileSync(path.join(WORKSPACE, 'package-lock.json'), 'utf8'));
  const declared = new Set(Object.keys(pkg.dependencies ?? {}));
  for (const [name, from] of [...packages].sort()) {
    const entryInLock = lock.packages?.[`node_modules/${name}`];
    if (!entryInLock) errors.push(`${from} requires "${name}", which package-lock.json does not install`);
    else if (entryInLock.dev) {
      errors.push(
        `${from} requires "${name}", a devDependency: the production image (npm ci --omit=dev) lacks it`,
      );
    } else if (!declared.has(name)) {
      warnings.push(
        `${from} requires "${name}", installed only as a transitive dependency: add it to dependencies`,
      );
    }
  }

  for (const w of warnings) process.stderr.write(`build-app: warning: ${w}\n`);
  if (errors.length > 0) {
    for (const e of errors) process.stderr.write(`build-app: error: ${e}\n`);
    fail(`${app}: build failed (${errors.length} error${errors.length === 1 ? '' : 's'})`);
  }

  const byRoot = new Map();
  for (const f of emitted) {
    const root = f.split('/').slice(0, 2).join('/');
    byRoot.set(root, (byRoot.get(root) ?? 0) + 1);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const outRel = rel(outDir);
  const lines = [
    `build-app: ${app} — ${emitted.length} files (${[...byRoot]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([r, n]) => `${r} ${n}`)
      .join(', ')})`,
    `  packages: ${[...packages.keys()].sort().join(', ')}`,
    `  output:   ${outRel}/ (${(bytes / 1024).toFixed(0)} KiB incl. source maps)`,
    `  run:      node --enable-source-maps ${rel(outputOf(entry))}`,
    `  took:     ${ms.toFixed(0)} ms`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error) => fail(error && error.stack ? error.stack : String(error)));
