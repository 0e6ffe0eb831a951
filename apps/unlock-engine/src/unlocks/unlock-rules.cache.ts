import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ENGINE_ENV, type UnlockEngineEnv } from '../config/env';
import { type RuleIndex, ruleIndexOf } from './rule-index.util';
import type { UnlockRule } from './unlock-rule.model';

interface RuleRow {
  id: string;
  version: number;
  active: boolean;
  title: string;
  description: string;
  requirements: UnlockRule['requirements'];
  ceremony: UnlockRule['ceremony'];
}

/**
 * The current version of every unlock, in memory: each event is evaluated against it without a
 * query. Reloaded after every local change and every UNLOCK_DEFINITIONS_REFRESH_MS, so changes
 * made through another replica arrive too.
 */
@Injectable()
export class UnlockRulesCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UnlockRulesCache.name);
  private rules: readonly UnlockRule[] = [];
  private byId: ReadonlyMap<string, UnlockRule> = new Map();
  private titlesById: Readonly<Record<string, string>> = {};
  private activeRules: readonly UnlockRule[] = [];
  private activeIndex: RuleIndex = ruleIndexOf([]);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ENGINE_ENV) private readonly env: UnlockEngineEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
    if (this.env.UNLOCK_DEFINITIONS_REFRESH_MS > 0) {
      this.timer = setInterval(() => {
        this.reload().catch((error: unknown) =>
          this.logger.warn({ msg: 'definitions reload failed', err: error }),
        );
      }, this.env.UNLOCK_DEFINITIONS_REFRESH_MS);
      this.timer.unref();
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Every unlock's current version, active or not. */
  all(): readonly UnlockRule[] {
    return this.rules;
  }

  active(): UnlockRule[] {
    return [...this.activeRules];
  }

  /** The active unlocks, indexed by the facts they depend on (see `RuleIndex`). */
  activeIndexed(): RuleIndex {
    return this.activeIndex;
  }

  /** Every unlock's title by id, to name required unlocks in descriptions. */
  titles(): Readonly<Record<string, string>> {
    return this.titlesById;
  }

  get(id: string): UnlockRule | undefined {
    return this.byId.get(id);
  }

  rulesById(): ReadonlyMap<string, UnlockRule> {
    return this.byId;
  }

  async reload(): Promise<void> {
    const rows = (await this.dataSource.query(
      `SELECT u.id, u.current_version AS version, u.active, v.title, v.description, v.requirements, v.ceremony
       FROM unlocks u JOIN unlock_versions v ON v.unlock_id = u.id AND v.version = u.current_version
       ORDER BY u.id`,
    )) as RuleRow[];
    this.rules = rows.map((row) => ({ ...row }));
    this.byId = new Map(this.rules.map((rule) => [rule.id, rule]));
    this.titlesById = Object.fromEntries(this.rules.map((rule) => [rule.id, rule.title]));
    this.activeRules = this.rules.filter((rule) => rule.active);
    this.activeIndex = ruleIndexOf(this.activeRules);
  }
}
