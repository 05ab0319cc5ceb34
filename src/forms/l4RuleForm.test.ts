import { describe, expect, test } from 'vitest';
import { dedent } from '../testing/dedent.ts';
import { addItem, editField, refusal } from './testForms.ts';

const PASSTHROUGH = dedent`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata:
    name: db
    namespace: data
  spec:
    hosts:
    - db.example.com
    gateways:
    - istio-system/edge
    tls:
    - match:
      - sniHosts:
        - db.example.com
        port: 443
      route:
      - destination:
          host: db
          port:
            number: 5432
    tcp:
    - match:
      - port: 31400
      route:
      - destination:
          host: legacy
          port:
            number: 9000
`;

const TLS_RULE = 'route:VirtualService/data/db:tls[0]';
const TCP_RULE = 'route:VirtualService/data/db:tcp[0]';

describe('TLS and TCP rule forms', () => {
  test('SNI hosts and port of a TLS match', () => {
    expect(
      editField(
        PASSTHROUGH,
        TLS_RULE,
        'spec.tls[0].match[0].sniHosts',
        'db.example.com, *.db.example.com',
      ).diff,
    ).toEqual({ removed: [], added: ['      - "*.db.example.com"'] });
    expect(refusal(PASSTHROUGH, TLS_RULE, 'spec.tls[0].match[0].sniHosts', '')).toBe('Required');
    expect(editField(PASSTHROUGH, TLS_RULE, 'spec.tls[0].match[0].port', '8443').diff).toEqual({
      removed: ['      port: 443'],
      added: ['      port: 8443'],
    });
  });

  test('a TLS match block is added with its SNI host', () => {
    expect(
      addItem(PASSTHROUGH, TLS_RULE, 'group:spec.tls[0].match', {
        'spec.tls[0].match#new': 'replica.db.example.com',
      }).diff.added,
    ).toEqual(['    - sniHosts:', '      - replica.db.example.com']);
  });

  test('a TCP match port and destination', () => {
    expect(
      editField(PASSTHROUGH, TCP_RULE, 'spec.tcp[0].match[0].port', '31401').diff.added,
    ).toEqual(['    - port: 31401']);
    expect(
      editField(PASSTHROUGH, TCP_RULE, 'spec.tcp[0].route[0].destination.port.number', '9001').diff
        .added,
    ).toEqual(['          number: 9001']);
  });
});
