import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { parseOrBadRequest } from '@convergence/service-kit';
import { z } from 'zod';
import { SolanaIndexingService } from '../indexing/solana-indexing.service';
import type { SolanaProgramStatusDto } from './solana-program-status.view';

const reindexRequestSchema = z
  .object({
    /** Re-index from this slot; absent: from the program's configured start. */
    fromSlot: z
      .union([z.number().int().nonnegative(), z.string().regex(/^\d+$/, 'must be a slot number')])
      .optional(),
  })
  .strict();

/** Operators' view of the Solana programs: status per program, and re-indexing one. */
@Controller('solana/programs')
export class SolanaController {
  constructor(private readonly indexing: SolanaIndexingService) {}

  @Get()
  list(): SolanaProgramStatusDto[] {
    return this.indexing.statuses();
  }

  @Get(':name')
  get(@Param('name') name: string): SolanaProgramStatusDto {
    return this.indexing.status(name);
  }

  /** Restarts the program's loop from `fromSlot` (or its start); events come again with the same ids. */
  @Post(':name/reindex')
  @HttpCode(202)
  async reindex(@Param('name') name: string, @Body() body: unknown): Promise<SolanaProgramStatusDto> {
    const { fromSlot } = parseOrBadRequest(reindexRequestSchema, body ?? {}, 'invalid re-index request');
    return this.indexing.reindex(name, fromSlot === undefined ? undefined : BigInt(fromSlot));
  }
}
