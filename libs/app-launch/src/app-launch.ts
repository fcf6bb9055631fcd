import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type AppName = 'cashbox-gateway' | 'eshop-connector';

/** How an app is started in production, as deploy/voucher-bridge.sh and the images start it. */
export interface AppLaunch {
  /** `node` arguments before the entry point: the app's V8 flags (deploy/node/<app>.node-options). */
  nodeArgs: string[];
  /** The built app's entry point, under the root. */
  entryPoint: string;
  /** The variable the app takes its HTTP port from. */
  portVariable: 'GATEWAY_HTTP_PORT' | 'CONNECTOR_HTTP_PORT';
  /** Variables every app runs with (deploy/node/app.env). */
  env: Record<string, string>;
}

/** Reads the launch settings under `root` (the repository's root directory). */
export function appLaunch(root: string, name: AppName): AppLaunch {
  return {
    nodeArgs: settingLines(join(root, `deploy/node/${name}.node-options`)).join(' ').split(/\s+/).filter(Boolean),
    entryPoint: join(root, `dist/apps/${name}/src/main.js`),
    portVariable: name === 'cashbox-gateway' ? 'GATEWAY_HTTP_PORT' : 'CONNECTOR_HTTP_PORT',
    env: Object.fromEntries(settingLines(join(root, 'deploy/node/app.env')).map((line) => {
      const separator = line.indexOf('=');
      if (separator < 1) throw new Error(`deploy/node/app.env: "${line}" is not VAR=value`);
      return [line.slice(0, separator), line.slice(separator + 1)];
    })),
  };
}

/** The file's lines that are neither comments nor blank; none when it does not exist. */
function settingLines(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
}
