import { Controller, Get, Param } from '@nestjs/common';
import { anyWalletAddressOf } from '../wallets/wallet-address.util';
import { EligibilityService, type WalletEligibility } from './eligibility.service';

/**
 * `GET /eligibility/:address` (an EVM or a Solana address): each active unlock met or not, and each
 * condition's progress.
 */
@Controller('eligibility')
export class EligibilityController {
  constructor(private readonly eligibility: EligibilityService) {}

  @Get(':address')
  eligibilityOf(@Param('address') address: string): Promise<WalletEligibility> {
    return this.eligibility.eligibilityOf(anyWalletAddressOf(address));
  }
}
