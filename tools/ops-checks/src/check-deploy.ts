/**
 * `nx run ops-checks:check-deploy` (part of `npm test`): checks everything under deploy/ and
 * docs/runbooks/ with the real tools — promtool (config, rules, rule unit tests), amtool (both
 * Alertmanager-shaped configs and the route of every alert), helm (lint and template per
 * environment) — plus this project's own checks (conventions, coverage, runbooks, dashboards,
 * metric names, compose ↔ Prometheus, rendered manifests). Obtains the tools when missing.
 * Prints each check's duration; exits 1 when any check has problems.
 */
import { readFileSync } from 'node:fs';
import { ensureTool, type OpsTool } from './tools/ensure-tool';
import { inWorkspace, WORKSPACE_ROOT } from './workspace';
import { deployChecks, type CheckContext } from './deploy-checks';

const say = (text: string): void => void process.stdout.write(text + '\n');

async function main(): Promise<void> {
  const started = Date.now();
  const tools = {} as Record<OpsTool, string>;
  for (const tool of ['promtool', 'amtool', 'helm'] as const) {
    const t0 = Date.now();
    tools[tool] = await ensureTool(tool, (m) => say(`  ${tool}: ${m}`));
    say(`tool ${tool}: ${tools[tool]} (${Date.now() - t0} ms)`);
  }
  const context: CheckContext = {
    root: WORKSPACE_ROOT,
    tools,
    read: (p) => readFileSync(inWorkspace(p), 'utf8'),
    notes: [],
  };
  let failed = 0;
  for (const check of deployChecks) {
    const t0 = Date.now();
    let problems: string[];
    try {
      problems = await check.run(context);
    } catch (error) {
      problems = [error instanceof Error ? error.message : String(error)];
    }
    const ms = Date.now() - t0;
    say(`${problems.length ? 'FAIL' : 'ok  '} ${check.name} (${ms} ms)`);
    for (const problem of problems) say(`     - ${problem.replace(/\n/g, '\n       ')}`);
    if (problems.length) failed++;
  }
  for (const note of context.notes) say(note);
  say(
    `${deployChecks.length - failed}/${deployChecks.length} checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `check-deploy: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
