import { Module } from '@nestjs/common';
import { DispatcherModule } from '../dispatcher/dispatcher.module';
import { WebhookInputController } from './webhook-input.controller';

/** Alertmanager's webhook payload as an input. */
@Module({ imports: [DispatcherModule], controllers: [WebhookInputController] })
export class ApiV1Module {}
