export { appLaunch } from './app-launch';
export type { AppLaunch, AppName } from './app-launch';
export { APP_PORTS, freePort } from './free-port';
