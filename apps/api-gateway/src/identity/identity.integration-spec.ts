import { createKafkaClient } from '@convergence/messaging';
import { readTopicUntil } from '@convergence/messaging/testing';
import { Client } from 'pg';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { type GatewayUnderTest, SIWE_DOMAIN, startGateway } from '../testing/gateway.process';
import { bearer, postJson, signIn, signedSiweMessage } from '../testing/sign-in';

interface Problem {
  status: number;
  type: string;
  detail: string;
}

describe('api-gateway identity', () => {
  const admin = privateKeyToAccount(generatePrivateKey());
  const viewer = privateKeyToAccount(generatePrivateKey());
  let gw: GatewayUnderTest;
  let db: Client;

  beforeAll(async () => {
    gw = await startGateway({ ADMIN_WALLETS: admin.address, AUTH_FAILURE_ALERT_THRESHOLD: '5' });
    db = new Client({ connectionString: gw.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await gw?.stop();
  });

  const verify = (body: unknown) => postJson(`${gw.url}/auth/verify`, body);
  const me = (headers: Record<string, string>) => fetch(`${gw.url}/auth/me`, { headers });

  describe('Sign-In with Ethereum', () => {
    it('signs a wallet in with a real signature and answers tokens that work', async () => {
      const tokens = await signIn(gw.url, viewer, SIWE_DOMAIN);
      expect(tokens).toMatchObject({
        wallet: viewer.address.toLowerCase(),
        role: 'viewer',
        tokenType: 'Bearer',
        expiresIn: 900,
      });
      const response = await me(bearer(tokens));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        kind: 'wallet',
        wallet: viewer.address.toLowerCase(),
        role: 'viewer',
        scopes: ['*'],
      });
    });

    it('gives configured admin wallets the admin role', async () => {
      expect((await signIn(gw.url, admin, SIWE_DOMAIN)).role).toBe('admin');
    });

    it('refuses a replayed message, naming the reused nonce', async () => {
      const signed = await signedSiweMessage(gw.url, viewer, { domain: SIWE_DOMAIN });
      expect((await verify(signed)).status).toBe(200);
      const replay = await verify(signed);
      expect(replay.status).toBe(401);
      expect(replay.headers.get('content-type')).toContain('application/problem+json');
      expect(await replay.json()).toMatchObject({ type: 'urn:convergence:auth:nonce-replayed', status: 401 });
    });

    it('refuses an expired message', async () => {
      const signed = await signedSiweMessage(gw.url, viewer, {
        domain: SIWE_DOMAIN,
        expirationTime: new Date(Date.now() - 1_000),
      });
      const response = await verify(signed);
      expect(response.status).toBe(401);
      expect(((await response.json()) as Problem).type).toBe('urn:convergence:auth:message-expired');
    });

    it('refuses a message for another domain, a nonce it never issued, and a signature by someone else', async () => {
      const otherDomain = await signedSiweMessage(gw.url, viewer, { domain: 'phishing.example' });
      expect(((await (await verify(otherDomain)).json()) as Problem).type).toBe(
        'urn:convergence:auth:wrong-domain',
      );

      const unknownNonce = await signedSiweMessage(gw.url, viewer, {
        domain: SIWE_DOMAIN,
        nonce: 'neverissued1234',
      });
      expect(((await (await verify(unknownNonce)).json()) as Problem).type).toBe(
        'urn:convergence:auth:unknown-nonce',
      );

      const signed = await signedSiweMessage(gw.url, viewer, { domain: SIWE_DOMAIN });
      const forged = {
        message: signed.message,
        signature: await admin.signMessage({ message: signed.message }),
      };
      expect(((await (await verify(forged)).json()) as Problem).type).toBe(
        'urn:convergence:auth:bad-signature',
      );
    });

    it('answers a malformed body with problem+json naming the field', async () => {
      const response = await verify({ message: 'hello' });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [{ field: 'signature', message: 'Required' }] });
    });
  });

  describe('refresh tokens', () => {
    const refresh = (refreshToken: string) => postJson(`${gw.url}/auth/refresh`, { refreshToken });

    it('rotates: a refresh answers a new pair and the old refresh token is spent', async () => {
      const first = await signIn(gw.url, viewer, SIWE_DOMAIN);
      const rotated = await refresh(first.refreshToken);
      expect(rotated.status).toBe(200);
      const second = (await rotated.json()) as { refreshToken: string; accessToken: string };
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect((await me(bearer(second))).status).toBe(200);
      // Only hashes are stored.
      const { rows } = await db.query(
        `SELECT token_hash FROM "${gw.schema}".refresh_tokens WHERE wallet = $1`,
        [first.wallet],
      );
      expect(rows.some((r: { token_hash: string }) => r.token_hash === second.refreshToken)).toBe(false);
    });

    it('detects reuse of a rotated token and revokes the whole family', async () => {
      const first = await signIn(gw.url, viewer, SIWE_DOMAIN);
      const second = (await (await refresh(first.refreshToken)).json()) as { refreshToken: string };

      const reuse = await refresh(first.refreshToken);
      expect(reuse.status).toBe(401);
      expect(((await reuse.json()) as Problem).type).toBe('urn:convergence:auth:refresh-reused');
      // The thief's (or the owner's) newer token died with the family.
      const after = await refresh(second.refreshToken);
      expect(((await after.json()) as Problem).type).toBe('urn:convergence:auth:refresh-revoked');
    });

    it('revokes a session on logout', async () => {
      const tokens = await signIn(gw.url, viewer, SIWE_DOMAIN);
      expect((await postJson(`${gw.url}/auth/logout`, { refreshToken: tokens.refreshToken })).status).toBe(
        204,
      );
      expect(((await (await refresh(tokens.refreshToken)).json()) as Problem).type).toBe(
        'urn:convergence:auth:refresh-revoked',
      );
    });

    it('refuses a forged access token', async () => {
      const response = await me({
        authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
      });
      expect(response.status).toBe(401);
      expect(((await response.json()) as Problem).type).toBe('urn:convergence:auth:invalid-token');
    });
  });

  describe('API keys', () => {
    it('shows a key once, stores its hash, holds it to its scopes, notes its use and revokes it', async () => {
      const adminTokens = await signIn(gw.url, admin, SIWE_DOMAIN);
      const created = await postJson(
        `${gw.url}/api/admin/api-keys`,
        { name: 'pager bot', role: 'operator', scopes: ['alerts:read'] },
        bearer(adminTokens),
      );
      expect(created.status).toBe(201);
      const key = (await created.json()) as { id: string; key: string; prefix: string };
      expect(key.key).toMatch(/^cvg_/);
      const { rows } = await db.query(`SELECT key_hash FROM "${gw.schema}".api_keys WHERE id = $1`, [key.id]);
      expect(rows[0].key_hash).not.toContain(key.key.slice(4));

      const withKey = { 'x-api-key': key.key };
      expect((await fetch(`${gw.url}/api/operator/alerts`, { headers: withKey })).status).toBe(200);
      const outOfScope = await fetch(`${gw.url}/api/operator/settlements`, { headers: withKey });
      expect(outOfScope.status).toBe(403);
      expect(((await outOfScope.json()) as Problem).type).toBe('urn:convergence:auth:scope-missing');

      const listed = (await (
        await fetch(`${gw.url}/api/admin/api-keys`, { headers: bearer(adminTokens) })
      ).json()) as {
        id: string;
        lastUsedAt: string | null;
        key?: string;
      }[];
      const entry = listed.find((k) => k.id === key.id);
      expect(entry?.lastUsedAt).not.toBeNull();
      expect(entry?.key).toBeUndefined();

      const revoked = await fetch(`${gw.url}/api/admin/api-keys/${key.id}`, {
        method: 'DELETE',
        headers: bearer(adminTokens),
      });
      expect(revoked.status).toBe(204);
      const after = await fetch(`${gw.url}/api/operator/alerts`, { headers: withKey });
      expect(after.status).toBe(401);
      expect(((await after.json()) as Problem).type).toBe('urn:convergence:auth:revoked-key');
    });
  });

  describe('auth log', () => {
    it('records attempts, lists repeated failures, and raises an alert on the sixth failure in an hour', async () => {
      const attacker = privateKeyToAccount(generatePrivateKey());
      const wallet = attacker.address.toLowerCase();
      for (let i = 0; i < 6; i++) {
        const signed = await signedSiweMessage(gw.url, attacker, { domain: SIWE_DOMAIN });
        const forged = {
          message: signed.message,
          signature: await viewer.signMessage({ message: signed.message }),
        };
        expect((await verify(forged)).status).toBe(401);
      }
      const { rows } = await db.query(
        `SELECT action, success, reason FROM "${gw.schema}".auth_log WHERE subject = $1 ORDER BY id`,
        [wallet],
      );
      expect(rows).toHaveLength(6);
      expect(rows[0]).toEqual({ action: 'siwe.verify', success: false, reason: 'bad-signature' });

      const adminTokens = await signIn(gw.url, admin, SIWE_DOMAIN);
      const failures = (await (
        await fetch(`${gw.url}/api/admin/auth-log/failures?sinceMinutes=60&min=6`, {
          headers: bearer(adminTokens),
        })
      ).json()) as { kind: string; address: string; failures: number }[];
      expect(failures).toContainEqual(
        expect.objectContaining({ kind: 'subject', address: wallet, failures: 6 }),
      );

      const kafka = createKafkaClient({
        serviceName: 'test',
        brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
        topicPartitions: 1,
        replicationFactor: 1,
      });
      const seen = await readTopicUntil(kafka, 'alerts.raw.v1', (messages) =>
        messages.some((m) => m.message.value?.toString().includes(wallet)),
      );
      const alert = JSON.parse(
        seen.find((m) => m.message.value?.toString().includes(wallet))!.message.value!.toString(),
      ) as {
        source: string;
        data: { labels: Record<string, string> };
      };
      expect(alert.source).toBe('api-gateway');
      expect(alert.data.labels).toMatchObject({ alertname: 'GatewayAuthFailures', wallet });
      // One alert per crossing, not one per failure: the outbox holds exactly one for this wallet.
      const outbox = await db.query(
        `SELECT count(*)::int AS n FROM "${gw.schema}".outbox WHERE envelope->'data'->'labels'->>'wallet' = $1`,
        [wallet],
      );
      expect(outbox.rows[0].n).toBe(1);
    });
  });
});
