import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isPortFree } from '../free-port';
import { serviceEntry, type ServiceDefinition } from '../services/service-list';

/** Problems that would make a service fail at once: a missing entry point or a taken port. Empty when fine. */
export async function preflightServices(
  services: readonly ServiceDefinition[],
  rootDir: string,
): Promise<string[]> {
  const problems: string[] = [];
  for (const service of services) {
    const entry = serviceEntry(service.name);
    if (!existsSync(join(rootDir, entry))) {
      problems.push(
        `${service.name}: ${entry} does not exist (the list is in tools/dev-stack/src/services/service-list.ts)`,
      );
    } else if (!(await isPortFree(service.port))) {
      problems.push(
        `${service.name}: port ${service.port} is already in use (another \`npm start\`, or \`nx serve\`?)`,
      );
    }
  }
  return problems;
}
