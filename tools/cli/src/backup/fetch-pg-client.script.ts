// `nx run cli:fetch-pg-client`: puts the pinned PostgreSQL client into ~/.cache/convergence/tools
// ahead of time (CI images, machines that go offline); `convergence backup` does the same on demand.
import { ensureFetchedPgClient } from './pg-client-fetch';

ensureFetchedPgClient(process.env, (message) => console.log(message)).then(
  (binDir) => console.log(`PostgreSQL client in ${binDir}`),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
