import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Role } from '../../routes/route.model';

/** An API key of a service or operator; only the SHA-256 of the key is stored. */
@Entity({ name: 'api_keys' })
@Index('api_keys_hash_key', ['keyHash'], { unique: true })
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The key's first characters, shown in lists so operators can tell keys apart. */
  @Column({ type: 'text' })
  prefix!: string;

  @Column({ name: 'key_hash', type: 'text' })
  keyHash!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ type: 'text', array: true })
  scopes!: string[];

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
