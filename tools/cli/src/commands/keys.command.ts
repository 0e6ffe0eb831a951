import type { Command } from 'commander';
import { CliError } from '../cli.exception';
import { toJson } from '../output/output';
import { renderTable } from '../output/text-table.util';
import { contextOf } from './command-context';

const ROLES = ['viewer', 'operator', 'admin'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `convergence keys create|list|revoke`: the gateway's API keys (admin). */
export function registerKeysCommand(program: Command, env: NodeJS.ProcessEnv): void {
  const keys = program.command('keys').description("manage the gateway's API keys (admin)");
  keys
    .command('create')
    .description('create an API key; the key is printed once and cannot be shown again')
    .requiredOption('--name <name>', 'who or what uses the key')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--scope <scope...>', 'resource:read|write|admin scopes (default *: all the role allows)')
    .action(async (options: { name: string; role: string; scope?: string[] }, command: Command) => {
      if (!ROLES.includes(options.role)) {
        throw new CliError('config', `--role must be one of ${ROLES.join(', ')}, got "${options.role}"`);
      }
      const { gateway, output } = contextOf(command, env);
      const created = await gateway.createKey({
        name: options.name,
        role: options.role,
        scopes: options.scope ?? ['*'],
      });
      if (output.json) return output.out(toJson(created));
      output.out(
        [
          `id:     ${created.id}`,
          `name:   ${created.name}`,
          `role:   ${created.role}`,
          `scopes: ${created.scopes.join(' ')}`,
          `key:    ${created.key}`,
        ].join('\n'),
      );
      output.err('store the key now: it is not shown again');
    });
  keys
    .command('list')
    .description('every API key (never the keys themselves) with its last use')
    .action(async (_options: unknown, command: Command) => {
      const { gateway, output } = contextOf(command, env);
      const list = await gateway.listKeys();
      if (output.json) return output.out(toJson(list));
      const rows = list.map((k) => [
        k.id,
        k.name,
        k.role,
        `${k.prefix}…`,
        k.revokedAt ? `revoked ${k.revokedAt}` : 'active',
        k.lastUsedAt ?? 'never',
      ]);
      output.out(renderTable(['id', 'name', 'role', 'prefix', 'state', 'last used'], rows));
    });
  keys
    .command('revoke <id>')
    .description('revoke an API key by id')
    .action(async (id: string, _options: unknown, command: Command) => {
      if (!UUID.test(id))
        throw new CliError('config', `<id> must be the key's UUID (see keys list), got "${id}"`);
      const { gateway, output } = contextOf(command, env);
      await gateway.revokeKey(id);
      output.out(output.json ? toJson({ revoked: id }) : `revoked API key ${id}`);
    });
}
