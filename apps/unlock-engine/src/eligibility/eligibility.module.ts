import { Module } from '@nestjs/common';
import { ProfileService } from '../profiles/profile.service';
import { ProfilesController } from '../profiles/profiles.controller';
import { EligibilityController } from './eligibility.controller';
import { EligibilityService } from './eligibility.service';

/** Read side: profiles and eligibility per wallet. */
@Module({
  controllers: [EligibilityController, ProfilesController],
  providers: [EligibilityService, ProfileService],
  exports: [EligibilityService],
})
export class EligibilityModule {}
