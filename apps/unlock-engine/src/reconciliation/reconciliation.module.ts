import { Module } from '@nestjs/common';
import { ReconciliationController } from './reconciliation.controller';
import { ReconciliationScheduler } from './reconciliation.scheduler';
import { ReconciliationService } from './reconciliation.service';

/** Projected holdings against the chain, on demand and on a schedule. */
@Module({
  controllers: [ReconciliationController],
  providers: [ReconciliationService, ReconciliationScheduler],
})
export class ReconciliationModule {}
