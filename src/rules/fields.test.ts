import { describe, expect, it } from 'vitest';
import {
  abortStatusField,
  dnsLabelField,
  durationField,
  gatewayHostField,
  headerNameField,
  hostField,
  labelKeyField,
  labelValueField,
  percentageField,
  portField,
  redirectCodeField,
  regexField,
  required,
  retryOnField,
} from './fields.ts';

function ok(validate: (x: unknown) => string | undefined, ...values: unknown[]): void {
  for (const value of values) expect(validate(value), String(value)).toBeUndefined();
}

function bad(validate: (x: unknown) => string | undefined, ...values: unknown[]): void {
  for (const value of values) expect(validate(value), String(value)).toEqual(expect.any(String));
}

describe('durationField (Istio ValidateDuration on Go duration syntax)', () => {
  it('accepts Go durations of at least 1ms at millisecond precision', () => {
    ok(durationField, '10s', '1.5s', '100ms', '1m30s', '1h', '0.001s', '1ms', '2h45m');
  });
  it('rejects text without a unit, unknown units and bare numbers', () => {
    bad(durationField, '10', 'ten seconds', '10 s', '5d', 'ms', '.s');
  });
  it('rejects durations under 1ms or finer than a millisecond', () => {
    expect(durationField('0s')).toMatch(/1ms/);
    expect(durationField('500us')).toMatch(/1ms/);
    expect(durationField('1.0005s')).toMatch(/millisecond/);
    expect(durationField('-1s')).toMatch(/1ms/);
  });
  it('leaves an empty field to the form', () => {
    expect(durationField('')).toBeUndefined();
    expect(required(durationField)('')).toBe('Required');
  });
});

describe('portField (ValidatePort)', () => {
  it('accepts 1 to 65535 as number or text', () => ok(portField, 1, 80, '8080', 65535));
  it('rejects 0, out of range and fractions', () => bad(portField, 0, 65536, -1, 80.5, '80a'));
});

describe('percentageField', () => {
  it('accepts 0 to 100 with fractions', () => ok(percentageField, 0, 12.5, '50', 100));
  it('rejects values outside 0..100 and text', () => bad(percentageField, -1, 100.1, 'half'));
});

describe('regexField (RE2, at most 1024 characters)', () => {
  it('accepts RE2 syntax', () => ok(regexField, '^/api/v[0-9]+', '(?i)abc', '.*'));
  it('rejects Perl-only syntax, broken groups and too long patterns', () => {
    bad(regexField, '(?=a)', '(a', 'a**', '*', 'a'.repeat(1025));
  });
});

describe('dnsLabelField (labels.IsDNS1123Label)', () => {
  it('accepts labels', () => ok(dnsLabelField, 'v1', 'canary-2', 'a'));
  it('rejects dots, underscores, edge dashes and long labels', () => {
    bad(dnsLabelField, 'v1.2', 'v_1', '-v1', 'v1-', 'a'.repeat(64));
  });
});

describe('hostField (ValidateWildcardDomain)', () => {
  it('accepts FQDNs, short names and a leading wildcard', () => {
    ok(hostField, 'reviews', 'shop.example.com', '*.example.com', '*', 'istio.io.');
  });
  it('rejects partial wildcards, wildcards past the first label and numeric TLDs', () => {
    bad(hostField, 'foo*.example.com', 'shop.*.com', 'a.b.123', 'bad_host.com', 'a..b');
  });
});

describe('gatewayHostField (ValidateNamespaceSlashWildcardHostname for gateways)', () => {
  it('accepts [namespace/]dnsName forms', () => {
    ok(gatewayHostField, '*', '*.example.com', 'prod/shop.example.com', './*', '*/*', '10.0.0.1');
  });
  it('rejects short names, partial wildcards and bad namespaces', () => {
    expect(gatewayHostField('shop')).toMatch(/short name/);
    expect(gatewayHostField('foo*.example.com')).toBeDefined();
    expect(gatewayHostField('bad_ns/shop.example.com')).toMatch(/namespace/);
    expect(gatewayHostField('prod/')).toBeDefined();
  });
});

describe('headerNameField', () => {
  it('accepts tokens, pseudo-headers and JWT claims', () => {
    ok(headerNameField, 'x-user', 'end-user', ':authority', '@request.auth.claims.group');
  });
  it('rejects spaces and separators', () => bad(headerNameField, 'x user', 'a:b', 'x(y)'));
});

describe('abortStatusField and redirectCodeField', () => {
  it('abort status is 200 to 599', () => {
    ok(abortStatusField, 200, 503, '599');
    bad(abortStatusField, 199, 600, 'x');
  });
  it('redirect code is a 3xx', () => {
    ok(redirectCodeField, 301, '308');
    bad(redirectCodeField, 200, 400);
  });
});

describe('retryOnField (Istio supported retry conditions and HTTP status codes)', () => {
  it('accepts Envoy conditions and known status codes', () => {
    ok(
      retryOnField,
      '5xx',
      'gateway-error,connect-failure,refused-stream',
      '503',
      'retriable-status-codes,503,504',
    );
  });
  it('rejects unknown conditions, unknown codes and spaces after commas', () => {
    expect(retryOnField('5xx,timeout')).toMatch(/"timeout"/);
    expect(retryOnField('999')).toMatch(/"999"/);
    expect(retryOnField('5xx, reset')).toMatch(/no spaces/);
  });
});

describe('labelKeyField and labelValueField', () => {
  it('accepts Kubernetes label keys and values', () => {
    ok(labelKeyField, 'app', 'app.kubernetes.io/name', 'version');
    ok(labelValueField, 'v1', 'my_value', '', 2);
  });
  it('rejects bad keys and values', () => {
    bad(labelKeyField, '-app', 'a b', 'x/');
    bad(labelValueField, 'v1-', 'a b');
  });
});
