import { Module } from '@nestjs/common';
import { DispatcherModule } from '../dispatcher/dispatcher.module';
import { AlertsV2Controller } from './alerts-v2.controller';
import { SilencesV2Controller } from './silences-v2.controller';

/** Alertmanager's API v2 (alerts and silences). */
@Module({ imports: [DispatcherModule], controllers: [AlertsV2Controller, SilencesV2Controller] })
export class ApiV2Module {}
