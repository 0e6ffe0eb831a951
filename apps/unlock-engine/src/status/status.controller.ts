import { Controller, Get } from '@nestjs/common';
import { type EngineStatus, StatusService } from './status.service';

/** `GET /status`: background re-evaluation progress, chain cursors, pending outbox rows. */
@Controller('status')
export class StatusController {
  constructor(private readonly statuses: StatusService) {}

  @Get()
  status(): Promise<EngineStatus> {
    return this.statuses.status();
  }
}
