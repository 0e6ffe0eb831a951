import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A nonce handed out for one sign-in; `used_at` set once a message carrying it was accepted. */
@Entity({ name: 'siwe_nonces' })
@Index('siwe_nonces_expires_at_idx', ['expiresAt'])
export class SiweNonceEntity {
  @PrimaryColumn({ type: 'text' })
  nonce!: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
