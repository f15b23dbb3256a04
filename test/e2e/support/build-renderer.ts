import { build } from 'vite';

/** The screens under test are the production build the hub serves, built fresh for the run. */
export default async function setup(): Promise<void> {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
