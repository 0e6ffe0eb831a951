import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../clock';
import { GATEWAY_ENV, type GatewayEnv } from '../../config/gateway-config';
import type { Role } from '../../routes/route.model';
import { roleOfWallet } from './role-of-wallet.util';
import { UserEntity } from './user.entity';

/** The wallets that signed in, and the role each holds now. */
@Injectable()
export class UserService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Records a sign-in and answers the wallet's role from the configured lists. */
  async signedIn(wallet: string): Promise<Role> {
    const role = this.roleOf(wallet);
    const now = this.clock();
    await this.dataSource.query(
      `INSERT INTO users (wallet, role, created_at, last_login_at) VALUES ($1, $2, $3, $3)
       ON CONFLICT (wallet) DO UPDATE SET role = EXCLUDED.role, last_login_at = EXCLUDED.last_login_at`,
      [wallet, role, now],
    );
    return role;
  }

  /** The role a wallet holds now (checked again at every refresh, so a demotion applies within 15 min). */
  roleOf(wallet: string): Role {
    return roleOfWallet(wallet, { admins: this.env.ADMIN_WALLETS, operators: this.env.OPERATOR_WALLETS });
  }

  findOne(wallet: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ wallet });
  }
}
