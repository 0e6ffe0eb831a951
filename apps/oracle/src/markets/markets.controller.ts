import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { parseOrBadRequest } from '@convergence/service-kit';
import { MarketError } from './market-error';
import {
  createMarketSchema,
  listMarketsSchema,
  marketIdSchema,
  submitOpinionSchema,
  walletSchema,
} from './market.dto';
import { MarketsService } from './markets.service';

const orHttp = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof MarketError) throw error.toHttp();
    throw error;
  }
};

/** Markets (from the chain, or created here), signed opinion texts, and a wallet's portfolio. */
@Controller()
export class MarketsController {
  constructor(private readonly markets: MarketsService) {}

  @Get('markets')
  list(@Query() query: unknown) {
    return this.markets.list(parseOrBadRequest(listMarketsSchema, query, 'invalid markets query'));
  }

  @Get('markets/:id')
  get(@Param('id') id: string) {
    return orHttp(() => this.markets.get(parseOrBadRequest(marketIdSchema, id, 'invalid market id')));
  }

  /** Creates the market on chain from the oracle's account; 201 with the market once mined. */
  @Post('markets')
  @HttpCode(201)
  create(@Body() body: unknown) {
    return orHttp(() => this.markets.create(parseOrBadRequest(createMarketSchema, body, 'invalid market')));
  }

  @Post('markets/:id/opinions')
  @HttpCode(201)
  submitOpinion(@Param('id') id: string, @Body() body: unknown) {
    const marketId = parseOrBadRequest(marketIdSchema, id, 'invalid market id');
    const opinion = parseOrBadRequest(submitOpinionSchema, body, 'invalid opinion');
    return orHttp(() => this.markets.submitOpinion(marketId, opinion));
  }

  @Get('wallets/:wallet/portfolio')
  portfolio(@Param('wallet') wallet: string) {
    return this.markets.portfolio(parseOrBadRequest(walletSchema, wallet, 'invalid wallet'));
  }
}
