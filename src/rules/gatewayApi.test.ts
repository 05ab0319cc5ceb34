import { describe, expect, it } from 'vitest';
import {
  backendWeightProblem,
  gatewayDurationMs,
  gatewayDurationProblem,
  gatewayHeaderNameProblem,
  gatewayHostnameProblem,
  gatewayNamespaceProblem,
  groupProblem,
  grpcMethodProblem,
  grpcServiceProblem,
  headerMatchValueProblem,
  kindProblem,
  listenerProtocolProblem,
  mirrorPercentProblem,
  pathMatchProblem,
  preciseHostnameProblem,
  redirectStatusProblem,
  routeFiltersProblem,
  sectionNameProblem,
  timeoutsProblem,
} from './gatewayApi.ts';
import {
  backendWeightField,
  gatewayPortField,
  pathValueField,
  redirectStatusField,
} from './gatewayApiFields.ts';

type Rule<T> = (value: T) => string | undefined;

function ok<T>(rule: Rule<T>, ...values: T[]): void {
  for (const value of values) expect(rule(value), String(value)).toBeUndefined();
}

function bad<T>(rule: Rule<T>, ...values: T[]): void {
  for (const value of values) expect(rule(value), String(value)).toEqual(expect.any(String));
}

describe('pathMatchProblem (HTTPPathMatch CEL rules)', () => {
  const prefix = (value: string) => pathMatchProblem('PathPrefix', value);
  const exact = (value: string) => pathMatchProblem('Exact', value);

  it('accepts absolute paths of URL characters', () => {
    ok(prefix, '/', '/api', '/api/v1/', '/a-b_c.d~e', '/%20x', "/!$&'()*+,;=:@");
    ok(exact, '/login', '/v2/items/1');
  });

  it('wants a leading slash', () => {
    expect(prefix('api')).toBe('A path must start with "/"');
    expect(exact('login')).toBe('A path must start with "/"');
  });

  it('refuses each sequence the CEL rules name, as they name it', () => {
    expect(prefix('/a//b')).toBe('A path must not contain "//"');
    expect(prefix('/a/./b')).toBe('A path must not contain "/./"');
    expect(prefix('/a/../b')).toBe('A path must not contain "/../"');
    expect(prefix('/a%2fb')).toBe('A path must not contain "%2f"');
    expect(prefix('/a%2Fb')).toBe('A path must not contain "%2F"');
    expect(prefix('/a#b')).toBe('A path must not contain "#"');
    expect(prefix('/a/..')).toBe('A path must not end with "/.."');
    expect(exact('/a/.')).toBe('A path must not end with "/."');
  });

  it('refuses characters outside a URL path and lone percent signs', () => {
    bad(prefix, '/a b', '/a?b', '/a%zz', '/ä');
  });

  it('checks a RegularExpression as RE2, not as a path', () => {
    expect(pathMatchProblem('RegularExpression', '.*/v[0-9]+')).toBeUndefined();
    expect(pathMatchProblem('RegularExpression', '/a(')).toEqual(expect.any(String));
  });

  it('refuses paths over 1024 characters', () => {
    expect(prefix(`/${'a'.repeat(1024)}`)).toMatch(/too long/);
  });

  it('as a field validator, follows the match type it is given', () => {
    expect(pathValueField('PathPrefix')('api')).toBe('A path must start with "/"');
    expect(pathValueField('RegularExpression')('api')).toBeUndefined();
    expect(pathValueField('Exact')('')).toBeUndefined();
  });
});

describe('gatewayHostnameProblem (Hostname)', () => {
  it('accepts lower-case names and a leading wildcard label', () => {
    ok(gatewayHostnameProblem, 'example.com', '*.example.com', 'foo', 'a-1.b-2.c');
  });
  it('refuses IP addresses, ports, upper case and misplaced wildcards, saying which', () => {
    expect(gatewayHostnameProblem('10.0.0.1')).toMatch(/IP address/);
    expect(gatewayHostnameProblem('example.com:8080')).toMatch(/port/);
    expect(gatewayHostnameProblem('Example.com')).toMatch(/lower case/);
    expect(gatewayHostnameProblem('foo.*.com')).toMatch(/wildcard/);
    expect(gatewayHostnameProblem('*')).toMatch(/wildcard/);
    bad(gatewayHostnameProblem, '', 'a_b.com', '-a.com', `${'a'.repeat(254)}`);
  });
  it('a redirect hostname is precise: no wildcard at all', () => {
    ok(preciseHostnameProblem, 'example.com');
    expect(preciseHostnameProblem('*.example.com')).toMatch(/wildcard/);
  });
});

describe('names, namespaces, kinds and groups', () => {
  it('section names are lower-case DNS names', () => {
    ok(sectionNameProblem, 'http', 'https-443', 'api.v1');
    bad(sectionNameProblem, 'HTTP', 'web_1', '-x', '', 'a..b');
  });
  it('namespaces are DNS labels', () => {
    ok(gatewayNamespaceProblem, 'default', 'istio-system');
    bad(gatewayNamespaceProblem, 'a.b', 'Prod', 'a'.repeat(64));
  });
  it('kinds are CamelCase names, groups DNS names or empty', () => {
    ok(kindProblem, 'Service', 'HTTPRoute');
    bad(kindProblem, 'my kind', '1Service');
    ok(groupProblem, '', 'gateway.networking.k8s.io');
    bad(groupProblem, 'Gateway.Networking');
  });
});

