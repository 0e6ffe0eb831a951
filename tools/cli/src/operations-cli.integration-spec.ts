import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, dropDatabase } from '@convergence/dev-stack';
import { freePort } from '@convergence/service-kit/testing';
import { DLQ_HEADERS, createKafkaClient, ensureTopics } from '@convergence/messaging';
import { createEnvelope, topics } from '@convergence/schemas';
import { Partitioners } from 'kafkajs';
import { Client } from 'pg';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import type { BackupManifest } from './backup/backup-manifest.schema';
import { runCli } from './testing/cli-process';
import { bootstrapAdminKey } from './testing/gateway-admin-key';
import { SIWE_DOMAIN, type ServicesUnderTest, startServices } from './testing/services-under-test';

// The CLI as a child process against the real api-gateway and alert-router (real PostgreSQL and
// Kafka from the dev-stack global setup), then the backup → wipe → restore drill on their schemas.
// The drill runs last: it stops the services before wiping their schemas.

const SERVICE_SCHEMAS = ['alert_router', 'api_gateway'];

describe('convergence CLI', () => {
  const admin = privateKeyToAccount(generatePrivateKey());
  const databaseName = `cli_ops_${randomBytes(4).toString('hex')}`;
  const work = mkdtempSync(join(tmpdir(), 'cli-ops-'));
  let databaseUrl: string;
  let services: ServicesUnderTest;
  let adminKey: string;
  const gatewayEnv = (apiKey?: string): Record<string, string> => ({
    CONVERGENCE_GATEWAY_URL: services.gateway.url,
    ...(apiKey ? { CONVERGENCE_API_KEY: apiKey } : {}),
  });

  beforeAll(async () => {
    databaseUrl = await createDatabase(process.env['TEST_DATABASE_ADMIN_URL']!, databaseName);
    services = await startServices({ databaseUrl, adminWallet: admin.address, upstreams: ['alert-router'] });
    adminKey = await bootstrapAdminKey(services.gateway.url, admin, SIWE_DOMAIN);
  });
  afterAll(async () => {
    await services?.stop();
    await dropDatabase(process.env['TEST_DATABASE_ADMIN_URL']!, databaseName);
    rmSync(work, { recursive: true, force: true });
  });

  describe('against a running gateway', () => {
    it('shows the health board: the real alert-router up, the absent services down, degraded', async () => {
      const run = await runCli(['status'], gatewayEnv());
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const lines = run.stdout.split('\n');
      expect(lines[0]).toMatch(/^overall: DEGRADED {2}\(checked \d{4}-/);
      expect(lines).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^api-gateway → postgres +up$/),
          expect.stringMatching(/^api-gateway → kafka +up$/),
          expect.stringMatching(/^alert-router +up +\d+ ms$/),
          expect.stringMatching(/^oracle +down +\d+ ms +\S/),
          expect.stringMatching(/^chain-indexer +down +\d+ ms +\S/),
        ]),
      );

      const strict = await runCli(['status', '--fail-on-degraded'], gatewayEnv());
      expect(strict.code).toBe(1);
      expect(strict.stderr).toBe('convergence: overall status is degraded\n');
    });

    it('says so when the gateway is unreachable, exit 1', async () => {
      const closed = `http://127.0.0.1:${await freePort()}`;
      const run = await runCli(['status', '--gateway-url', closed]);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`convergence: gateway ${closed} is unreachable: ECONNREFUSED\n`);
      expect(run.stdout).toBe('');
    });

    it('refuses a bad gateway URL before calling anything, exit 2', async () => {
      const run = await runCli(['status'], { CONVERGENCE_GATEWAY_URL: 'gateway:3000' });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        '--gateway-url / CONVERGENCE_GATEWAY_URL: must be an http:// or https:// URL',
      );
    });

    it('creates an API key and prints it once; the key works, and stops working once revoked', async () => {
      const created = await runCli(
        ['keys', 'create', '--name', 'on-call', '--role', 'operator', '--scope', 'dlq:read'],
        gatewayEnv(adminKey),
      );
      expect(created.code).toBe(0);
      expect(created.stderr).toBe('store the key now: it is not shown again\n');
      const id = /^id: +(\S+)$/m.exec(created.stdout)?.[1];
      const key = /^key: +(cvg_\S+)$/m.exec(created.stdout)?.[1];
      expect(created.stdout).toMatch(/^role: +operator$/m);
      expect(created.stdout).toMatch(/^scopes: +dlq:read$/m);

      const listed = await runCli(['keys', 'list'], gatewayEnv(adminKey));
      expect(listed.code).toBe(0);
      expect(listed.stdout).toMatch(
        new RegExp(`^${id} +on-call +operator +${key!.slice(0, 12)}… +active`, 'm'),
      );
      expect(listed.stdout).not.toContain(key!); // the key itself is never listed

      const used = await runCli(['dlq', 'list', topics.unlockAchieved.name], gatewayEnv(key));
      expect(used.code).toBe(0);

      const revoked = await runCli(['keys', 'revoke', id!], gatewayEnv(adminKey));
      expect(revoked.code).toBe(0);
      expect(revoked.stdout).toBe(`revoked API key ${id}\n`);

      const refused = await runCli(['dlq', 'list', topics.unlockAchieved.name], gatewayEnv(key));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        /^convergence: GET \/api\/operator\/dlq\/:topic needs an API key with role operator \(set CONVERGENCE_API_KEY or --api-key\); the gateway answered 401: unauthorized: API key cvg_\S+… was revoked\n$/,
      );
    });

    it('names the role a command needs when the key is not enough (403) or missing', async () => {
      const created = await runCli(
        ['--json', 'keys', 'create', '--name', 'viewer', '--role', 'operator'],
        gatewayEnv(adminKey),
      );
      const { key } = JSON.parse(created.stdout) as { key: string };
      const forbidden = await runCli(['keys', 'create', '--name', 'x', '--role', 'admin'], gatewayEnv(key));
      expect(forbidden.code).toBe(1);
      expect(forbidden.stderr).toBe(
        'convergence: POST /api/admin/api-keys needs an API key with role admin; the gateway answered 403: forbidden: needs role admin, the caller is operator\n',
      );

      const missing = await runCli(['keys', 'list'], gatewayEnv());
      expect(missing.code).toBe(2);
      expect(missing.stderr).toBe(
        'convergence: GET /api/admin/api-keys needs an API key with role admin: set CONVERGENCE_API_KEY or pass --api-key\n',
      );
    });

    it("lists a topic's dead letters and replays one", async () => {
      const topic = topics.profileUpdated.name;
      const wallet = `0x${'4'.repeat(40)}`;
      const envelope = createEnvelope(topics.profileUpdated, {
        id: randomUUID(),
        source: 'unlock-engine',
        data: { wallet, fields: ['balance'], confirmed: true },
      });
      const kafka = createKafkaClient({
        serviceName: 'cli-test',
        brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
        topicPartitions: 1,
        replicationFactor: 1,
      });
      await ensureTopics(kafka, [topic, `${topic}.dlq`], { partitions: 1, replicationFactor: 1 });
      const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      await producer.send({
        topic: `${topic}.dlq`,
        messages: [
          {
            key: wallet,
            value: JSON.stringify(envelope),
            headers: {
              'event-id': envelope.id,
              'event-type': envelope.type,
              [DLQ_HEADERS.error]: 'profile store unavailable',
              [DLQ_HEADERS.originalTopic]: topic,
            },
          },
        ],
      });
      await producer.disconnect();

      const listed = await runCli(['dlq', 'list', topic, '--limit', '500'], gatewayEnv(adminKey));
      expect(listed.code).toBe(0);
      const row = listed.stdout.split('\n').find((line) => line.includes(envelope.id));
      expect(row).toMatch(
        new RegExp(
          `^\\d+ +\\d+ +${envelope.type.replace(/\./g, '\\.')} +${envelope.id} .*profile store unavailable$`,
        ),
      );
      const [, partition, offset] = /^(\d+) +(\d+)/.exec(row!)!;

      const replayed = await runCli(
        ['dlq', 'replay', topic, '--partition', partition!, '--offsets', offset!],
        gatewayEnv(adminKey),
      );
      expect(replayed.stderr).toBe('');
      expect(replayed.stdout).toBe(`replayed 1 dead letter onto ${topic}\n`);
    });

    it("prints the gateway's problem detail for a bad request", async () => {
      const run = await runCli(['dlq', 'list', 'no.such.topic.v1'], gatewayEnv(adminKey));
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /^convergence: GET \/api\/operator\/dlq\/:topic failed with 400: .*unknown topic "no\.such\.topic\.v1"/,
      );
    });
  });

  describe('backup → wipe → restore drill', () => {
    const dbEnv = () => ({ CONVERGENCE_DATABASE_URL: databaseUrl });

    it('restores every service schema with its data', async () => {
      // Rows in both schemas: alerts in alert_router; keys, users and the auth log in api_gateway.
      const posted = await fetch(`${services.upstreams['alert-router']!.url}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([
          { labels: { alertname: 'DatabaseDiskFull', instance: 'db-1', severity: 'warning' } },
          { labels: { alertname: 'APIServerDown', instance: 'gw-1', severity: 'critical' } },
        ]),
      });
      expect(posted.status).toBeLessThan(300);
      await runCli(['keys', 'create', '--name', 'drill', '--role', 'viewer'], gatewayEnv(adminKey));
      await services.stop(); // nothing writes while the data is compared
      const before = await tableContents(databaseUrl, SERVICE_SCHEMAS);
      expect(Object.keys(before).length).toBeGreaterThan(4);
      expect(before['api_gateway.api_keys']!.length).toBeGreaterThanOrEqual(4);
      expect(
        Object.entries(before).filter(([t, rows]) => t.startsWith('alert_router.') && rows.length > 0),
      ).not.toEqual([]);

      const out = join(work, 'backup');
      const backup = await runCli(['backup', '--out', out], dbEnv());
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/verified: \d+ tables restored with the same row counts/);
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as BackupManifest;
      expect(manifest.schemas.map((s) => s.name)).toEqual(SERVICE_SCHEMAS); // every schema, found by itself
      expect(manifest.server.major).toBe(17);
      expect(manifest.verification).not.toBeNull();
      for (const schema of manifest.schemas) {
        for (const { table, rows } of schema.tables)
          expect(rows).toBe(before[`${schema.name}.${table}`]!.length);
      }

      await withClient(databaseUrl, (c) =>
        c.query('drop schema alert_router cascade; drop schema api_gateway cascade'),
      );
      expect(await tableContents(databaseUrl, SERVICE_SCHEMAS)).toEqual({});

      const restore = await runCli(['restore', out], dbEnv());
      expect(restore.stderr).not.toContain('convergence:');
      expect(restore.code).toBe(0);
      expect(restore.stdout).toContain("every table's row count matches");
      expect(await tableContents(databaseUrl, SERVICE_SCHEMAS)).toEqual(before);
    });

    it('refuses to restore over existing schemas without --clean, and replaces them with it', async () => {
      const out = join(work, 'backup');
      const refused = await runCli(['restore', out], dbEnv());
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe(
        'convergence: schema alert_router, api_gateway already exists; pass --clean to drop and replace it\n',
      );

      const before = await tableContents(databaseUrl, SERVICE_SCHEMAS);
      await withClient(databaseUrl, (c) => c.query('delete from api_gateway.api_keys'));
      const cleaned = await runCli(['restore', out, '--clean', '--schema', 'api_gateway'], dbEnv());
      expect(cleaned.code).toBe(0);
      expect(await tableContents(databaseUrl, SERVICE_SCHEMAS)).toEqual(before);
    });

    it('refuses a damaged backup archive', async () => {
      const out = join(work, 'backup');
      const file = join(out, 'alert_router.dump');
      const original = readFileSync(file);
      writeFileSync(
        file,
        Buffer.concat([original.subarray(0, original.length - 1), Buffer.from([original.at(-1)! ^ 1])]),
      );
      try {
        const run = await runCli(['restore', out, '--clean'], dbEnv());
        expect(run.code).toBe(1);
        expect(run.stderr).toBe(`convergence: ${file} is damaged: its SHA-256 differs from the manifest's\n`);
      } finally {
        writeFileSync(file, original);
      }
    });

    it('refuses a pg_dump older than the server, naming both versions', async () => {
      const bin = join(work, 'pg15');
      mkdirSync(bin);
      for (const tool of ['pg_dump', 'pg_restore']) {
        writeFileSync(
          join(bin, tool),
          `#!/bin/sh\necho "${tool} (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"\n`,
        );
        chmodSync(join(bin, tool), 0o755);
      }
      const run = await runCli(['backup', '--out', join(work, 'never')], {
        ...dbEnv(),
        CONVERGENCE_PG_BIN_DIR: bin,
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `convergence: pg_dump in ${bin} is PostgreSQL 15 but the server is 17: the client's major version must be at least the server's\n`,
      );
    });
  });
});

/** Every row of every table in `schemas`, as sorted JSON text, keyed by `schema.table`. */
async function tableContents(url: string, schemas: readonly string[]): Promise<Record<string, string[]>> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ schema: string; table: string }>(
      `select table_schema as schema, table_name as table from information_schema.tables
        where table_schema = any($1) and table_type = 'BASE TABLE' order by 1, 2`,
      [schemas],
    );
    const contents: Record<string, string[]> = {};
    for (const { schema, table } of tables) {
      const { rows } = await client.query<{ row: string }>(
        `select row_to_json(t)::text as row from ${client.escapeIdentifier(schema)}.${client.escapeIdentifier(table)} t`,
      );
      contents[`${schema}.${table}`] = rows.map((r) => r.row).sort();
    }
    return contents;
  });
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
