import { BadRequestException, Controller, HttpCode, Post } from '@nestjs/common';
import { RouterMetrics } from '../metrics/router.metrics';
import { InvalidRoutingConfigError } from './invalid-routing-config.error';
import { RoutingConfigService } from './routing-config.service';

/** Alertmanager's `POST /-/reload`: re-reads the config file, keeping the running one if it is invalid. */
@Controller('-')
export class ReloadController {
  constructor(
    private readonly config: RoutingConfigService,
    private readonly metrics: RouterMetrics,
  ) {}

  @Post('reload')
  @HttpCode(200)
  async reload(): Promise<{ hash: string }> {
    try {
      const config = await this.config.reload();
      this.metrics.configReloads.inc({ result: 'success' });
      return { hash: config.hash };
    } catch (error) {
      this.metrics.configReloads.inc({ result: 'failure' });
      if (error instanceof InvalidRoutingConfigError) {
        throw new BadRequestException(
          {
            title: 'invalid routing config; the running config is kept',
            detail: error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
            errors: error.issues.map((issue) => ({ field: issue.path, message: issue.message })),
          },
          { cause: error },
        );
      }
      throw error;
    }
  }
}
