/**
 * The major version in a client's `--version` line.
 *
 * @example clientMajorOf('pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)') // 15
 */
export function clientMajorOf(versionLine: string): number | undefined {
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(versionLine);
  return match ? Number(match[1]) : undefined;
}

/**
 * The major version of a server from `server_version_num` (10 and later: major × 10000 + minor).
 *
 * @example serverMajorOf('170006') // 17
 */
export function serverMajorOf(serverVersionNum: string): number {
  return Math.floor(Number(serverVersionNum) / 10_000);
}

/**
 * Why a client cannot be used against a server, or null when it can: pg_dump refuses servers newer
 * than itself, and a dump from a newer pg_dump may use archive features an older pg_restore lacks.
 */
export function clientMismatchOf(tool: string, clientMajor: number, serverMajor: number): string | null {
  return clientMajor >= serverMajor
    ? null
    : `${tool} is PostgreSQL ${clientMajor} but the server is ${serverMajor}: the client's major version must be at least the server's`;
}
