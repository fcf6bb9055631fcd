export { appLaunch } from './app-launch';
export type { AppLaunch, AppName } from './app-launch';
