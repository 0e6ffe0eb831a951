import { writeSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import type { OracleEnv } from '../config/env';
import { ORACLE_ENV } from '../config/tokens';

/**
 * Test-only crash points (ORACLE_FAULT_KILL_AT, refused in production): the process SIGKILLs itself
 * at the named point — e.g. `after-tx:recordSentiment`, between a mined transaction and the database
 * recording it — so restart tests hit the windows a real crash could.
 */
@Injectable()
export class FaultInjector {
  constructor(@Inject(ORACLE_ENV) private readonly env: OracleEnv) {}

  reach(point: string): void {
    if (this.env.ORACLE_FAULT_KILL_AT !== point) return;
    // Written synchronously: an asynchronous log line could be lost with the process.
    writeSync(
      2,
      `${JSON.stringify({ level: 'fatal', point, msg: 'fault injection: killing the process' })}\n`,
    );
    process.kill(process.pid, 'SIGKILL');
  }
}
