import assert from 'node:assert/strict';
import { runNode } from '../support/processes.js';

describe('propdesk CLI', () => {
  it('prints help and exits 0', async () => {
    const result = await runNode(['dist/bot/cli/main.js', '--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /Usage: propdesk/);
    assert.match(result.stdout, /\bdb\b/);
  });

  it('every command prints --help and exits 0', async () => {
    const help = await runNode(['dist/bot/cli/main.js', '--help']);
    const commandList = help.stdout.slice(help.stdout.indexOf('Commands:'));
    const commands = [...commandList.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    assert.ok(commands.length >= 1);
    for (const command of commands) {
      const result = await runNode(['dist/bot/cli/main.js', command, '--help']);
      assert.equal(result.code, 0, `${command} --help`);
      assert.match(result.stdout, new RegExp(`propdesk ${command}`));
    }
  });

  it('exits 2 with a one-line reason on an unknown command or option', async () => {
    for (const args of [['nonsense'], ['db', '--no-such-option']]) {
      const result = await runNode(['dist/bot/cli/main.js', ...args]);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.doesNotMatch(result.stderr, /\bat .*\.js:\d+/);
    }
  });
});
