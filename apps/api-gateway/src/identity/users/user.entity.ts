import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '../../routes/route.model';

/** A wallet that signed in at least once, with the role it holds. */
@Entity({ name: 'users' })
export class UserEntity {
  /** Lowercase 0x address. */
  @PrimaryColumn({ type: 'text' })
  wallet!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_login_at', type: 'timestamptz' })
  lastLoginAt!: Date;
}
