/** The services `npm start` runs, in start order. Edit here to add, remove or move a service. */
export interface ServiceDefinition {
  /** Nx project name; the entry point is `apps/<name>/src/main.ts`. */
  name: string;
  port: number;
}

export const SERVICES: readonly ServiceDefinition[] = [
  { name: 'chain-indexer', port: 3001 },
  { name: 'unlock-engine', port: 3002 },
  { name: 'oracle', port: 3003 },
  { name: 'alert-router', port: 3004 },
  { name: 'api-gateway', port: 3000 },
];

export function serviceEntry(name: string): string {
  return `apps/${name}/src/main.ts`;
}
