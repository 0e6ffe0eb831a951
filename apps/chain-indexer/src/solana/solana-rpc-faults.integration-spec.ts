import { eventually } from '@convergence/messaging/testing';
import type { SolanaRpcShim } from '@convergence/solana-rpc-shim';
import {
  type RawAlertEnvelope,
  type SolanaScenario,
  type SolanaTxEnvelope,
  startSolanaScenario,
} from './testing/solana-scenario';
import { createHolders, tokenProgramAfter, transferMany } from './testing/token-holders.fixture';

const ids = (events: SolanaTxEnvelope[]) => events.map((e) => e.id);
const hasAll = (expected: string[]) => (events: SolanaTxEnvelope[]) =>
  expected.every((id) => ids(events).includes(id));
const labelOf = (shim: SolanaRpcShim, index: number) => `${index}:127.0.0.1:${shim.port}`;

/** Whether `alerts` hold the alert firing (no endsAt) or resolved (endsAt), matching the labels. */
function sawAlert(
  alerts: RawAlertEnvelope[],
  name: string,
  labels: Record<string, string>,
  resolved: boolean,
) {
  return alerts.some(
    (a) =>
      a.data.labels.alertname === name &&
      Object.entries(labels).every(([k, v]) => a.data.labels[k] === v) &&
      (a.data.endsAt !== undefined) === resolved,
  );
}

