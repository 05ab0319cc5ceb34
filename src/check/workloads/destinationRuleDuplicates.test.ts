import { describe, expect, it } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { withCode } from '../../testing/workloadChecks.ts';

const rule = (
  name: string,
  host: string,
  subsets: string[],
  extra = '',
  namespace = 'shop',
) => dedent`
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata:
    name: ${name}
    namespace: ${namespace}
  spec:
    host: "${host}"
    ${extra}
    subsets: [${subsets.map((s) => `{name: ${s}, labels: {version: ${s}}}`).join(', ')}]
`;

const docs = (...texts: string[]) => texts.join('---\n');
const duplicates = (text: string) => withCode(text, 'destinationrule-duplicate-subset');

describe('More than one DestinationRule for a host and subset (Kiali KIA0201)', () => {
  it('warns on both rules naming the same host and subset, at the host', () => {
    const found = duplicates(
      docs(rule('a', 'reviews', ['v1']), rule('b', 'reviews.shop.svc.cluster.local', ['v1', 'v2'])),
    );
    expect(found.map((f) => f.resource)).toEqual([
      'DestinationRule/shop/a',
      'DestinationRule/shop/b',
    ]);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      kiali: 'KIA0201',
      path: ['spec', 'host'],
    });
    expect(found[0]?.istio).toBeUndefined();
  });

  it('treats a rule without subsets as covering every subset of its host', () => {
    expect(duplicates(docs(rule('a', 'reviews', []), rule('b', 'reviews', ['v2'])))).toHaveLength(
      2,
    );
  });

  it('accepts rules with different subsets, different hosts, or a workloadSelector', () => {
    expect(duplicates(docs(rule('a', 'reviews', ['v1']), rule('b', 'reviews', ['v2'])))).toEqual(
      [],
    );
    expect(duplicates(docs(rule('a', 'reviews', ['v1']), rule('b', 'ratings', ['v1'])))).toEqual(
      [],
    );
    // The same short name in two namespaces is two hosts.
    expect(
      duplicates(docs(rule('a', 'reviews', ['v1']), rule('b', 'reviews', ['v1'], '', 'other'))),
    ).toEqual([]);
    const selected = rule('b', 'reviews', ['v1'], 'workloadSelector: {matchLabels: {app: client}}');
    expect(duplicates(docs(rule('a', 'reviews', ['v1']), selected))).toEqual([]);
  });

  it('matches a wildcard host with the hosts it covers, except mesh-wide ISTIO_MUTUAL rules', () => {
    expect(
      duplicates(docs(rule('a', '*.shop.svc.cluster.local', []), rule('b', 'reviews', ['v1']))),
    ).toHaveLength(2);
    const mtls = rule('mtls', '*.local', [], 'trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}');
    expect(duplicates(docs(mtls, rule('b', 'reviews', ['v1'])))).toEqual([]);
  });
});
