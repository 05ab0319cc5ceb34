import { describe, expect, test } from 'vitest';
import { type ParsedRequest, parseRequest, queryParams } from './request.ts';
import type { SimRequest } from './types.ts';

/** A request that must read. */
function read(request: SimRequest): ParsedRequest {
  const result = parseRequest(request);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('parseRequest', () => {
  test('default ports are 80 for http and 443 for https; the authority omits a default port', () => {
    expect(read({ url: 'http://Shop.Example.com/a' })).toMatchObject({
      scheme: 'http',
      port: 80,
      authority: 'shop.example.com',
      sni: 'shop.example.com',
      path: '/a',
      query: '',
      method: 'GET',
    });
    expect(read({ url: 'https://shop.example.com:443/' })).toMatchObject({
      port: 443,
      authority: 'shop.example.com',
    });
    expect(read({ url: 'https://shop.example.com:8443/x?y=1' })).toMatchObject({
      port: 8443,
      authority: 'shop.example.com:8443',
      path: '/x',
      query: 'y=1',
    });
  });

  test('a URL without a scheme is read as http', () => {
    expect(read({ url: 'shop.example.com/api' })).toMatchObject({
      scheme: 'http',
      port: 80,
      path: '/api',
    });
  });

  test('a Host header replaces the authority but not the SNI; header names become lower case', () => {
    const parsed = read({
      url: 'https://shop.example.com/',
      headers: { Host: 'other:8080', 'X-Beta': '1' },
    });
    expect(parsed).toMatchObject({ authority: 'other:8080', sni: 'shop.example.com' });
    expect([...parsed.headers]).toEqual([['x-beta', '1']]);
  });

  test('dot segments are resolved as a URL parser does', () => {
    expect(read({ url: 'http://a.test/x/../y/./z' }).path).toBe('/y/z');
  });

  test.each([
    ['', 'the URL is empty'],
    ['http://', 'not a valid URL'],
    ['ftp://a.test/', 'only http and https'],
    ['http://a.test:99999/', 'not a valid URL'],
  ])('bad input %j is an error result with a message for the user', (url, message) => {
    expect(parseRequest({ url })).toEqual({ ok: false, error: expect.stringContaining(message) });
  });

  test('a header name that is not a token is an input error', () => {
    expect(parseRequest({ url: 'http://a.test/', headers: { 'bad name': 'x' } })).toEqual({
      ok: false,
      error: 'not a valid header name: bad name',
    });
  });
});

describe('queryParams', () => {
  test('values are percent-decoded; the first of a repeated name counts; a bare name is present with ""', () => {
    expect([...queryParams('a=1&a=2&b=x%20y&flag')]).toEqual([
      ['a', '1'],
      ['b', 'x y'],
      ['flag', ''],
    ]);
  });
});
