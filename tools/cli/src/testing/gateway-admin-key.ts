import type { PrivateKeyAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';

/**
 * The first admin API key of a fresh gateway, the way an operator gets it: sign in with an admin
 * wallet (ADMIN_WALLETS) through SIWE, then create a key with the access token.
 */
export async function bootstrapAdminKey(
  gatewayUrl: string,
  admin: PrivateKeyAccount,
  domain: string,
): Promise<string> {
  const { nonce } = (await (await fetch(`${gatewayUrl}/auth/nonce`, { method: 'POST' })).json()) as {
    nonce: string;
  };
  const message = createSiweMessage({
    address: admin.address,
    chainId: 31337,
    domain,
    nonce,
    uri: `https://${domain}`,
    version: '1',
    issuedAt: new Date(),
  });
  const verified = await postJson(`${gatewayUrl}/auth/verify`, {
    message,
    signature: await admin.signMessage({ message }),
  });
  if (verified.status !== 200)
    throw new Error(`sign-in failed with ${verified.status}: ${await verified.text()}`);
  const { accessToken } = (await verified.json()) as { accessToken: string };
  const created = await postJson(
    `${gatewayUrl}/api/admin/api-keys`,
    { name: 'cli-test-bootstrap', role: 'admin', scopes: ['*'] },
    { authorization: `Bearer ${accessToken}` },
  );
  if (created.status !== 201)
    throw new Error(`creating the admin key failed with ${created.status}: ${await created.text()}`);
  return ((await created.json()) as { key: string }).key;
}

function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
