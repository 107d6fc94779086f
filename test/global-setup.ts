import { engineBanner } from './engine';

// Jest globalSetup: says, before any test runs, which engine the suite runs on.
export default function globalSetup(): void {
  process.stdout.write(`\n${engineBanner()}\n`);
}
