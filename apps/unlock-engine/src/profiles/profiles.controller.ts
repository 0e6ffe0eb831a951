import { Controller, Get, Param } from '@nestjs/common';
import { anyWalletAddressOf } from '../wallets/wallet-address.util';
import { ProfileService, type WalletProfile } from './profile.service';

/**
 * `GET /profiles/:address` (an EVM or a Solana address): balances, NFTs, governance, activity and SPL
 * holdings, confirmed and not.
 */
@Controller('profiles')
export class ProfilesController {
  constructor(private readonly profiles: ProfileService) {}

  @Get(':address')
  profileOf(@Param('address') address: string): Promise<WalletProfile> {
    return this.profiles.profileOf(anyWalletAddressOf(address));
  }
}
