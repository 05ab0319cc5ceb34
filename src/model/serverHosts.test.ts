import { describe, expect, test } from 'vitest';
import { sanitizeServerHosts, serverHostsFor, splitServerHost } from './serverHosts.ts';

describe('Gateway server hosts and the namespaces that may bind them', () => {
  test('a bare host, */host and ns/host: open to all, to all, to ns only', () => {
    const hosts = ['a.example.com', '*/b.example.com', 'team/c.example.com'];
    expect(serverHostsFor('gw-ns', hosts, 'team')).toEqual([
      'a.example.com',
      'b.example.com',
      'c.example.com',
    ]);
    expect(serverHostsFor('gw-ns', hosts, 'other')).toEqual(['a.example.com', 'b.example.com']);
  });

  test('./host is the Gateway’s own namespace, not the VirtualService’s', () => {
    expect(serverHostsFor('gw-ns', ['./a.example.com'], 'gw-ns')).toEqual(['a.example.com']);
    expect(serverHostsFor('gw-ns', ['./a.example.com'], 'team')).toEqual([]);
    expect(splitServerHost('./a.example.com', 'gw-ns')).toEqual({
      namespace: 'gw-ns',
      dnsName: 'a.example.com',
    });
  });

  test('*/* makes the server offer * alone, as pilot sanitizes it', () => {
    expect(sanitizeServerHosts(['a.example.com', '*/*', 'team/b.example.com'], 'gw')).toEqual([
      '*',
    ]);
    expect(serverHostsFor('gw', ['team/b.example.com', '*/*'], 'other')).toEqual(['*']);
  });
});