describe('header names and values (HTTPHeaderName)', () => {
  it('accepts RFC 7230 tokens of at most 256 characters', () => {
    ok(gatewayHeaderNameProblem, 'x-user', 'X-Forwarded-For', "a!#$%&'*+-.^_`|~z");
    bad(gatewayHeaderNameProblem, 'x user', ':authority', 'a:b', '', 'x'.repeat(257));
  });
  it('values are 1 to 4096 characters', () => {
    ok(headerMatchValueProblem, 'v1');
    bad(headerMatchValueProblem, '', 'v'.repeat(4097));
  });
});

describe('durations (GEP-2257)', () => {
  it('accepts up to four whole-number parts of h, m, s and ms', () => {
    ok(gatewayDurationProblem, '0s', '10s', '500ms', '1h30m', '1h2m3s4ms', '99999ms');
  });
  it('refuses Go forms the Gateway API does not take', () => {
    bad(gatewayDurationProblem, '1.5s', '10', '1d', '-1s', '1h1m1s1ms1s', '100000s', '10 s');
  });
  it('reads milliseconds', () => {
    expect(gatewayDurationMs('1h30m')).toBe(5_400_000);
    expect(gatewayDurationMs('1s500ms')).toBe(1500);
    expect(gatewayDurationMs('1.5s')).toBeUndefined();
  });
  it('a backend request timeout is not longer than the request timeout, unless that is 0s', () => {
    expect(timeoutsProblem('10s', '11s')).toMatch(/cannot be longer/);
    expect(timeoutsProblem('10s', '10s')).toBeUndefined();
    expect(timeoutsProblem('1m', '59s')).toBeUndefined();
    expect(timeoutsProblem('0s', '1h')).toBeUndefined();
    expect(timeoutsProblem(undefined, '1h')).toBeUndefined();
  });
});

describe('numbers', () => {
  it('weights are 0 to 1,000,000', () => {
    ok(backendWeightProblem, 0, 1, 1_000_000);
    bad(backendWeightProblem, -1, 1_000_001, 1.5);
    expect(backendWeightField('2000000')).toBe('Weight must be a whole number from 0 to 1000000');
    expect(backendWeightField('x')).toEqual(expect.any(String));
  });
  it('redirect status codes are the enum, nothing else of the 3xx', () => {
    ok(redirectStatusProblem, 301, 302, 303, 307, 308);
    bad(redirectStatusProblem, 300, 304, 200);
    expect(redirectStatusField('304')).toMatch(/301, 302, 303, 307 or 308/);
  });
  it('ports are 1 to 65535, mirror percents 0 to 100', () => {
    expect(gatewayPortField(0)).toBe('Port must be from 1 to 65535');
    expect(gatewayPortField('65535')).toBeUndefined();
    ok(mirrorPercentProblem, 0, 50, 100);
    bad(mirrorPercentProblem, 101, 2.5);
  });
});

describe('gRPC method matches', () => {
  it('services are package-qualified identifiers, methods identifiers', () => {
    ok(grpcServiceProblem, 'helloworld.Greeter', '.pkg.Svc', 'grpc.health.v1.Health');
    bad(grpcServiceProblem, 'hello-world.Greeter', 'a..b', '1svc');
    ok(grpcMethodProblem, 'SayHello', '_x1');
    bad(grpcMethodProblem, 'say.hello', '1x');
  });
});

describe('listener protocol rules (Gateway CEL)', () => {
  it('HTTP, TCP and UDP listeners have no TLS; TCP and UDP no hostname', () => {
    expect(listenerProtocolProblem('HTTP', { mode: 'Terminate' }, undefined)).toMatch(/no TLS/);
    expect(listenerProtocolProblem('TCP', undefined, 'a.com')).toMatch(/no hostname/);
    expect(listenerProtocolProblem('HTTP', undefined, 'a.com')).toBeUndefined();
  });
  it('HTTPS terminates; TLS needs a mode', () => {
    expect(listenerProtocolProblem('HTTPS', { mode: 'Passthrough' }, undefined)).toMatch(
      /Terminate/,
    );
    expect(listenerProtocolProblem('HTTPS', { mode: '' }, undefined)).toBeUndefined();
    expect(listenerProtocolProblem('TLS', undefined, undefined)).toMatch(/TLS mode/);
    expect(listenerProtocolProblem('TLS', { mode: 'Passthrough' }, 'a.com')).toBeUndefined();
  });
});

describe('routeFiltersProblem (HTTPRouteRule filters CEL)', () => {
  it('refuses repeated filters and a redirect with a rewrite or with backends', () => {
    expect(routeFiltersProblem(['RequestHeaderModifier', 'RequestHeaderModifier'], true)).toBe(
      'RequestHeaderModifier filter cannot be repeated',
    );
    expect(routeFiltersProblem(['RequestRedirect', 'URLRewrite'], false)).toMatch(/both/);
    expect(routeFiltersProblem(['RequestRedirect'], true)).toMatch(/backendRefs/);
  });
  it('accepts mirrors repeated and a header modifier of each direction', () => {
    expect(
      routeFiltersProblem(
        ['RequestMirror', 'RequestMirror', 'RequestHeaderModifier', 'ResponseHeaderModifier'],
        true,
      ),
    ).toBeUndefined();
    expect(routeFiltersProblem(['RequestRedirect'], false)).toBeUndefined();
  });
});
