import { Controller, Get, Header, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { HEALTH_OPTIONS, READINESS_CHECKS, type ReadinessCheck } from './readiness-check';
import { runReadinessChecks, type ReadinessReport } from './readiness.runner';

export interface ResolvedHealthOptions {
  timeoutMs: number;
}

/** `GET /health` (liveness: the process serves HTTP) and `GET /ready` (readiness: every check is up). */
@Controller()
export class HealthController {
  constructor(
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
    @Inject(HEALTH_OPTIONS) private readonly options: ResolvedHealthOptions,
  ) {}

  @Get('health')
  @Header('Cache-Control', 'no-store')
  health(): { status: 'ok'; uptimeSeconds: number } {
    return { status: 'ok', uptimeSeconds: Math.floor(process.uptime()) };
  }

  @Get('ready')
  @Header('Cache-Control', 'no-store')
  async ready(): Promise<ReadinessReport> {
    const report = await runReadinessChecks(this.checks, this.options.timeoutMs);
    // An HttpException with an object body is sent as-is by Nest's default exception filter, on any platform.
    if (report.status === 'error') throw new HttpException(report, HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
