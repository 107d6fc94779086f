import { join, resolve } from 'node:path';
import { EMBEDDED_STORE_FILE, loadApiConfig, loadConfig } from '../src/config';
import { ClaimgraphError } from '../src/errors';

/** The error loadConfig throws for `env`. */
const configError = (env: NodeJS.ProcessEnv): ClaimgraphError => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ClaimgraphError);
    return error as ClaimgraphError;
  }
  throw new Error('expected loadConfig to throw');
};

const NEO4J = { NEO4J_URI: 'neo4j://db.example:7687', NEO4J_PASSWORD: 'pw-secret-1' };

describe('loadConfig', () => {
  test('defaults: port 4000, all interfaces, embedded store in ./data, seed auto', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: null,
      store: { engine: 'embedded', path: join(process.cwd(), 'data', 'graph.grafeo') },
      seedWhenEmpty: true,
      api: loadApiConfig({}), // its defaults: test/api/config.test.ts
      warnings: [],
    });
  });

  test('a CLAIMGRAPH_* variable claimgraph does not read is a warning naming the closest setting', () => {
    expect(loadConfig({ CLAIMGRAPH_DATADIR: 'x', CLAIMGRAPH_SEED: 'off', CLAIMGRAPH_EDITOR: 'e', CLAIMGRAPH_WIBBLE: '1' }).warnings).toEqual([
      'CLAIMGRAPH_DATADIR is not a claimgraph setting and is ignored; did you mean CLAIMGRAPH_DATA_DIR?',
      'CLAIMGRAPH_WIBBLE is not a claimgraph setting and is ignored; the settings are listed by "npx claimgraph --help"',
    ]);
  });

  test('HOST is checked with the other settings', () => {
    expect(() => loadConfig({ HOST: 'bad host', PORT: 'x' })).toThrow(/PORT: expected[\s\S]*HOST: expected an IP address or a host name/);
  });

  test('blank variables count as unset', () => {
    expect(loadConfig({ PORT: ' ', NEO4J_URI: '', CLAIMGRAPH_SEED: '' })).toEqual(loadConfig({}));
  });

  test('PORT, HOST and CLAIMGRAPH_SEED=off are read', () => {
    expect(loadConfig({ PORT: '8080', HOST: '127.0.0.1', CLAIMGRAPH_SEED: 'off' })).toMatchObject({ port: 8080, host: '127.0.0.1', seedWhenEmpty: false });
  });

  test('CLAIMGRAPH_DATA_DIR moves the store file, relative paths from the working directory', () => {
    expect(loadConfig({ CLAIMGRAPH_DATA_DIR: '/var/lib/cg' }).store).toEqual({ engine: 'embedded', path: join('/var/lib/cg', EMBEDDED_STORE_FILE) });
    expect(loadConfig({ CLAIMGRAPH_DATA_DIR: 'state' }).store).toEqual({ engine: 'embedded', path: resolve('state', EMBEDDED_STORE_FILE) });
  });

  test('NEO4J_URI selects Neo4j, with username and database defaulting to neo4j', () => {
    expect(loadConfig(NEO4J).store).toEqual({ engine: 'neo4j', uri: NEO4J.NEO4J_URI, username: 'neo4j', password: 'pw-secret-1', database: 'neo4j' });
  });

  test('NEO4J_USERNAME and NEO4J_DATABASE override the defaults', () => {
    const store = loadConfig({ ...NEO4J, NEO4J_USERNAME: 'reader', NEO4J_DATABASE: 'claims' }).store;
    expect(store).toMatchObject({ engine: 'neo4j', username: 'reader', database: 'claims' });
  });

  test.each(['neo4j+s://h', 'neo4j+ssc://h:7687', 'bolt://10.0.0.1', 'bolt+s://h.example'])('accepts the Neo4j scheme %s', (uri) => {
    expect(loadConfig({ ...NEO4J, NEO4J_URI: uri }).store).toMatchObject({ engine: 'neo4j', uri });
  });

  test.each(['abc', '-1', '65536', '80.5', '8o8o'])('rejects PORT=%s, saying what was expected', (port) => {
    const error = configError({ PORT: port });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toMatch(new RegExp(`PORT: expected an integer from 0 to 65535, got "${port}"`));
  });

  test('every bad value is reported at once in one CONFIG_INVALID error', () => {
    const error = configError({ PORT: 'http', CLAIMGRAPH_SEED: 'always', NEO4J_URI: 'http://db.example' });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toMatch(/PORT: expected an integer/);
    expect(error.message).toMatch(/CLAIMGRAPH_SEED: expected "auto" or "off", got "always"/);
    expect(error.message).toMatch(/NEO4J_URI: expected neo4j:\/\/.*bolt:\/\//);
    expect(error.message).toMatch(/NEO4J_PASSWORD: expected the password/);
    expect(error.details?.problems).toHaveLength(4);
  });

  test('NEO4J_URI without NEO4J_PASSWORD is refused', () => {
    const error = configError({ NEO4J_URI: NEO4J.NEO4J_URI });
    expect(error.message).toMatch(/NEO4J_PASSWORD/);
    expect(error.details?.problems).toHaveLength(1);
  });

  test('neither the password nor the URI (which may carry credentials) is echoed', () => {
    const error = configError({ NEO4J_URI: 'https://admin:uri-secret-2@db.example', NEO4J_PASSWORD: 'pw-secret-1', PORT: 'x' });
    const everything = `${error.message} ${JSON.stringify(error.details)}`;
    expect(error.message).toMatch(/NEO4J_URI/);
    expect(everything).not.toMatch(/uri-secret-2|pw-secret-1|db\.example/);
  });
});
