import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { walletAddressOf } from '../wallets/wallet-address.util';
import { type ReconciliationReport, ReconciliationService } from './reconciliation.service';

/** `POST /reconciliation/:address`: compare a wallet with the chain now and correct what differs. */
@Controller('reconciliation')
export class ReconciliationController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Post(':address')
  @HttpCode(200)
  reconcile(@Param('address') address: string): Promise<ReconciliationReport> {
    return this.reconciliation.reconcile(walletAddressOf(address), 'api');
  }
}
