import { UsageError } from '../../src/cli/args';
import { isLoopback, parseLoadArgs, runLoad } from '../../src/cli/load';

/*
 * The load script (`npm run load`) is measured by running it, not here; these
 * tests only keep it working: its options, its refusal to send load anywhere
 * but this machine, and one short run against the real server that must
 * finish with no error.
 */

describe('npm run load: options', () => {
  it('defaults to 50 connections for 60 s against a server of its own', () => {
    expect(parseLoadArgs([])).toEqual({ connections: 50, duration: 60, url: null, key: null });
    expect(parseLoadArgs(['--connections', '8', '--duration=3', '--url', 'http://127.0.0.1:4000/graphql', '--key', 'k'])).toEqual({
      connections: 8, duration: 3, url: 'http://127.0.0.1:4000/graphql', key: 'k',
    });
  });

  it.each([
    [['--connections', '0'], '--connections must be an integer from 1 to 10000, got 0'],
    [['--duration', '1.5'], '--duration must be an integer from 1 to 3600, got 1.5'],
    [['--url', 'not a url'], '--url must be a URL such as http://127.0.0.1:4000/graphql, got not a url'],
    [['--url', 'ftp://127.0.0.1/'], '--url must be http or https, got ftp:'],
    [['--url', 'http://10.0.0.5:4000/graphql'], "--url must be on this machine's loopback (127.0.0.0/8, localhost, ::1): load is sent nowhere else; got 10.0.0.5"],
    [['--url', 'http://example.org/graphql'], "--url must be on this machine's loopback (127.0.0.0/8, localhost, ::1): load is sent nowhere else; got example.org"],
  ])('refuses %j', (argv, message) => {
    expect(() => parseLoadArgs(argv)).toThrow(new UsageError(message));
  });

  it('knows the loopback addresses, and nothing else is one', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '[::1]', '::1'].map(isLoopback)).toEqual([true, true, true, true, true, true]);
    expect(['10.0.0.1', '192.168.1.1', '0.0.0.0', '127.0.0.1.example.org', 'localhost.example.org', '::ffff:10.0.0.1'].map(isLoopback)).toEqual([false, false, false, false, false, false]);
  });
});

describe('npm run load: a short run', () => {
  it('loads the real server in-process for a second with no error and exits 0', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await runLoad(['--connections', '2', '--duration', '1'])).toBe(0);
      const printed = log.mock.calls.map((c) => String(c[0])).join('\n');
      expect(printed).toMatch(/latency {6}p50 \d[\d,]* ms, p90 \d[\d,]* ms, p99 \d[\d,]* ms/);
      expect(printed).toMatch(/errors {7}0 connection errors \(0 timeouts\), 0 non-2xx responses, 0 responses with GraphQL errors/);
      expect(printed).toContain('OK: no errors.');
    } finally {
      log.mockRestore();
    }
  });

  it('fails with a readable error when the target does not answer', async () => {
    await expect(runLoad(['--url', 'http://127.0.0.1:9/graphql', '--duration', '1'])).rejects.toThrow(/^Cannot reach http:\/\/127\.0\.0\.1:9\/graphql( \(\w+\))?: is the server running\?$/);
  });
});
