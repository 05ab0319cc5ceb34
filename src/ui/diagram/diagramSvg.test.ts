import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { selectGraph } from '../../store/selectors.ts';
import { EXAMPLE } from '../../workspace/example.ts';
import { loadWorkspace } from '../../workspace/workspace.ts';
import { columnLayout } from '../canvas/fallbackLayout.ts';
import { impliedParts } from '../canvas/nodeDetails.ts';
import { sizeNodes } from '../canvas/nodeSize.ts';
import { toFlowElements } from '../canvas/toFlow.ts';
import { diagramOf } from './diagramModel.ts';
import { type Diagram, type DiagramNode, diagramSvg, nodeLayout } from './diagramSvg.ts';

/** A workspace's diagram, placed in the canvas's quick columns. */
function diagramFor(yaml: string): { diagram: Diagram; names: string[] } {
  const workspace = loadWorkspace([{ name: 'a.yaml', text: yaml }]);
  const graph = selectGraph({ workspace });
  const elements = toFlowElements(graph, workspace);
  const places = columnLayout(sizeNodes(elements.nodes, new Map()));
  // The names the canvas shows: an implied node's without its note (NodeFrame).
  const names = elements.nodes.map((n) =>
    n.data.node.implied ? impliedParts(n.data.node.label).name : n.data.node.label,
  );
  return { diagram: diagramOf(elements.nodes, elements.edges, places), names };
}

/** Every `<text>`'s content, as a reader of the file (a browser) gets it: unescaped. */
function texts(svg: string): string[] {
  expect(XMLValidator.validate(svg)).toBe(true);
  const found: string[] = [];
  const parsed = new XMLParser({ ignoreAttributes: false, preserveOrder: true }).parse(svg);
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as Record<string, unknown>[]) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && Array.isArray(value)) {
          const own = value.find((v) => '#text' in (v as object)) as
            | { '#text': unknown }
            | undefined;
          if (own) found.push(String(own['#text']));
        }
        if (Array.isArray(value)) walk(value);
      }
    }
  };
  walk(parsed);
  return found;
}

function viewBox(svg: string): { x: number; y: number; width: number; height: number } {
  const [x, y, width, height] = (/viewBox="([^"]+)"/.exec(svg)?.[1] ?? '').split(' ').map(Number);
  return { x: x ?? NaN, y: y ?? NaN, width: width ?? NaN, height: height ?? NaN };
}

const example = diagramFor(EXAMPLE[0]?.text ?? '');

