import { AppProcess } from './app-process';

// Runs after each spec file's own hooks (jest setupFilesAfterEnv): whatever app a failed test
// left running is killed before the next file starts.
afterAll(async () => {
  await AppProcess.killLeftovers();
});
