import { Module } from '@nestjs/common';
import { AlertIntakeService } from './alert-intake.service';
import { AlertsRawConsumer } from './alerts-raw.consumer';
import { DispatcherService } from './dispatcher.service';
import { FlushPipeline } from './flush-pipeline.service';

/** Alerts in (intake, `alerts.raw.v1`), grouped and flushed to the receivers. */
@Module({
  providers: [DispatcherService, FlushPipeline, AlertIntakeService, AlertsRawConsumer],
  exports: [DispatcherService, AlertIntakeService],
})
export class DispatcherModule {}
