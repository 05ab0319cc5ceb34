import { describe, expect, test } from 'vitest';
import { edgeList, graphOf, invariantProblems, node, yaml } from '../testing/graphs.ts';

/**
 * Monitoring drawn on the gateway pods it covers, as autoscalers and budgets are: a monitor that
 * scrapes them, alert rules and a dashboard whose queries name their workload. Each case has a
 * twin that misses (another namespace, another workload, another label) and stays off the graph.
 */

/** Two ingress gateways: `shop-gateway` (Deployment in shop-ingress) and Istio's default one. */
const GATEWAYS = yaml`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: { name: shop, namespace: shop-ingress }
  spec:
    selector: { istio: shop-gateway }
    servers: [{ port: { number: 80, name: http, protocol: HTTP }, hosts: ["shop.example.com"] }]
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: { name: shop-gateway, namespace: shop-ingress }
  spec:
    selector: { matchLabels: { istio: shop-gateway } }
    template:
      metadata: { labels: { app: shop-gateway, istio: shop-gateway } }
      spec: { containers: [{ name: istio-proxy, image: auto }] }
  ---
  apiVersion: v1
  kind: Service
  metadata: { name: shop-gateway, namespace: shop-ingress, labels: { app: shop-gateway } }
  spec:
    selector: { istio: shop-gateway }
    ports: [{ name: http-envoy-prom, port: 15090 }]
  ---
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: { name: default, namespace: istio-system }
  spec:
    selector: { istio: ingressgateway }
    servers: [{ port: { number: 80, name: http, protocol: HTTP }, hosts: ["*"] }]
`;

const SHOP_PODS = 'gatewayWorkload:Deployment/shop-ingress/shop-gateway';

const podMonitor = (name: string, namespace: string, istio: string) => yaml`
  apiVersion: monitoring.coreos.com/v1
  kind: PodMonitor
  metadata: { name: ${name}, namespace: ${namespace} }
  spec:
    selector: { matchLabels: { istio: ${istio} } }
    podMetricsEndpoints: [{ port: http-envoy-prom, path: /stats/prometheus }]
`;

const rule = (name: string, workload: string) => yaml`
  apiVersion: monitoring.coreos.com/v1
  kind: PrometheusRule
  metadata: { name: ${name}, namespace: shop-ingress }
  spec:
    groups:
      - name: gateway
        rules:
          - alert: GatewayErrors
            expr: sum(rate(istio_requests_total{reporter="source", source_workload="${workload}", source_workload_namespace="shop-ingress", response_code=~"5.."}[5m])) > 1
            for: 5m
            labels: { severity: warning }
`;

const dashboard = (name: string, label: string) => yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: ${name}
    namespace: shop-ingress
    labels: { ${label}: "1" }
  data:
    gateway.json: '{"panels":[{"title":"RPS","targets":[{"expr":"sum(rate(istio_requests_total{source_workload=\\"shop-gateway\\"}[1m]))"}]}]}'
`;

describe('monitoring attached to the gateway pods', () => {
  test('a PodMonitor selecting the pods hangs off them; one selecting other pods does not', () => {
    const graph = graphOf(
      GATEWAYS,
      podMonitor('shop-envoy', 'shop-ingress', 'shop-gateway'),
      podMonitor('other-envoy', 'shop-ingress', 'other-gateway'),
      // The right labels, but it looks in its own namespace, where these pods are not.
      podMonitor('elsewhere', 'monitoring', 'shop-gateway'),
    );
    expect(edgeList(graph, 'attach')).toEqual([
      `${SHOP_PODS} -> monitor:PodMonitor/shop-ingress/shop-envoy`,
    ]);
    expect(node(graph, 'monitor:PodMonitor/shop-ingress/shop-envoy')).toEqual({
      id: 'monitor:PodMonitor/shop-ingress/shop-envoy',
      kind: 'monitor',
      label: 'shop-envoy',
      resource: 'PodMonitor/shop-ingress/shop-envoy',
      parent: null,
    });
    expect(node(graph, 'monitor:PodMonitor/shop-ingress/other-envoy')).toBeUndefined();
    expect(invariantProblems(graph)).toEqual([]);
  });

  test('a ServiceMonitor attaches through a Service that selects the pods, not through another', () => {
    const monitor = (name: string, app: string) => yaml`
      apiVersion: monitoring.coreos.com/v1
      kind: ServiceMonitor
      metadata: { name: ${name}, namespace: monitoring }
      spec:
        namespaceSelector: { matchNames: [shop-ingress] }
        selector: { matchLabels: { app: ${app} } }
        endpoints: [{ port: http-envoy-prom, path: /stats/prometheus }]
    `;
    const graph = graphOf(GATEWAYS, monitor('shop', 'shop-gateway'), monitor('orders', 'orders'));
    expect(edgeList(graph, 'attach')).toEqual([
      `${SHOP_PODS} -> monitor:ServiceMonitor/monitoring/shop`,
    ]);
  });

  test('alert rules and a dashboard that name the gateway workload attach; those of another do not', () => {
    const graph = graphOf(
      GATEWAYS,
      rule('shop-alerts', 'shop-gateway'),
      rule('orders-alerts', 'orders'),
      dashboard('shop-dashboard', 'grafana_dashboard'),
      // Not labelled for Grafana's sidecar: a plain ConfigMap, not a dashboard.
      dashboard('notes', 'team'),
    );
    expect(edgeList(graph, 'attach')).toEqual([
      `${SHOP_PODS} -> alertRules:PrometheusRule/shop-ingress/shop-alerts`,
      `${SHOP_PODS} -> dashboard:ConfigMap/shop-ingress/shop-dashboard`,
    ]);
    expect(node(graph, 'alertRules:PrometheusRule/shop-ingress/shop-alerts')?.kind).toBe(
      'alertRules',
    );
    expect(node(graph, 'dashboard:ConfigMap/shop-ingress/notes')).toBeUndefined();
  });

  test('monitoring of nothing in the workspace draws nothing', () => {
    const graph = graphOf(GATEWAYS, rule('orders-alerts', 'orders'));
    expect(
      graph.nodes.filter((n) => ['monitor', 'alertRules', 'dashboard'].includes(n.kind)),
    ).toEqual([]);
  });
});
