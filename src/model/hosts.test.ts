import { describe, expect, test } from 'vitest';
import { hostMatches, hostNamesOverlap, hostsOverlap, mostSpecificHost } from './hosts.ts';

describe('host matching, as Istio’s host.Name', () => {
  test('a wildcard covers its subdomains, not its own domain; * covers all', () => {
    expect(hostMatches('*.example.com', 'shop.example.com')).toBe(true);
    expect(hostMatches('*.example.com', 'example.com')).toBe(false);
    expect(hostMatches('*', 'example.com')).toBe(true);
    expect(hostMatches('*.example.com', '*.api.example.com')).toBe(true);
    expect(hostMatches('*.api.example.com', '*.example.com')).toBe(false);
  });

  test('the simulator ignores case, the analyzers’ comparison does not (as Istio)', () => {
    expect(hostsOverlap('Shop.Example.com', '*.example.com')).toBe(true);
    expect(hostNamesOverlap('Shop.Example.com', '*.example.com')).toBe(false);
    expect(hostNamesOverlap('*.com', '*.example.com')).toBe(true);
  });

  test('the most specific match: the host itself, else the longest wildcard, * last', () => {
    const candidates = ['*', '*.example.com', '*.api.example.com', 'www.example.com'];
    expect(mostSpecificHost('www.example.com', candidates)).toBe('www.example.com');
    expect(mostSpecificHost('v1.api.example.com', candidates)).toBe('*.api.example.com');
    expect(mostSpecificHost('shop.example.com', candidates)).toBe('*.example.com');
    expect(mostSpecificHost('example.org', candidates)).toBe('*');
    expect(mostSpecificHost('example.org', ['*.example.com'])).toBeUndefined();
  });
});
