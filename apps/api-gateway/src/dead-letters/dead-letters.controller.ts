import {
  BadRequestException,
  Body,
  Controller,
  NotFoundException,
  Param,
  Req,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  DeadLetterNotFoundError,
  DeadLetterReadError,
  DeadLetterService,
  InvalidDeadLetterRequestError,
  type ReplaySelection,
} from '@convergence/messaging';
import type { Request } from 'express';
import { Endpoint } from '../routes/endpoint.decorator';
import { gatewayRoutes } from '../routes/route-table';
import { validateInput } from '../routes/validate-input.util';

/** Operators read and replay any topic's dead letters through libs/messaging's DeadLetterService. */
@Controller()
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLetterService) {}

  @Endpoint(gatewayRoutes.dlqInspect)
  async inspect(@Param() rawParams: unknown, @Req() request: Request) {
    const { params, query } = validateInput(gatewayRoutes.dlqInspect, {
      params: rawParams,
      query: request.query,
      body: undefined,
    });
    return mapErrors(() =>
      this.deadLetters.inspect(params['topic'] as string, {
        limit: query['limit'] as number,
        ...(query['partition'] === undefined ? {} : { partition: query['partition'] as number }),
        ...(query['fromOffset'] === undefined ? {} : { fromOffset: query['fromOffset'] as string }),
      }),
    );
  }

  @Endpoint(gatewayRoutes.dlqReplay)
  async replay(@Param() rawParams: unknown, @Body() raw: unknown, @Req() request: Request) {
    const { params, body } = validateInput(gatewayRoutes.dlqReplay, {
      params: rawParams,
      query: request.query,
      body: raw,
    });
    return mapErrors(() => this.deadLetters.replay(params['topic'] as string, body as ReplaySelection));
  }
}

/** The dead-letter errors as problems: bad request 400, missing letters 404, Kafka trouble 503. */
async function mapErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InvalidDeadLetterRequestError)
      throw new BadRequestException({ title: 'invalid dead-letter request', detail: error.message });
    if (error instanceof DeadLetterNotFoundError)
      throw new NotFoundException({ title: 'not found', detail: error.message });
    if (error instanceof DeadLetterReadError)
      throw new ServiceUnavailableException(
        { title: 'service unavailable', detail: error.message },
        { cause: error },
      );
    throw error;
  }
}
