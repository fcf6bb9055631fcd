import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appLaunch } from './app-launch';

const ROOT = join(__dirname, '../../..');

describe('appLaunch', () => {
  it("reads the repository's V8 flags per app and the environment both apps share", () => {
    expect(appLaunch(ROOT, 'eshop-connector').nodeArgs).toEqual(expect.arrayContaining([expect.stringMatching(/^--max-old-space-size=\d+$/)]));
    expect(appLaunch(ROOT, 'cashbox-gateway').env).toEqual({ MALLOC_ARENA_MAX: '2' });
  });

  it('leaves out comments and blank lines, keeps "=" inside values, and refuses a line that is not VAR=value', () => {
    const root = mkdtempSync(join(tmpdir(), 'app-launch-'));
    mkdirSync(join(root, 'deploy/node'), { recursive: true });
    writeFileSync(join(root, 'deploy/node/cashbox-gateway.node-options'), '# flags\n--a=1\n\n--b  --c\n');
    writeFileSync(join(root, 'deploy/node/app.env'), '# env\nA=1\n\nB=x=y\n');
    expect(appLaunch(root, 'cashbox-gateway')).toEqual({
      nodeArgs: ['--a=1', '--b', '--c'], env: { A: '1', B: 'x=y' },
      entryPoint: join(root, 'dist/apps/cashbox-gateway/src/main.js'), portVariable: 'GATEWAY_HTTP_PORT',
    });
    expect(appLaunch(root, 'eshop-connector')).toMatchObject({
      entryPoint: join(root, 'dist/apps/eshop-connector/src/main.js'), portVariable: 'CONNECTOR_HTTP_PORT',
    });
    expect(appLaunch(root, 'eshop-connector').nodeArgs).toEqual([]);
    writeFileSync(join(root, 'deploy/node/app.env'), 'NOT AN ASSIGNMENT\n');
    expect(() => appLaunch(root, 'cashbox-gateway')).toThrow(/not VAR=value/);
  });
});
