import { Module } from '@nestjs/common';
import { DispatcherModule } from '../dispatcher/dispatcher.module';
import { EscalationService } from './escalation.service';

/** Escalation policies run on the dispatcher's flushes. */
@Module({ imports: [DispatcherModule], providers: [EscalationService], exports: [EscalationService] })
export class EscalationModule {}
