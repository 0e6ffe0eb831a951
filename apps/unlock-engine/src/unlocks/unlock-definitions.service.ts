import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { TOKEN_SYMBOLS } from '../chain/chain-contracts';
import { ENGINE_ENV, type UnlockEngineEnv } from '../config/env';
import { EngineRequestError } from '../http/engine-request.error';
import type { RequirementContext } from '../requirements/requirement.schema';
import { ReevaluationQueue } from '../reevaluation/reevaluation.queue';
import {
  type DefinitionContent,
  validateDefinitionUpdate,
  validateNewDefinition,
} from './unlock-definition.validation';
import type { UnlockRule } from './unlock-rule.model';
import { UnlockRulesCache } from './unlock-rules.cache';

/** One version of a definition as the API shows it. */
export interface UnlockDefinitionView extends UnlockRule {
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * Unlock definitions: created at version 1, each update a new immutable version, deactivation a
 * flag. Creating or changing one queues a background re-evaluation of known wallets.
 */
@Injectable()
export class UnlockDefinitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ENGINE_ENV) private readonly env: UnlockEngineEnv,
    private readonly rules: UnlockRulesCache,
    private readonly reevaluations: ReevaluationQueue,
  ) {}

  async list(): Promise<UnlockDefinitionView[]> {
    return this.query();
  }

  async get(id: string, version?: number): Promise<UnlockDefinitionView> {
    const [found] = await this.query(id, version);
    if (!found) {
      throw new EngineRequestError(
        'unlock-not-found',
        version === undefined ? `no unlock '${id}'` : `unlock '${id}' has no version ${version}`,
      );
    }
    return found;
  }

  async create(body: unknown): Promise<UnlockDefinitionView> {
    await this.rules.reload();
    const checked = validateNewDefinition(body, (id) => this.contextFor(id));
    if (!checked.ok) throw invalid(checked.errors);
    const { id, ...content } = checked.value;
    await this.dataSource.transaction(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO unlocks (id, current_version, active) VALUES ($1, 1, true) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [id],
      )) as unknown[];
      if (inserted.length === 0)
        throw new EngineRequestError('unlock-exists', `unlock '${id}' already exists`);
      await this.insertVersion(manager, id, 1, content);
      await this.reevaluations.enqueue(manager, id, 1);
    });
    await this.rules.reload();
    return this.get(id);
  }

  async update(id: string, body: unknown): Promise<UnlockDefinitionView> {
    await this.rules.reload();
    if (this.rules.get(id) === undefined)
      throw new EngineRequestError('unlock-not-found', `no unlock '${id}'`);
    const checked = validateDefinitionUpdate(body, this.contextFor(id));
    if (!checked.ok) throw invalid(checked.errors);
    await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE unlocks SET current_version = current_version + 1, updated_at = now() WHERE id = $1
         RETURNING current_version`,
        [id],
      )) as [Array<{ current_version: number }>, number];
      const version = rows[0]?.current_version;
      if (version === undefined) throw new EngineRequestError('unlock-not-found', `no unlock '${id}'`);
      await this.insertVersion(manager, id, version, checked.value);
      await this.reevaluations.enqueue(manager, id, version);
    });
    await this.rules.reload();
    return this.get(id);
  }

  async deactivate(id: string): Promise<UnlockDefinitionView> {
    const result = (await this.dataSource.query(
      `UPDATE unlocks SET active = false, updated_at = now() WHERE id = $1 RETURNING id`,
      [id],
    )) as [unknown[], number];
    if (result[0].length === 0) throw new EngineRequestError('unlock-not-found', `no unlock '${id}'`);
    await this.rules.reload();
    return this.get(id);
  }

  private contextFor(selfId: string): RequirementContext {
    const all = this.rules.all();
    return {
      tokens: TOKEN_SYMBOLS,
      knownUnlockIds: all.map((rule) => rule.id),
      selfId,
      definitions: all.map(({ id, requirements }) => ({ id, requirements })),
      solanaMints: this.env.UNLOCK_SOLANA_MINTS,
    };
  }

  private async insertVersion(
    manager: EntityManager,
    id: string,
    version: number,
    content: DefinitionContent,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO unlock_versions (unlock_id, version, title, description, requirements, ceremony)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        id,
        version,
        content.title,
        content.description,
        JSON.stringify(content.requirements),
        JSON.stringify(content.ceremony),
      ],
    );
  }

  private async query(id?: string, version?: number): Promise<UnlockDefinitionView[]> {
    const rows = (await this.dataSource.query(
      `SELECT u.id, v.version, u.active, v.title, v.description, v.requirements, v.ceremony,
              u.created_at AS "createdAt", v.created_at AS "updatedAt"
       FROM unlocks u JOIN unlock_versions v ON v.unlock_id = u.id
         AND v.version = COALESCE($2::int, u.current_version)
       WHERE $1::text IS NULL OR u.id = $1
       ORDER BY u.id`,
      [id ?? null, version ?? null],
    )) as Array<Omit<UnlockDefinitionView, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date }>;
    return rows.map((row) => ({
      ...row,
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
    }));
  }
}

function invalid(errors: Array<{ field: string; message: string }>): EngineRequestError {
  return new EngineRequestError(
    'invalid-definition',
    errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    errors,
  );
}
