import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ROUTER_OPTIONS, type RouterOptions } from '../router-options';
import { InvalidRoutingConfigError } from './invalid-routing-config.error';
import { parseRoutingConfig } from './parse-routing-config.util';
import type { RoutingConfig } from './routing-config.model';

/** Called after a new config took effect. */
export type ConfigListener = (config: RoutingConfig, previous: RoutingConfig) => Promise<void>;

/**
 * The routing config in force. Loaded from the file at boot (an invalid file stops the boot) and
 * again on `POST /-/reload` or SIGHUP; a reload that fails validation keeps the running config, as
 * Alertmanager does, and reports every issue.
 */
@Injectable()
export class RoutingConfigService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RoutingConfigService.name);
  private current?: RoutingConfig;
  private readonly listeners: ConfigListener[] = [];
  private reloading: Promise<unknown> = Promise.resolve();
  private readonly onSighup = (): void => {
    this.reload().catch((error: unknown) => this.logger.error({ err: error }, 'reload on SIGHUP failed'));
  };

  constructor(@Inject(ROUTER_OPTIONS) private readonly options: RouterOptions) {}

  /** Loads the file before anything (HTTP, Kafka consumers) can need it; an invalid file stops the boot. */
  async onModuleInit(): Promise<void> {
    await this.load();
  }

  /** The config in force; loads the file the first time. */
  async load(): Promise<RoutingConfig> {
    if (!this.current) {
      this.current = await this.readConfig();
      this.logger.log({ file: this.file(), hash: this.current.hash }, 'routing config loaded');
      if (this.options.reloadOnSighup) process.on('SIGHUP', this.onSighup);
    }
    return this.current;
  }

  /** The config in force (after `load`). */
  get config(): RoutingConfig {
    if (!this.current) throw new Error('routing config not loaded yet');
    return this.current;
  }

  /** Registers a listener run after each successful reload, in registration order. */
  onReload(listener: ConfigListener): void {
    this.listeners.push(listener);
  }

  /** Re-reads the file; throws InvalidRoutingConfigError (keeping the old config) when it is invalid. */
  reload(): Promise<RoutingConfig> {
    const run = this.reloading.catch(() => undefined).then(() => this.reloadNow());
    this.reloading = run;
    return run;
  }

  onApplicationShutdown(): void {
    process.off('SIGHUP', this.onSighup);
  }

  private async reloadNow(): Promise<RoutingConfig> {
    const previous = await this.load();
    const next = await this.readConfig();
    if (next.hash === previous.hash) return previous;
    this.current = next;
    this.logger.log(
      { file: this.file(), hash: next.hash, previous: previous.hash },
      'routing config reloaded',
    );
    for (const listener of this.listeners) await listener(next, previous);
    return next;
  }

  private async readConfig(): Promise<RoutingConfig> {
    const file = this.file();
    const text = await readFile(file, 'utf8').catch((error: unknown) => {
      throw new InvalidRoutingConfigError(file, [
        { path: '(file)', message: error instanceof Error ? error.message : String(error) },
      ]);
    });
    const parsed = parseRoutingConfig(text);
    if (!parsed.ok) throw new InvalidRoutingConfigError(file, parsed.issues);
    return parsed.config;
  }

  private file(): string {
    return resolve(this.options.configFile);
  }
}
