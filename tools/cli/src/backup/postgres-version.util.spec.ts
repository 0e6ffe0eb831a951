import { clientMajorOf, clientMismatchOf, serverMajorOf } from './postgres-version.util';

describe(clientMajorOf.name, () => {
  it.each([
    ['pg_dump (PostgreSQL) 18.4', 18],
    ['pg_restore (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)', 15],
    ['pg_dump (PostgreSQL) 17beta1', 17],
  ])('reads %s as %i', (line, major) => {
    expect(clientMajorOf(line)).toBe(major);
  });

  it('is undefined for something that is not a PostgreSQL client', () => {
    expect(clientMajorOf('mysqldump  Ver 10.19')).toBeUndefined();
  });
});

describe(serverMajorOf.name, () => {
  it('takes the major from server_version_num', () => {
    expect(serverMajorOf('170006')).toBe(17);
    expect(serverMajorOf('150018')).toBe(15);
  });
});

describe(clientMismatchOf.name, () => {
  it('accepts a client as new as the server or newer', () => {
    expect(clientMismatchOf('pg_dump', 17, 17)).toBeNull();
    expect(clientMismatchOf('pg_dump', 18, 17)).toBeNull();
  });

  it('refuses an older client, naming both versions', () => {
    expect(clientMismatchOf('pg_dump', 15, 17)).toBe(
      "pg_dump is PostgreSQL 15 but the server is 17: the client's major version must be at least the server's",
    );
  });
});
