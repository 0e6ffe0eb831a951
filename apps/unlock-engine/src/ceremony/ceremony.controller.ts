import { Controller, Get, Param, Query } from '@nestjs/common';
import { walletAddressOf } from '../wallets/wallet-address.util';
import type { CeremonyPayload } from './ceremony-payload.util';
import { CeremonyService } from './ceremony.service';

/** `GET /unlocks/:id/ceremony?address=`: the steps a frontend plays for a wallet's unlock. */
@Controller('unlocks')
export class CeremonyController {
  constructor(private readonly ceremonies: CeremonyService) {}

  @Get(':id/ceremony')
  ceremonyOf(@Param('id') id: string, @Query('address') address?: string): Promise<CeremonyPayload> {
    return this.ceremonies.ceremonyOf(id, walletAddressOf(address, 'address'));
  }
}
