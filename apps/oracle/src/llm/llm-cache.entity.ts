import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Answers by content hash of the request: an identical request is answered without calling Claude. */
@Entity({ name: 'llm_cache' })
export class LlmCacheEntity {
  @PrimaryColumn({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ type: 'text' })
  model!: string;

  @Column({ type: 'jsonb' })
  result!: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'integer' })
  hits!: number;
}
