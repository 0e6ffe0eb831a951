import { Module } from '@nestjs/common';
import { UnlocksModule } from '../unlocks/unlocks.module';
import { CeremonyController } from './ceremony.controller';
import { CeremonyService } from './ceremony.service';
import { InterpretationConsumer } from './interpretation.consumer';
import { InterpretationStore } from './interpretation.store';

/** Ceremony payloads with the oracle's interpretations. */
@Module({
  imports: [UnlocksModule],
  controllers: [CeremonyController],
  providers: [CeremonyService, InterpretationStore, InterpretationConsumer],
})
export class CeremonyModule {}
