import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Alert } from '../alerts/alert.model';
import { fingerprintOf } from '../alerts/fingerprint.util';
import { AcknowledgementEntity } from './acknowledgement.entity';

/** Acknowledgements in Postgres, and whether a group's firing alerts are all covered by one. */
@Injectable()
export class AckStoreService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async add(manager: EntityManager, ack: AcknowledgementEntity): Promise<void> {
    await manager.getRepository(AcknowledgementEntity).insert(ack);
  }

  async listFor(groupKey: string): Promise<AcknowledgementEntity[]> {
    return this.dataSource
      .getRepository(AcknowledgementEntity)
      .find({ where: { groupKey }, order: { ackedAt: 'DESC' } });
  }

  /**
   * Whether every one of `firing` was acknowledged in this group since it started firing (an alert
   * that resolved and fired again needs a new acknowledgement). False for no alerts.
   */
  async coversAll(groupKey: string, firing: readonly Alert[]): Promise<boolean> {
    if (firing.length === 0) return false;
    const acks = await this.listFor(groupKey);
    return firing.every((alert) => {
      const fingerprint = fingerprintOf(alert.labels);
      return acks.some(
        (ack) => ack.fingerprints.includes(fingerprint) && ack.ackedAt.getTime() >= alert.startsAt.getTime(),
      );
    });
  }
}
