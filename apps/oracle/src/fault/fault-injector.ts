import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { OracleEnv } from '../config/env';
import { ORACLE_ENV, ORACLE_LOGGER } from '../config/tokens';

/**
 * Test-only crash points (ORACLE_FAULT_KILL_AT, refused in production): the process SIGKILLs itself
 * at the named point — e.g. `after-tx:recordSentiment`, between a mined transaction and the database
 * recording it — so restart tests hit the windows a real crash could.
 */
@Injectable()
export class FaultInjector {
  constructor(
    @Inject(ORACLE_ENV) private readonly env: OracleEnv,
    @Inject(ORACLE_LOGGER) private readonly logger: Logger,
  ) {}

  reach(point: string): void {
    if (this.env.ORACLE_FAULT_KILL_AT !== point) return;
    this.logger.fatal({ point }, 'fault injection: killing the process');
    this.logger.flush?.();
    process.kill(process.pid, 'SIGKILL');
  }
}
