// `nx run api-gateway:generate-openapi` writes apps/api-gateway/openapi.json from the route table;
// `nx run api-gateway:check-generated` (--check) exits 1 when the committed file is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { buildOpenApiDocument } from '../src/openapi/openapi-document';
import { routeTable } from '../src/routes/route-table';

const target = resolve(__dirname, '../openapi.json');

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const options = (await resolveConfig(target)) ?? {};
  const text = await format(JSON.stringify(buildOpenApiDocument(routeTable)), {
    ...options,
    parser: 'json',
    filepath: target,
  });
  if (!check) {
    await writeFile(target, text);
    process.stdout.write(`wrote ${target}\n`);
    return;
  }
  const committed = await readFile(target, 'utf8').catch(() => '');
  if (committed !== text) {
    process.stderr.write(
      `${target} is stale: run \`npx nx run api-gateway:generate-openapi\` and commit it\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`${target} is up to date\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
