import { describe, expect, it } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { withCode } from '../../testing/workloadChecks.ts';

const namespace = (labels = 'istio-injection: enabled') => dedent`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: shop
    labels: {${labels}}
`;

const deployment = (template = '') => dedent`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: details
    namespace: shop
  spec:
    template:
      metadata:
        labels: {app: details}
        ${template}
      spec:
        containers:
        - name: details
          image: details:1
`;

const service = (
  name: string,
  port: string,
  namespaceName = 'shop',
  selector = '{app: details}',
) => dedent`
  apiVersion: v1
  kind: Service
  metadata:
    name: ${name}
    namespace: ${namespaceName}
  spec:
    selector: ${selector}
    ports: [${port}]
`;

const docs = (...texts: string[]) => texts.join('---\n');
const protocols = (text: string) => withCode(text, 'deployment-port-protocol-conflict');
const targets = (text: string) => withCode(text, 'deployment-target-port-conflict');

describe('Services of a Deployment (ServiceAssociationAnalyzer IST0116, IST0137)', () => {
  const twoProtocols = [
    service('details-tcp', '{name: tcp, port: 9080, protocol: TCP}'),
    service('details-http', '{name: http, port: 9080, protocol: HTTP}'),
  ];

  it('reports one port used with different protocols (IST0116) on the Deployment', () => {
    const [finding, ...rest] = protocols(docs(namespace(), deployment(), ...twoProtocols));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'warning',
      istio: 'IST0116',
      resource: 'Deployment/shop/details',
      path: ['metadata', 'name'],
    });
    expect(finding?.message).toContain('shop/details-http');
  });

  it('reports one targetPort reached through different ports (IST0137)', () => {
    const text = docs(
      namespace(),
      deployment(),
      service('one', '{name: tcp, port: 9080, targetPort: 9080}'),
      service('two', '{name: http, port: 9090, targetPort: 9080}'),
    );
    expect(targets(text)).toMatchObject([{ istio: 'IST0137', severity: 'warning' }]);
    expect(protocols(text)).toEqual([]);
  });

  it('only looks at Deployments in the mesh', () => {
    expect(protocols(docs(deployment(), ...twoProtocols))).toEqual([]);
    expect(
      protocols(docs(namespace('istio-injection: disabled'), deployment(), ...twoProtocols)),
    ).toEqual([]);
    expect(
      protocols(
        docs(deployment('annotations: {sidecar.istio.io/inject: "true"}'), ...twoProtocols),
      ),
    ).toHaveLength(1);
    expect(
      protocols(
        docs(
          namespace(),
          deployment('annotations: {sidecar.istio.io/inject: "false"}'),
          ...twoProtocols,
        ),
      ),
    ).toEqual([]);
  });

  it('ignores Services of other namespaces and Services without selector', () => {
    const text = docs(
      namespace(),
      deployment(),
      service('details-tcp', '{name: tcp, port: 9080, protocol: TCP}'),
      service('details-http', '{name: http, port: 9080, protocol: HTTP}', 'elsewhere'),
      service('no-selector', '{name: http, port: 9080, protocol: HTTP}', 'shop', 'null'),
    );
    expect(protocols(text)).toEqual([]);
  });
});
