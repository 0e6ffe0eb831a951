import { Inject, Injectable } from '@nestjs/common';
import { ROUTER_OPTIONS, type RouterOptions } from '../router-options';
import { RoutingConfigService } from '../routing-config/routing-config.service';
import { CLOCK, type Clock } from '../time/clock';
import { signAckToken } from './ack-token.util';

/** The signed acknowledgement links put in notifications (none when no secret is configured). */
@Injectable()
export class AckLinkService {
  constructor(
    @Inject(ROUTER_OPTIONS) private readonly options: RouterOptions,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly config: RoutingConfigService,
  ) {}

  /** `<external_url>/ack/<token>` for the group, valid for the configured TTL; undefined without a secret. */
  urlFor(groupKey: string, receiver: string): string | undefined {
    if (!this.options.ackSecret) return undefined;
    const expiresAt = new Date(this.clock().getTime() + this.options.ackLinkTtlMs);
    const token = signAckToken({ groupKey, receiver, expiresAt }, this.options.ackSecret);
    return `${this.config.config.externalUrl}/ack/${token}`;
  }
}
