import { TEST_STACK_KEY, type TestStackState } from './global-setup';
import { TEST_ENV } from './test-env';

/** Jest globalTeardown: stops the stack global-setup started (if it started one) and removes its folder. */
export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as Record<symbol, unknown>;
  const state = holder[TEST_STACK_KEY] as TestStackState | undefined;
  if (!state) return;
  delete holder[TEST_STACK_KEY];
  try {
    await state.stack.stop();
  } finally {
    await state.removeDir();
    for (const name of Object.values(TEST_ENV)) delete process.env[name];
  }
}
