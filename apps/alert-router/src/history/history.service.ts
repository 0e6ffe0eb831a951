import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { AlertHistoryEntity } from '../alert-store/alert-history.entity';
import { NotificationEntity } from '../notification-log/notification.entity';
import type { AlertHistoryQuery, NotificationHistoryQuery } from './history-query.schema';

/** Alert history and the notification audit, newest first, filtered by labels, time and status. */
@Injectable()
export class HistoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  alerts(query: AlertHistoryQuery): Promise<AlertHistoryEntity[]> {
    const builder = this.dataSource.getRepository(AlertHistoryEntity).createQueryBuilder('h');
    if (Object.keys(query.label).length > 0) builder.andWhere('h.labels @> :labels', { labels: query.label });
    if (query.fingerprint)
      builder.andWhere('h.fingerprint = :fingerprint', { fingerprint: query.fingerprint });
    if (query.status) builder.andWhere('h.status = :status', { status: query.status });
    return inRange(builder, 'h.recordedAt', query)
      .orderBy('h.recordedAt', 'DESC')
      .addOrderBy('h.id', 'DESC')
      .getMany();
  }

  notifications(query: NotificationHistoryQuery): Promise<NotificationEntity[]> {
    const builder = this.dataSource.getRepository(NotificationEntity).createQueryBuilder('n');
    if (Object.keys(query.label).length > 0) {
      builder.andWhere('n.commonLabels @> :labels', { labels: query.label });
    }
    if (query.fingerprint)
      builder.andWhere(':fingerprint = ANY(n.fingerprints)', { fingerprint: query.fingerprint });
    for (const field of ['groupKey', 'receiver', 'status', 'outcome', 'kind'] as const) {
      const value = query[field];
      if (value !== undefined) builder.andWhere(`n.${field} = :${field}`, { [field]: value });
    }
    return inRange(builder, 'n.sentAt', query)
      .orderBy('n.sentAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .getMany();
  }
}

function inRange<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  column: string,
  query: { from?: Date; to?: Date; limit: number },
): SelectQueryBuilder<T> {
  if (query.from) builder.andWhere(`${column} >= :from`, { from: query.from });
  if (query.to) builder.andWhere(`${column} < :to`, { to: query.to });
  return builder.take(query.limit);
}
