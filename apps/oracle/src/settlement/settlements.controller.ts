import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { settlementStates } from '@convergence/schemas';
import { parseOrBadRequest } from '@convergence/service-kit';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { SettlementJobEntity } from './settlement-job.entity';

const querySchema = z.object({
  state: z.enum(settlementStates).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** GET /settlements: every market's settlement job, newest first, with any multisig proposal waiting. */
@Controller('settlements')
export class SettlementsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  async list(@Query() query: unknown) {
    const { state, limit } = parseOrBadRequest(querySchema, query, 'invalid settlements query');
    const jobs = await this.dataSource.getRepository(SettlementJobEntity).find({
      where: state ? { state } : {},
      order: { queuedAt: 'DESC' },
      take: limit,
    });
    return jobs.map((j) => ({
      id: `${j.chainId}:${j.marketId}`,
      chainId: j.chainId,
      marketId: j.marketId,
      state: j.state,
      attempt: j.attempt,
      queuedAt: j.queuedAt.toISOString(),
      updatedAt: j.updatedAt.toISOString(),
      settledAt: j.settledAt?.toISOString() ?? null,
      durationSeconds: j.settledAt ? (j.settledAt.getTime() - j.queuedAt.getTime()) / 1_000 : null,
      failureReason: j.failureReason,
      lastError: j.lastError,
      sentiment: j.analysis,
      vrf: {
        requestId: j.vrfRequestId,
        requestedAt: j.vrfRequestedAt?.toISOString() ?? null,
        rerequests: j.vrfRerequests,
      },
      winner: j.winner,
      txHashes: j.txHashes,
      proposal: j.proposal,
    }));
  }
}
