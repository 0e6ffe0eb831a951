import { type PrivateKeyAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  wallet: string;
  role: string;
}

/** An EIP-4361 message for a nonce the gateway issued, signed by `account` with viem. */
export async function signedSiweMessage(
  gatewayUrl: string,
  account: PrivateKeyAccount,
  options: { domain: string; expirationTime?: Date; nonce?: string },
): Promise<{ message: string; signature: `0x${string}` }> {
  const nonce =
    options.nonce ??
    ((await (await fetch(`${gatewayUrl}/auth/nonce`, { method: 'POST' })).json()) as { nonce: string }).nonce;
  const message = createSiweMessage({
    address: account.address,
    chainId: 31337,
    domain: options.domain,
    nonce,
    uri: `https://${options.domain}`,
    version: '1',
    issuedAt: new Date(),
    ...(options.expirationTime ? { expirationTime: options.expirationTime } : {}),
  });
  return { message, signature: await account.signMessage({ message }) };
}

export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** Signs in with a real signature and answers the tokens; fails the test when the gateway refuses. */
export async function signIn(
  gatewayUrl: string,
  account: PrivateKeyAccount,
  domain: string,
): Promise<Tokens> {
  const response = await postJson(
    `${gatewayUrl}/auth/verify`,
    await signedSiweMessage(gatewayUrl, account, { domain }),
  );
  if (response.status !== 200)
    throw new Error(`sign-in failed with ${response.status}: ${await response.text()}`);
  return (await response.json()) as Tokens;
}

export const bearer = (tokens: { accessToken: string }) => ({
  authorization: `Bearer ${tokens.accessToken}`,
});
