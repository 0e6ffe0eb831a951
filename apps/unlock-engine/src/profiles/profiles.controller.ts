import { Controller, Get, Param } from '@nestjs/common';
import { walletAddressOf } from '../wallets/wallet-address.util';
import { ProfileService, type WalletProfile } from './profile.service';

/** `GET /profiles/:address`: balances, NFTs, governance and activity, confirmed and not. */
@Controller('profiles')
export class ProfilesController {
  constructor(private readonly profiles: ProfileService) {}

  @Get(':address')
  profileOf(@Param('address') address: string): Promise<WalletProfile> {
    return this.profiles.profileOf(walletAddressOf(address));
  }
}
