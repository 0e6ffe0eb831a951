import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { parseOrBadRequest } from '@convergence/service-kit';
import { z } from 'zod';
import { AckError, httpExceptionOf } from './ack.error';
import { type AckResult, AckService } from './ack.service';
import { ackPageOf, ackedPageOf } from './ack-page.util';

const ackRequestSchema = z.object({
  groupKey: z.string().min(1),
  ackedBy: z.string().min(1),
  comment: z.string().default(''),
});

/**
 * Acknowledgements: `POST /api/v1/acknowledgements` for operators and tools, and the signed link
 * from Slack and email (`GET /ack/:token` shows a confirmation, its form POSTs — so link
 * scanners that prefetch URLs acknowledge nothing).
 */
@Controller()
export class AckController {
  constructor(private readonly acks: AckService) {}

  @Post('api/v1/acknowledgements')
  @HttpCode(201)
  async create(@Body() body: unknown) {
    const request = parseOrBadRequest(ackRequestSchema, body, 'invalid acknowledgement');
    return viewOf(await refusals(() => this.acks.acknowledge({ ...request, source: 'api' })));
  }

  @Get('api/v1/acknowledgements')
  async list(@Query('groupKey') groupKey: unknown) {
    const key = parseOrBadRequest(z.string().min(1), groupKey, 'groupKey query parameter required');
    return (await this.acks.list(key)).map((ack) => ({ ...ack, ackedAt: ack.ackedAt.toISOString() }));
  }

  @Get('ack/:token')
  @Header('content-type', 'text/html; charset=utf-8')
  confirm(@Param('token') token: string): string {
    try {
      return ackPageOf(this.acks.claimOf(token).groupKey);
    } catch (error) {
      throw error instanceof AckError ? httpExceptionOf(error) : error;
    }
  }

  @Post('ack/:token')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  async acknowledgeLink(@Param('token') token: string): Promise<string> {
    const result = await refusals(() => this.acks.acknowledgeLink(token));
    return ackedPageOf(result.acknowledgement.groupKey, result.acknowledgement.fingerprints.length);
  }
}

async function refusals<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw error instanceof AckError ? httpExceptionOf(error) : error;
  }
}

function viewOf(result: AckResult) {
  const ack = result.acknowledgement;
  return {
    id: ack.id,
    groupKey: ack.groupKey,
    fingerprints: ack.fingerprints,
    ackedBy: ack.ackedBy,
    comment: ack.comment,
    ackedAt: ack.ackedAt.toISOString(),
    escalationStopped: result.escalationStopped,
    forwarded: result.forwarded.map((record) => ({
      receiver: record.receiver,
      integration: record.result.integration,
      index: record.result.index,
      outcome: record.result.outcome,
      ...(record.result.error ? { error: record.result.error } : {}),
    })),
  };
}