describe('chain-indexer Solana RPC faults (two shim endpoints, real Kafka and Postgres)', () => {
  let scenario: SolanaScenario;

  afterEach(async () => {
    await scenario?.close();
  });

  it('fails over when the primary resets every connection and fails back once it recovers, with no gap or duplicate', async () => {
    scenario = await startSolanaScenario();
    const h = await createHolders(scenario);
    const indexer = await scenario.startIndexer(
      { SOLANA_RPC_PROBE_INTERVAL_MS: '500' },
      tokenProgramAfter(h.funded),
    );
    const c = scenario.cluster;
    const before = await transferMany(scenario, h, 2);
    await scenario.events(hasAll(before.map((s) => `${c}:${s}:0`)));

    scenario.primary.faults.add({ fault: { kind: 'reset' } });
    const during = await transferMany(scenario, h, 3, 10n);
    await scenario.events(hasAll(during.map((s) => `${c}:${s}:0`)));
    const primary = labelOf(scenario.primary, 0);
    const backup = labelOf(scenario.backup, 1);
    await scenario.alerts(
      (alerts) =>
        sawAlert(alerts, 'ChainIndexerRpcFailover', { endpoint: backup, chain: 'solana' }, false) &&
        sawAlert(alerts, 'ChainIndexerEndpointDown', { endpoint: primary }, false),
    );

    scenario.primary.faults.clear();
    const recoveredAt = Date.now();
    await eventually(
      async () =>
        scenario.primary.requests.some(
          (r) =>
            r.atMs > recoveredAt && r.fault === undefined && r.methods.includes('getSignaturesForAddress'),
        ) || undefined,
      30_000,
      'the indexer failing back to the primary',
    );
    const after = await transferMany(scenario, h, 2, 20n);
    const expected = [...before, ...during, ...after].map((s) => `${c}:${s}:0`);
    const events = await scenario.events(hasAll(expected));
    expect(ids(events)).toEqual(expected);
    await scenario.alerts((alerts) =>
      sawAlert(alerts, 'ChainIndexerRpcFailover', { endpoint: backup }, true),
    );

    const metrics = await (await fetch(`${indexer.url}/metrics`)).text();
    const sample = (name: string, labels: string) =>
      new RegExp(`^${name}\\{cluster="${c}",${labels},service="chain-indexer"\\} (\\d+)$`, 'm').exec(
        metrics,
      )?.[1];
    const failovers = 'chain_indexer_solana_rpc_failovers_total';
    expect(
      Number(sample(failovers, `from="${primary}",to="${backup}",reason="failover"`)),
    ).toBeGreaterThanOrEqual(1);
    expect(
      Number(sample(failovers, `from="${backup}",to="${primary}",reason="failback"`)),
    ).toBeGreaterThanOrEqual(1);
    const networkErrors = sample(
      'chain_indexer_solana_rpc_errors_total',
      `endpoint="${primary}",kind="network"`,
    );
    expect(Number(networkErrors)).toBeGreaterThanOrEqual(3);
    expect(sample('chain_indexer_solana_lag_slots', 'program="spl-token"')).toBe('0');
  });

  it("waits out a 429's Retry-After on the primary, serving from the backup meanwhile", async () => {
    scenario = await startSolanaScenario();
    const h = await createHolders(scenario);
    await scenario.startIndexer({}, tokenProgramAfter(h.funded));
    const c = scenario.cluster;
    const [first] = await transferMany(scenario, h, 1);
    await scenario.events(hasAll([`${c}:${first}:0`]));

    scenario.primary.faults.add({
      fault: { kind: 'http-status', status: 429, retryAfter: '3' },
      methods: ['getSignaturesForAddress'],
      times: 1,
    });
    const [second] = await transferMany(scenario, h, 1, 2n);
    const events = await scenario.events(hasAll([`${c}:${first}:0`, `${c}:${second}:0`]));
    expect(ids(events)).toEqual([`${c}:${first}:0`, `${c}:${second}:0`]);

    const limited = scenario.primary.requests.find((r) => r.fault === 'http-status');
    expect(limited).toBeDefined();
    const coolDownEnd = limited!.atMs + 3_000;
    await eventually(
      async () =>
        scenario.primary.requests.some((r) => r.atMs >= coolDownEnd && r.fault === undefined) || undefined,
      20_000,
      'the primary taking calls again after its Retry-After',
    );
    const duringCoolDown = (shim: SolanaRpcShim) =>
      shim.requests.filter((r) => r.atMs > limited!.atMs && r.atMs < coolDownEnd);
    expect(duringCoolDown(scenario.primary)).toEqual([]);
    expect(duringCoolDown(scenario.backup).length).toBeGreaterThan(0);
  });

  it('alerts on lag beyond N slots and on a stalled program, and resolves both once it catches up', async () => {
    scenario = await startSolanaScenario();
    const h = await createHolders(scenario);
    await scenario.startIndexer(
      { SOLANA_LAG_ALERT_SLOTS: '5', SOLANA_STALL_ALERT_MS: '1500' },
      tokenProgramAfter(h.funded),
    );
    const c = scenario.cluster;
    const [first] = await transferMany(scenario, h, 1);
    await scenario.events(hasAll([`${c}:${first}:0`]));

    // Both endpoints list signatures but fail every getTransaction: the program cannot move on.
    for (const shim of [scenario.primary, scenario.backup]) {
      shim.faults.add({
        fault: { kind: 'rpc-error', code: -32603, message: 'Internal error' },
        methods: ['getTransaction'],
      });
    }
    scenario.ledger.advanceSlots(20);
    const [stuck] = await transferMany(scenario, h, 1, 2n);
    await scenario.alerts(
      (alerts) =>
        sawAlert(alerts, 'ChainIndexerLagHigh', { program: 'spl-token', cluster: c }, false) &&
        sawAlert(alerts, 'ChainIndexerStalled', { program: 'spl-token', severity: 'critical' }, false),
    );

    scenario.primary.faults.clear();
    scenario.backup.faults.clear();
    await scenario.events(hasAll([`${c}:${first}:0`, `${c}:${stuck}:0`]));
    await scenario.alerts(
      (alerts) =>
        sawAlert(alerts, 'ChainIndexerLagHigh', { program: 'spl-token' }, true) &&
        sawAlert(alerts, 'ChainIndexerStalled', { program: 'spl-token' }, true),
    );
  });
});
