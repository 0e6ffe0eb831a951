import { MessagingTables1763769600000, messagingEntities } from '@convergence/messaging';
import { ApiKeyEntity } from '../identity/api-keys/api-key.entity';
import { AuthLogEntity } from '../identity/auth-log/auth-log.entity';
import { SiweNonceEntity } from '../identity/siwe/siwe-nonce.entity';
import { RefreshTokenEntity } from '../identity/tokens/refresh-token.entity';
import { UserEntity } from '../identity/users/user.entity';
import { RateLimitCounterEntity } from '../protection/rate-limit-counter.entity';
import { Identity1763780000000 } from './1763780000000-identity';
import { Operations1763790000000 } from './1763790000000-operations';
import { ReindexRequestEntity } from '../indexer/reindex-request.entity';
import { MetricSampleEntity } from '../reports/metric-sample.entity';

/** Applied in order at boot, in schema `api_gateway` (or DATABASE_SCHEMA). */
export const migrations = [MessagingTables1763769600000, Identity1763780000000, Operations1763790000000];

/** Every entity of the service; `api-gateway` boot tests check the migrations above create exactly these. */
export const entities = [
  ...messagingEntities,
  UserEntity,
  SiweNonceEntity,
  RefreshTokenEntity,
  ApiKeyEntity,
  AuthLogEntity,
  RateLimitCounterEntity,
  ReindexRequestEntity,
  MetricSampleEntity,
];
