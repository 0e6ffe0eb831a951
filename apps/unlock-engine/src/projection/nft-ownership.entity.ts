import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Who holds each NFT of a tracked collection, with and without unconfirmed blocks (null: burned). */
@Entity({ name: 'nft_ownership' })
@Index('nft_ownership_owner_idx', ['owner'])
@Index('nft_ownership_confirmed_owner_idx', ['confirmedOwner'])
export class NftOwnershipEntity {
  @PrimaryColumn({ type: 'text' })
  collection!: string;

  @PrimaryColumn({ name: 'token_id', type: 'text' })
  tokenId!: string;

  @Column({ type: 'text', nullable: true })
  owner!: string | null;

  @Column({ name: 'confirmed_owner', type: 'text', nullable: true })
  confirmedOwner!: string | null;
}
