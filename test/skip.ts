/* A skip that says why (used where a test needs what this machine may lack). */
/**
 * `test`, or, when `skipReason` is given, a skip that says why: in its title and
 * on the console, so that a skipped test is never a silent gap in a run.
 */
export function testUnless(skipReason: string | null): (title: string, fn: jest.ProvidesCallback, timeout?: number) => void {
  if (skipReason === null) return (title, fn, timeout) => test(title, fn, timeout);
  return (title, fn, timeout) => {
    console.warn(`SKIPPED: "${title}": ${skipReason}`);
    test.skip(`${title} (SKIPPED: ${skipReason})`, fn, timeout);
  };
}

/** `describe`, or, when `skipReason` is given, a skipped block that says why, as {@link testUnless}. */
export function describeUnless(skipReason: string | null): (title: string, fn: () => void) => void {
  if (skipReason === null) return (title, fn) => describe(title, fn);
  return (title, fn) => {
    console.warn(`SKIPPED: "${title}": ${skipReason}`);
    describe.skip(`${title} (SKIPPED: ${skipReason})`, fn);
  };
}
