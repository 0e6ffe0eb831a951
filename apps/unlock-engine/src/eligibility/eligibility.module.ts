import { Module } from '@nestjs/common';
import { ProfileService } from '../profiles/profile.service';
import { ProfilesController } from '../profiles/profiles.controller';
import { WalletCountSource } from '../profiles/wallet-count.source';
import { EligibilityController } from './eligibility.controller';
import { EligibilityService } from './eligibility.service';

/** Read side: profiles and eligibility per wallet, and how many wallets there are. */
@Module({
  controllers: [EligibilityController, ProfilesController],
  providers: [EligibilityService, ProfileService, WalletCountSource],
  exports: [EligibilityService],
})
export class EligibilityModule {}
