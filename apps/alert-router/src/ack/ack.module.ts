import { Module } from '@nestjs/common';
import { DispatcherModule } from '../dispatcher/dispatcher.module';
import { EscalationModule } from '../escalation/escalation.module';
import { AckController } from './ack.controller';
import { AckService } from './ack.service';

/** Acknowledgements through the API and signed links. */
@Module({
  imports: [DispatcherModule, EscalationModule],
  providers: [AckService],
  controllers: [AckController],
})
export class AckModule {}
