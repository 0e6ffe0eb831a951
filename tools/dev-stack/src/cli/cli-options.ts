export interface CliOptions {
  withHardhat: boolean;
  withSolana: boolean;
  withDemo: boolean;
  withServices: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm start [-- options]

Starts PostgreSQL, Kafka, a Hardhat chain with the demo contracts and a local Solana cluster (the litesvm
JSON-RPC shim, with a demo SPL token) (state in .dev-stack/), then the services.

Options:
  --no-demo      deploy the demo contracts but send no demo activity
  --no-hardhat   no local chain: EVM_RPC_URL / EVM_CHAIN_ID / CONTRACTS_FILE come from the environment or .env
  --no-solana    no local Solana cluster: SOLANA_RPC_URLS / SOLANA_PROGRAMS come from the environment or .env
  --stack-only   start PostgreSQL, Kafka, Hardhat and Solana only (run the services yourself, e.g. nx serve <app>)
  -h, --help     show this help

Environment (or .env): DATABASE_URL / KAFKA_BROKERS use existing servers instead of starting them;
LOG_LEVEL (default info); CONVERGENCE_CACHE_DIR (Kafka jars, default ~/.cache/convergence).
`;

/** Parses the CLI flags; throws on an unknown one. */
export function parseCliOptions(args: string[]): CliOptions {
  const options: CliOptions = {
    withHardhat: true,
    withSolana: true,
    withDemo: true,
    withServices: true,
    help: false,
  };
  for (const arg of args) {
    if (arg === '--no-demo') options.withDemo = false;
    else if (arg === '--no-hardhat') options.withHardhat = false;
    else if (arg === '--no-solana') options.withSolana = false;
    else if (arg === '--stack-only') options.withServices = false;
    else if (arg === '-h' || arg === '--help') options.help = true;
    else throw new Error(`Unknown option ${arg}\n\n${USAGE}`);
  }
  return options;
}
