import { describe, expect, it } from 'vitest';
import { nginxAnnotations } from '../../model/ingressNginx.ts';
import { nginx } from '../../testing/ingressSimulations.ts';
import { canaryChoice, httpsRedirectLocation, nginxRewrite } from './nginxActions.ts';

const read = (a: Record<string, string>) =>
  nginxAnnotations(Object.fromEntries(Object.entries(a).map(([k, v]) => [nginx(k), v])));

describe('ingress-nginx annotations as the controller reads them', () => {
  it('redirect codes out of range fall back to 301 / 302; temporal wins over permanent', () => {
    expect(
      read({ 'permanent-redirect': 'https://a', 'permanent-redirect-code': '999' }).redirect?.code,
    ).toBe(301);
    expect(
      read({ 'temporal-redirect': 'https://a', 'temporal-redirect-code': '308' }).redirect?.code,
    ).toBe(302);
    expect(
      read({ 'temporal-redirect': 'https://t', 'permanent-redirect': 'https://p' }).redirect?.url,
    ).toBe('https://t');
  });

  it('ssl-redirect is on unless "false"; canary settings only with canary "true"', () => {
    expect(read({}).sslRedirect).toBe(true);
    expect(read({ 'ssl-redirect': 'false' }).sslRedirect).toBe(false);
    expect(read({ 'canary-weight': '10' }).canary).toBeUndefined();
    expect(read({ canary: 'true', 'canary-weight-total': '50' }).canary?.weightTotal).toBe(100);
  });

  it('lists the annotations it does not model, and unknown backend protocols read as HTTP', () => {
    const a = read({ 'proxy-read-timeout': '5', 'backend-protocol': 'carrier-pigeon' });
    expect(a.unmodelled).toEqual(['proxy-read-timeout']);
    expect(a.backendProtocol).toBe('HTTP');
  });
});

describe('what a location does to the request', () => {
  it('rewrite-target replaces the whole path with the groups; the query follows the target’s own', () => {
    expect(nginxRewrite('/something(/|$)(.*)', '/$2', '/something/new', '')).toEqual({
      path: '/new',
      query: '',
    });
    expect(nginxRewrite('/something(/|$)(.*)', '/$2', '/something', 'a=1')).toEqual({
      path: '/',
      query: 'a=1',
    });
    expect(nginxRewrite('/a(.*)', '/b?x=1', '/a/c', 'y=2')).toEqual({
      path: '/b',
      query: 'x=1&y=2',
    });
    expect(nginxRewrite('(', '/', '/a', '')).toBeUndefined();
  });

  it('the HTTPS redirect drops the port and one trailing slash', () => {
    expect(httpsRedirectLocation('shop.example.com', '/', '')).toBe('https://shop.example.com');
    expect(httpsRedirectLocation('shop.example.com', '/a/', 'q=1')).toBe(
      'https://shop.example.com/a/?q=1',
    );
  });

  it('a canary header with a value that decides nothing falls through to the cookie', () => {
    const canary = read({
      canary: 'true',
      'canary-by-header': 'x-c',
      'canary-by-cookie': 'c',
    }).canary;
    if (!canary) throw new Error('no canary read');
    const headers = new Map([
      ['x-c', 'maybe'],
      ['cookie', 'c=always'],
    ]);
    expect(canaryChoice(canary, headers).verdict).toBe('canary');
    expect(canaryChoice(canary, new Map()).verdict).toBe('weight');
  });
});
