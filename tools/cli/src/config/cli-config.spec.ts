import { CliError } from '../cli.exception';
import { loadCliConfig } from './cli-config';

describe(loadCliConfig.name, () => {
  it('defaults the gateway to the dev stack and treats empty variables as unset', () => {
    const config = loadCliConfig({ CONVERGENCE_API_KEY: '' });
    expect(config.CONVERGENCE_GATEWAY_URL).toBe('http://127.0.0.1:3000');
    expect(config.CONVERGENCE_API_KEY).toBeUndefined();
  });

  it('lets command-line options win over the environment', () => {
    const config = loadCliConfig(
      { CONVERGENCE_GATEWAY_URL: 'http://env:3000', CONVERGENCE_API_KEY: 'cvg_env' },
      { gatewayUrl: 'https://gw.example:8443', apiKey: 'cvg_option' },
    );
    expect(config.CONVERGENCE_GATEWAY_URL).toBe('https://gw.example:8443');
    expect(config.CONVERGENCE_API_KEY).toBe('cvg_option');
  });

  it('names every bad value with its option and variable', () => {
    let error: unknown;
    try {
      loadCliConfig({ CONVERGENCE_GATEWAY_URL: 'gateway', CONVERGENCE_DATABASE_URL: 'mysql://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).code).toBe('config');
    expect((error as CliError).message).toContain('--gateway-url / CONVERGENCE_GATEWAY_URL: must be a URL');
    expect((error as CliError).message).toContain(
      '--database-url / CONVERGENCE_DATABASE_URL: must be a postgres:// URL',
    );
  });
});
