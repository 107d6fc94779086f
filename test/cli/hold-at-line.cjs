/*
 * Preloaded into the CLI by test/cli/crash.test.ts (node --require): once the
 * process has written a line to stderr that matches CRASH_TEST_HOLD (a
 * regular expression), it stops there for good, its event loop blocked, so
 * that the test's SIGKILL finds it at exactly that point however fast the
 * machine is: nothing after the line (another chunk, the commit) runs. A line
 * is written to a pipe synchronously on Linux, so the test has it before the
 * hold begins. Without CRASH_TEST_HOLD this file does nothing.
 */
'use strict';
const pattern = process.env.CRASH_TEST_HOLD;
if (pattern) {
  const hold = new RegExp(pattern, 'm');
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = (chunk, ...rest) => {
    const done = write(chunk, ...rest);
    if (hold.test(String(chunk))) {
      // Blocks this thread forever: no timer, promise or native callback runs again in JavaScript.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    }
    return done;
  };
}
