import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../clock';
import { problemFromUpstream } from '../upstream/upstream-problem.util';
import { UpstreamClient } from '../upstream/upstream.client';
import { ReindexRequestEntity } from './reindex-request.entity';
import { type ReindexProgress, reindexProgressOf } from './reindex-progress.util';

/** The part of the chain-indexer's `ChainStatusDto` (GET /chains/:chainId) the gateway reads. */
export interface IndexerChainStatus {
  chainId: number;
  head: string | null;
  indexedBlock: string | null;
  [field: string]: unknown;
}

/**
 * One chain's indexing as operators follow it: the chain-indexer's status (head, indexed block,
 * lag, endpoints) with the latest re-index requested through the gateway and its progress.
 */
@Injectable()
export class IndexerOperationsService {
  constructor(
    private readonly upstream: UpstreamClient,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async chain(chainId: number): Promise<IndexerChainStatus & { reindex: ReindexProgress | null }> {
    const status = await this.upstream.json<IndexerChainStatus>('chain-indexer', 'GET', `/chains/${chainId}`);
    const latest = await this.dataSource.getRepository(ReindexRequestEntity).findOne({
      where: { chainId },
      order: { requestedAt: 'DESC', id: 'DESC' },
    });
    return { ...status, reindex: latest ? reindexProgressOf(latest, status.indexedBlock) : null };
  }

  /** Asks the indexer to index again from `fromBlock`; records the head it has to reach. */
  async reindex(
    chainId: number,
    fromBlock: string,
    requestedBy: string,
  ): Promise<IndexerChainStatus & { reindex: ReindexProgress }> {
    const answer = await this.upstream.request('chain-indexer', 'POST', `/chains/${chainId}/reindex`, {
      body: { fromBlock },
    });
    if (answer.status >= 400) throw problemFromUpstream('chain-indexer', answer);
    const status = JSON.parse(answer.body.toString('utf8')) as IndexerChainStatus;
    const row = await this.dataSource.getRepository(ReindexRequestEntity).save({
      chainId,
      fromBlock,
      targetBlock: status.head,
      requestedBy,
      requestedAt: this.clock(),
    });
    return { ...status, reindex: reindexProgressOf(row, status.indexedBlock) };
  }
}
