import type { deployDemoContracts } from './hardhat';

/** The demo contracts' addresses (`DemoDeployment` of @convergence/contracts, as the Hardhat part returns it). */
export type DemoDeployment = Awaited<ReturnType<typeof deployDemoContracts>>;

export interface StackPorts {
  postgres?: number;
  kafka?: number;
  kafkaController?: number;
  hardhat?: number;
  solana?: number;
}

export interface StartStackOptions {
  /** The stack keeps its state in `<rootDir>/.dev-stack/` (data, logs, stack.json, contracts.json). */
  rootDir: string;
  /** Start a Hardhat node and deploy the demo contracts; default true. */
  withHardhat?: boolean;
  /** Start the local Solana cluster (the litesvm JSON-RPC shim); default false. */
  withSolana?: boolean;
  /** Also send demo activity (mints, transfers, votes, stakes) after deploying; default false. */
  withDemo?: boolean;
  /** Fixed ports; any left out is picked free. */
  ports?: StackPorts;
  /** Where DATABASE_URL / KAFKA_BROKERS are looked up (an external server is used when set); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Run the Kafka JVM in its own process group (the CLI, which stops it itself); default false. */
  detached?: boolean;
  /** Kafka jar cache; `$CONVERGENCE_CACHE_DIR` or `~/.cache/convergence` when omitted. */
  cacheDir?: string;
}

export interface StackEvm {
  rpcUrl: string;
  chainId: number;
  deployment: DemoDeployment;
  /** JSON file holding `deployment` (what services get as CONTRACTS_FILE). */
  contractsFile: string;
  /** Private keys of the funded dev accounts (Hardhat's well-known test mnemonic). */
  accounts: `0x${string}`[];
  /** Set when demo activity was seeded. */
  demo?: { transactions: number; proposalId: string; marketId: string };
}

/** A program the chain-indexer watches (one entry of SOLANA_PROGRAMS). */
export interface StackSolanaProgram {
  name: string;
  programId: string;
  commitment: 'confirmed' | 'finalized';
}

export interface StackSolana {
  /** JSON-RPC endpoint of the litesvm shim (no validator: a real SVM behind Solana's RPC methods). */
  rpcUrl: string;
  /** What the indexer watches here (the SPL Token program). */
  programs: StackSolanaProgram[];
  /** Set when demo activity was sent: a demo mint, its two wallets and the transfers between them. */
  demo?: { mint: string; wallets: string[]; transfers: number };
}

export interface StackHandle {
  /** The application database (`convergence`), or DATABASE_URL when set. */
  databaseUrl: string;
  /** A superuser URL of the same server, for creating and dropping databases (tests). */
  databaseAdminUrl: string;
  kafkaBrokers: string[];
  /** Undefined when started without Hardhat. */
  evm?: StackEvm;
  /** Undefined when started without Solana. */
  solana?: StackSolana;
  /** `<rootDir>/.dev-stack` */
  stateDir: string;
  /** `<stateDir>/stack.json`: the description of this running stack. */
  stackFile: string;
  /** Which parts are external (from DATABASE_URL / KAFKA_BROKERS) rather than started here. */
  external: { postgres: boolean; kafka: boolean };
  /** Log files of the parts started here. */
  logs: { postgres?: string; kafka?: string };
  /** Stops Hardhat and Solana, then Kafka, then Postgres; safe to call twice. */
  stop(): Promise<void>;
}
