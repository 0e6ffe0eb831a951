import { Module } from '@nestjs/common';
import { AlertsV2Controller } from '../api-v2/alerts-v2.controller';
import { SilencesV2Controller } from '../api-v2/silences-v2.controller';
import { SilenceStoreService } from '../silence-store/silence-store.service';
import { AlertStoreService, CLOCK } from './alert-store.service';
import { AlertsRawConsumer } from './alerts-raw.consumer';

@Module({
  controllers: [AlertsV2Controller, SilencesV2Controller],
  providers: [
    { provide: CLOCK, useValue: () => new Date() },
    AlertStoreService,
    SilenceStoreService,
    AlertsRawConsumer,
  ],
  exports: [AlertStoreService],
})
export class AlertStoreModule {}
