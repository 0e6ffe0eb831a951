import { Module } from '@nestjs/common';
import { LlmModule } from '../llm/llm.module';
import { MarketsModule } from '../markets/markets.module';
import { InterpretationService } from './interpretation.service';
import { UnlockAchievedConsumer } from './unlock-achieved.consumer';

/** unlock.achieved.v1 → oracle.interpretation.v1. */
@Module({ imports: [LlmModule, MarketsModule], providers: [InterpretationService, UnlockAchievedConsumer] })
export class InterpretationModule {}
