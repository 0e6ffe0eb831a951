import { confirmationPhraseFor, isConfirmed, releaseProblem } from './confirmation.util';
import { formatChecklist } from './preflight.types';
import { migrationsFromFiles, planMigrations } from './release-migrations.util';

describe(planMigrations.name, () => {
  const release = migrationsFromFiles('alert-router', [
    '1763769800000-alerts.ts',
    '1763769900000-silences.ts',
    '1763770000000-dispatcher.ts',
    'index.ts',
  ]);

  it('reads the schema and timestamps from migration file names', () => {
    expect(release.map((m) => [m.schema, m.timestamp])).toEqual([
      ['alert_router', 1763769800000],
      ['alert_router', 1763769900000],
      ['alert_router', 1763770000000],
    ]);
  });

  it('lists the release migrations the database has not applied', () => {
    const applied = [{ schema: 'alert_router', timestamp: 1763769800000, name: 'Alerts1763769800000' }];
    expect(planMigrations(release, applied)).toEqual({ pending: release.slice(1), unknown: [] });
  });

  it('flags migrations the database has but the release does not (an older release)', () => {
    const applied = [
      { schema: 'alert_router', timestamp: 1763769800000, name: 'Alerts1763769800000' },
      { schema: 'alert_router', timestamp: 1763999999999, name: 'Future1763999999999' },
    ];
    expect(planMigrations(release.slice(0, 1), applied).unknown).toEqual([applied[1]]);
  });
});

describe(isConfirmed.name, () => {
  it('accepts only the exact phrase naming the release', () => {
    expect(confirmationPhraseFor('1.4.0')).toBe('deploy 1.4.0 to mainnet');
    expect(isConfirmed('1.4.0', ' deploy 1.4.0 to mainnet\n')).toBe(true);
    expect(isConfirmed('1.4.0', 'deploy 1.3.0 to mainnet')).toBe(false);
    expect(isConfirmed('1.4.0', 'yes')).toBe(false);
    expect(isConfirmed('1.4.0', undefined)).toBe(false);
  });

  it('accepts version-like releases only', () => {
    expect(releaseProblem('1.4.0')).toBeUndefined();
    expect(releaseProblem('v2.0.1-rc.1')).toBeUndefined();
    expect(releaseProblem('latest')).toBe(
      'release must be a version such as 1.4.0 or 1.4.0-rc.1 (is "latest")',
    );
  });
});

describe(formatChecklist.name, () => {
  it('ticks passing items and lists the details under each', () => {
    expect(
      formatChecklist([
        { item: 'migrations', ok: true, details: ['oracle: 1763770000000-oracle.ts pending'] },
        { item: 'multisig', ok: false, details: ['SETTLEMENT_MODE is not multisig'] },
      ]),
    ).toBe(
      '[x] migrations\n      oracle: 1763770000000-oracle.ts pending\n[ ] multisig\n      SETTLEMENT_MODE is not multisig',
    );
  });
});
