import { parseRequestTarget, type RequestTarget } from '../../src/api/request-target';

/* The request target as the server reads it (RFC 9112 3.2): the four forms, and what is not one. */

const parse = (target: string, method = 'GET'): RequestTarget => parseRequestTarget(method, target);
const expected = (target: string, method = 'GET'): string => {
  const result = parse(target, method);
  if (result.form !== 'invalid') throw new Error(`${method} ${target} was read as ${result.form}`);
  return result.expected;
};

describe('origin-form', () => {
  it.each([
    ['/graphql', '/graphql', ''],
    ['/graphql?query=%7B__typename%7D', '/graphql', '?query=%7B__typename%7D'],
    // As browsers send it: braces left unescaped in the query.
    ['/graphql?query={__typename}', '/graphql', '?query={__typename}'],
    ['/?', '/', '?'],
    ['/a?b?c/d', '/a', '?b?c/d'],
    // Empty segments, ':' and '@' are path characters: these are paths, not hosts.
    ['//', '//', ''],
    ['///', '///', ''],
    ['//@', '//@', ''],
    ['//:99999', '//:99999', ''],
    ["/a-._~!$&'()*+,;=:@/%2F%c3%a9", "/a-._~!$&'()*+,;=:@/%2F%c3%a9", ''],
  ])('%s is the path %s with the query %j', (target, path, search) => {
    expect(parse(target)).toEqual({ form: 'origin', path, search });
  });

  it('is matched as sent: no dot-segment removal, no decoding, no backslash rewriting', () => {
    expect(parse('/x/../health')).toEqual({ form: 'origin', path: '/x/../health', search: '' });
    expect(parse('/%67raphql')).toEqual({ form: 'origin', path: '/%67raphql', search: '' });
    expect(expected('/\\health')).toMatch(/^a path of segments/);
  });

  it.each(['//[', '//[::1', '/a b', '/a%', '/a%zz', '/a%4', '/é', '/a#b', '/a|b', '/a{b}', '/a\\b', '/a^b', '/`', '/"', '/a?b#c', '/a?b c', '/?\u0000'])('refuses %j', (target) => {
    expect(expected(target)).toMatch(/^a (path|query) /);
  });
});

describe('absolute-form', () => {
  it.each<[string, RequestTarget]>([
    ['http://claimgraph.test/graphql?x=1', { form: 'absolute', host: 'claimgraph.test', port: null, path: '/graphql', search: '?x=1' }],
    ['HTTPS://a:443/health', { form: 'absolute', host: 'a', port: 443, path: '/health', search: '' }],
    ['http://a', { form: 'absolute', host: 'a', port: null, path: '/', search: '' }],
    ['http://a?x', { form: 'absolute', host: 'a', port: null, path: '/', search: '?x' }],
    ['http://a:/', { form: 'absolute', host: 'a', port: null, path: '/', search: '' }],
    ['http://[::1]:4000//', { form: 'absolute', host: '[::1]', port: 4000, path: '//', search: '' }],
    ['http://[v1.fe]/', { form: 'absolute', host: '[v1.fe]', port: null, path: '/', search: '' }],
    ['http://a%41b:0/', { form: 'absolute', host: 'a%41b', port: 0, path: '/', search: '' }],
  ])('%s', (target, result) => {
    expect(parse(target)).toEqual(result);
  });

  it.each([
    ['http://[', /closing the \[IP literal in the absolute URL$/],
    ['http://[::1', /closing the \[IP literal/],
    ['http://[zz]/', /an IPv6 address/],
    ['http://[::1]x/', /a :port or nothing after the host/],
    ['http://a:99999/', /a port from 0 to 65535/],
    ['http://a:65536/', /a port from 0 to 65535/],
    ['http://a:-1/', /a port from 0 to 65535/],
    ['http://a:8a/', /a port from 0 to 65535/],
    ['http://a:80:80/', /a port from 0 to 65535/],
    ['http://a:000080/', /a port from 0 to 65535/],
    ['http:///x', /a host name/],
    ['http://:80/', /a host name/],
    ['http://u@a/', /no user@ part/],
    ['http://@/', /no user@ part/],
    ['http://a b/', /a host of letters/],
    ['http://a/[', /a path of segments/],
    ['ftp://a/', /http:\/\/ or https:\/\//],
    ['http:/a', /http:\/\/ or https:\/\//],
    ['mailto:x', /http:\/\/ or https:\/\//],
  ])('refuses %s', (target, why) => {
    expect(expected(target)).toMatch(why);
  });
});

describe('authority-form and asterisk-form', () => {
  it('reads host:port with CONNECT only', () => {
    expect(parse('claimgraph.test:443', 'CONNECT')).toEqual({ form: 'authority', host: 'claimgraph.test', port: 443 });
    expect(parse('[::1]:80', 'CONNECT')).toEqual({ form: 'authority', host: '[::1]', port: 80 });
    expect(expected('claimgraph.test', 'CONNECT')).toBe("a :port after the host in CONNECT's host:port");
    expect(expected('a:99999', 'CONNECT')).toMatch(/a port from 0 to 65535/);
    expect(expected('/graphql', 'CONNECT')).toMatch(/a host of letters/);
    expect(expected('a:1')).toMatch(/http:\/\/ or https:\/\//);
  });

  it('reads * with OPTIONS only', () => {
    expect(parse('*', 'OPTIONS')).toEqual({ form: 'asterisk' });
    expect(expected('*')).toBe('a path such as /graphql (* is a target for OPTIONS only, not GET)');
    expect(expected('**', 'OPTIONS')).toMatch(/^a path such as \/graphql, an absolute http\(s\) URL/);
  });

  it('refuses what is none of the four forms', () => {
    for (const target of ['', 'graphql', '?x', '\\\\a', '1http://a/']) expect(expected(target)).toMatch(/^a path such as \/graphql, an absolute http\(s\) URL, host:port with CONNECT, or \* with OPTIONS$/);
  });
});
