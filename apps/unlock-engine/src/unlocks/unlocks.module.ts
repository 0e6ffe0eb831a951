import { Module } from '@nestjs/common';
import { UnlockDefinitionsService } from './unlock-definitions.service';
import { UnlocksController } from './unlocks.controller';

/** Unlock definitions and their HTTP API. */
@Module({
  controllers: [UnlocksController],
  providers: [UnlockDefinitionsService],
  exports: [UnlockDefinitionsService],
})
export class UnlocksModule {}
