// `nx run solana-rpc-shim:serve`: a local Solana JSON-RPC endpoint over litesvm, with slots ticking
// like a cluster's so `finalized` catches up. Flags: --port (default 8899), --host (127.0.0.1),
// --slot-ms (400), --finality-depth (32).
import { Command } from 'commander';
import { startSolanaRpcShim } from './http/shim-server';

const options = new Command()
  .option('--port <port>', 'port to listen on', '8899')
  .option('--host <host>', 'interface to listen on', '127.0.0.1')
  .option('--slot-ms <ms>', 'milliseconds per empty slot (0: only transactions advance slots)', '400')
  .option('--finality-depth <slots>', 'slots until a slot is finalized', '32')
  .parse()
  .opts<{ port: string; host: string; slotMs: string; finalityDepth: string }>();

async function main(): Promise<void> {
  const shim = await startSolanaRpcShim({
    host: options.host,
    port: Number(options.port),
    ledgerOptions: { finalityDepth: Number(options.finalityDepth) },
  });
  const slotMs = Number(options.slotMs);
  const ticker = slotMs > 0 ? setInterval(() => shim.ledger.advanceSlots(1), slotMs) : undefined;
  console.log(JSON.stringify({ msg: 'solana-rpc-shim listening', url: shim.url, slotMs }));
  const stop = () => {
    if (ticker) clearInterval(ticker);
    void shim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
