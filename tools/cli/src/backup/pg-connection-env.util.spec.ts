import { pgEnvOf, redactUrl, withDatabase } from './pg-connection-env.util';

describe(pgEnvOf.name, () => {
  it('splits a URL into libpq variables, decoding the password', () => {
    expect(pgEnvOf('postgres://app:s3%40cret@db.internal:5433/convergence?sslmode=require')).toEqual({
      PGHOST: 'db.internal',
      PGPORT: '5433',
      PGUSER: 'app',
      PGPASSWORD: 's3@cret',
      PGDATABASE: 'convergence',
      PGSSLMODE: 'require',
    });
  });

  it('defaults the port and can point at another database', () => {
    expect(pgEnvOf('postgresql://postgres@127.0.0.1/convergence', 'scratch')).toEqual({
      PGHOST: '127.0.0.1',
      PGPORT: '5432',
      PGUSER: 'postgres',
      PGDATABASE: 'scratch',
    });
  });
});

describe(withDatabase.name, () => {
  it('replaces only the database', () => {
    expect(withDatabase('postgres://u:p@h:1/a?sslmode=disable', 'b')).toBe(
      'postgres://u:p@h:1/b?sslmode=disable',
    );
  });
});

describe(redactUrl.name, () => {
  it('hides the password', () => {
    expect(redactUrl('postgres://u:secret@h:1/a')).toBe('postgres://u:***@h:1/a');
  });
});
