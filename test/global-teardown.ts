import { engineBanner } from './engine';

// Jest globalTeardown: says it again under the summary, where CI logs are read.
export default function globalTeardown(): void {
  process.stdout.write(`${engineBanner()}\n`);
}
