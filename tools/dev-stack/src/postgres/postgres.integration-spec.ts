import { temporaryDir } from '../test-support';
import { createDatabase, databaseExists, dropDatabase, withClient } from './database-admin';
import { useOrStartPostgres } from './postgres-from-env';
import { startPostgres, type PostgresHandle } from './start-postgres';

// Explicit: in a multi-project run (the root jest.integration.config.ts) a project's testTimeout is ignored.
const SLOW = 120_000;

describe('startPostgres', () => {
  let postgres: PostgresHandle;
  let removeDir: () => Promise<void>;

  beforeAll(async () => {
    const temp = await temporaryDir('postgres');
    removeDir = temp.remove;
    postgres = await startPostgres({ dataDir: `${temp.dir}/data` });
  }, SLOW);

  afterAll(async () => {
    await postgres?.stop();
    await removeDir?.();
  }, SLOW);

  it('answers select 1 on the convergence database', async () => {
    const result = await withClient(postgres.url, (client) =>
      client.query('select 1 as one, current_database() as db'),
    );
    expect(result.rows).toEqual([{ one: 1, db: 'convergence' }]);
  });

  it('creates and drops databases through the admin URL', async () => {
    const url = await createDatabase(postgres.adminUrl, 'scratch_db');
    await expect(createDatabase(postgres.adminUrl, 'scratch_db')).resolves.toBe(url); // idempotent
    const result = await withClient(url, (client) => client.query('select current_database() as db'));
    expect(result.rows[0]).toEqual({ db: 'scratch_db' });
    await dropDatabase(postgres.adminUrl, 'scratch_db');
    expect(await databaseExists(postgres.adminUrl, 'scratch_db')).toBe(false);
  });

  it('uses DATABASE_URL instead of starting a server, after checking it answers', async () => {
    const external = await useOrStartPostgres({ dataDir: '/nonexistent' }, { DATABASE_URL: postgres.url });
    expect(external).toMatchObject({ url: postgres.url, external: true });
  });

  it('names DATABASE_URL when nothing answers there', async () => {
    const closed = postgres.url.replace(/:(\d+)\//, ':1/');
    await expect(useOrStartPostgres({ dataDir: '/nonexistent' }, { DATABASE_URL: closed })).rejects.toThrow(
      /DATABASE_URL=postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/convergence is set but PostgreSQL does not answer/,
    );
  });
});
