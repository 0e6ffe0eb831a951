import { checkRunbooks } from './runbook-structure.check';

const good = [
  '# APIServerDown',
  '## What it means',
  'The gateway is down.',
  '## Confirm',
  '```sh',
  'curl -fsS http://api-gateway:3000/health',
  '```',
  '## Fix',
  'Restart it.',
  '## Verify',
  '```sh',
  'curl -fsS http://api-gateway:3000/ready',
  '```',
  '',
].join('\n');

const links = new Map([['docs/runbooks/api-server-down.md', 'APIServerDown']]);

describe(checkRunbooks.name, () => {
  it('accepts a runbook with its title, the four sections and commands', () => {
    expect(checkRunbooks([{ path: 'docs/runbooks/api-server-down.md', text: good }], links)).toEqual([]);
  });

  it('names a wrong title, a missing section, a section without commands and an orphan runbook', () => {
    const problems = checkRunbooks(
      [
        { path: 'docs/runbooks/api-server-down.md', text: good.replace('# APIServerDown', '# API down') },
        { path: 'docs/runbooks/api-server-down.md', text: good.replace('## Fix', '## Remedy') },
        {
          path: 'docs/runbooks/api-server-down.md',
          text: good.replace(/## Verify[\s\S]*$/, '## Verify\nLook at it.\n'),
        },
        { path: 'docs/runbooks/old-alert.md', text: good },
        { path: 'docs/runbooks/README.md', text: '# Runbooks' },
      ],
      links,
    );
    expect(problems).toEqual([
      'docs/runbooks/api-server-down.md: the title must be "# APIServerDown" (is "# API down")',
      'docs/runbooks/api-server-down.md: needs the sections "## What it means", "## Confirm", "## Fix", "## Verify" in this order',
      'docs/runbooks/api-server-down.md: "## Verify" shows no commands (a fenced code block)',
      'docs/runbooks/old-alert.md: no alert links to this runbook; delete it or add its rule',
    ]);
  });
});
