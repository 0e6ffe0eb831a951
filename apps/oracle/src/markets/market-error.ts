import {
  BadRequestException,
  ConflictException,
  NotFoundException,
  UnprocessableEntityException,
  type HttpException,
} from '@nestjs/common';

export type MarketErrorCode =
  | 'market_not_found'
  | 'bad_signature'
  | 'stake_not_found'
  | 'analysis_started'
  | 'bad_request';

/** Errors of the markets API; `toHttp` maps each code to one problem+json status. */
export class MarketError extends Error {
  override readonly name = 'MarketError';

  constructor(
    readonly code: MarketErrorCode,
    message: string,
  ) {
    super(message);
  }

  toHttp(): HttpException {
    const body = { title: this.code.replace(/_/g, ' '), detail: this.message };
    switch (this.code) {
      case 'market_not_found':
        return new NotFoundException(body);
      case 'bad_signature':
      case 'stake_not_found':
        return new UnprocessableEntityException(body);
      case 'analysis_started':
        return new ConflictException(body);
      case 'bad_request':
        return new BadRequestException(body);
    }
  }
}