describe('diagram SVG', () => {
  test('the example: every node name is drawn whole, as text', () => {
    const { svg } = diagramSvg(example.diagram, { theme: 'light' });
    const drawn = texts(svg);
    expect(example.names).toContain('my-gateway');
    expect(example.names).toContain('istio-ingressgateway');
    for (const name of example.names) expect(drawn).toContain(name);
    // The rule and the kinds' titles come with them.
    expect(drawn.some((t) => t.startsWith('VirtualService · default'))).toBe(true);
    expect(drawn).toContain('prefix /myapp');
  });

  test('the viewBox holds every node, and the file says its size', () => {
    const { svg, width, height } = diagramSvg(example.diagram, { theme: 'light' });
    const box = viewBox(svg);
    for (const node of example.diagram.nodes) {
      const h = nodeLayout(node).height;
      expect(node.x).toBeGreaterThanOrEqual(box.x);
      expect(node.y).toBeGreaterThanOrEqual(box.y);
      expect(node.x + node.width).toBeLessThanOrEqual(box.x + box.width);
      expect(node.y + h).toBeLessThanOrEqual(box.y + box.height);
    }
    expect(svg).toContain(`width="${width}" height="${height}"`);
    expect(Math.abs(width - box.width)).toBeLessThanOrEqual(1);
  });

  test('names and labels from YAML are escaped: markup stays text, the file stays XML', () => {
    const hostile = '<img src=x onerror="alert(1)">&amp;\u0007\ud800';
    const node: DiagramNode = {
      id: 'n1',
      title: `Service · "ns" & 'more'`,
      name: hostile,
      glyph: 'SVC',
      color: '#059669',
      x: 0,
      y: 0,
      width: 200,
      lines: ['a < b'],
      rows: [{ id: 'r', title: 'rule <1>', lines: ['x-beta="1" & more'] }],
    };
    const { svg } = diagramSvg(
      {
        nodes: [node, { ...node, id: 'n2', name: 'b', x: 400 }],
        edges: [
          {
            id: 'e',
            source: 'n1',
            target: 'n2',
            fromRow: 'r',
            label: '<50%> & "more"',
            color: '#2563eb" onload="x',
            width: 2,
            arrow: true,
          },
        ],
      },
      { theme: 'dark' },
    );
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('" onload="');
    const drawn = texts(svg);
    expect(drawn).toContain('<img src=x onerror="alert(1)">&amp;\ufffd\ufffd');
    expect(drawn).toContain('<50%> & "more"');
    expect(drawn).toContain('rule <1>');
  });

  test('a long name is drawn whole (smaller, or squeezed), never cut', () => {
    const name = 'a-very-long-virtualservice-name-for-the-checkout-frontend-canary';
    const { diagram } = diagramFor(
      (EXAMPLE[0]?.text ?? '').replace(
        /kind: VirtualService\nmetadata:\n {2}name: myapp/,
        `kind: VirtualService\nmetadata:\n  name: ${name}`,
      ),
    );
    const { svg } = diagramSvg(diagram, { theme: 'light' });
    expect(texts(svg)).toContain(name);
    expect(svg).toMatch(/lengthAdjust="spacingAndGlyphs"[^>]*>a-very-long-virtualservice/);
  });

  test('an edge from a rule leaves from that rule’s row', () => {
    const vs = example.diagram.nodes.find((n) => n.title.startsWith('VirtualService'));
    const edge = example.diagram.edges.find((e) => e.source === vs?.id && e.fromRow);
    expect(vs && edge).toBeTruthy();
    if (!vs || !edge?.fromRow) return;
    const portY = nodeLayout(vs).ports.get(edge.fromRow) ?? NaN;
    const { svg } = diagramSvg(example.diagram, { theme: 'light' });
    const startY = vs.y + portY;
    const start = `M${Math.round((vs.x + vs.width) * 10) / 10},${Math.round(startY * 10) / 10} C`;
    expect(svg).toContain(start);
  });

  test('the current view: only what it shows, at its size', () => {
    const gateway = example.diagram.nodes.find((n) => n.title.startsWith('Gateway ·'));
    if (!gateway) throw new Error('no gateway');
    const frame = { x: gateway.x - 10, y: gateway.y - 10, width: gateway.width + 20, height: 120 };
    const { svg, width, height } = diagramSvg(example.diagram, { theme: 'light', frame });
    expect(viewBox(svg)).toEqual(frame);
    expect([width, height]).toEqual([frame.width, frame.height]);
    const drawn = texts(svg);
    expect(drawn).toContain('my-gateway');
    expect(drawn).not.toContain('client');
  });

  test('split shares are labelled on their edges, no label on another', () => {
    const canary = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: shop, namespace: web}
spec:
  hosts: [shop.example.com]
  http:
  - name: split
    route:
    - destination: {host: shop, subset: v1}
      weight: 90
    - destination: {host: shop, subset: v2}
      weight: 10
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: shop, namespace: web}
spec:
  host: shop
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
`;
    const { svg } = diagramSvg(diagramFor(canary).diagram, { theme: 'light' });
    expect(texts(svg)).toEqual(expect.arrayContaining(['90%', '10%']));
    const boxes = [
      ...svg.matchAll(
        /<g class="label"><rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/g,
      ),
    ].map((m) => m.slice(1, 5).map(Number) as [number, number, number, number]);
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) {
        const apart =
          a[0] + a[2] <= b[0] || b[0] + b[2] <= a[0] || a[1] + a[3] <= b[1] || b[1] + b[3] <= a[1];
        expect(apart).toBe(true);
      }
  });

  test('the Gateway API: listeners and rules are rows, bind edges leave from their listener', () => {
    const design = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web-gw, namespace: infra}
spec:
  gatewayClassName: istio
  listeners:
  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: store, namespace: shop}
spec:
  parentRefs: [{name: web-gw, namespace: infra, sectionName: http}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /cart}}]
    backendRefs: [{name: cart, port: 8080}]
`;
    const { diagram, names } = diagramFor(design);
    const { svg } = diagramSvg(diagram, { theme: 'light' });
    const drawn = texts(svg);
    for (const name of names) expect(drawn).toContain(name);
    expect(drawn.some((t) => t.startsWith('http · 80'))).toBe(true);
    const gateway = diagram.nodes.find((n) => n.name === 'web-gw');
    const bind = diagram.edges.find((e) => e.source === gateway?.id && e.fromRow);
    expect(bind?.fromRow && gateway && nodeLayout(gateway).ports.has(bind.fromRow)).toBe(true);
  });

  test('light and dark differ in their background and text colours', () => {
    const light = diagramSvg(example.diagram, { theme: 'light' }).svg;
    const dark = diagramSvg(example.diagram, { theme: 'dark' }).svg;
    const background = (svg: string) => /<rect [^>]*fill="(#[0-9a-f]+)"/.exec(svg)?.[1];
    expect(background(light)).not.toBe(background(dark));
  });
});
