import { Module } from '@nestjs/common';
import { AlertsV2Controller } from '../api-v2/alerts-v2.controller';
import { AlertStoreService, CLOCK } from './alert-store.service';
import { AlertsRawConsumer } from './alerts-raw.consumer';

@Module({
  controllers: [AlertsV2Controller],
  providers: [{ provide: CLOCK, useValue: () => new Date() }, AlertStoreService, AlertsRawConsumer],
  exports: [AlertStoreService],
})
export class AlertStoreModule {}
