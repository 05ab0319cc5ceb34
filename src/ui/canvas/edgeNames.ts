import type { GraphEdge, GraphNode } from '../../graph/types.ts';

/**
 * A node's name where a sentence needs it alone: a rule is its VirtualService and place
 * (`myapp http[0]`), a listener its Gateway's name and its own (`gw listener http`), a subset its DestinationRule's name and its own (`myapp v1`), as neither
 * says alone which one it is.
 */
export function nodeName(node: GraphNode, nodes: ReadonlyMap<string, GraphNode>): string {
  if (node.kind === 'route') {
    const parent = node.parent === null ? undefined : nodes.get(node.parent);
    const place = `${node.section ?? 'http'}[${node.index ?? 0}]`;
    return parent ? `${parent.label} ${place}` : `${node.label} ${place}`;
  }
  if (node.kind === 'listener') {
    const parent = node.parent === null ? undefined : nodes.get(node.parent);
    return parent ? `${parent.label} listener ${node.label}` : `listener ${node.label}`;
  }
  if (node.kind === 'subset' && node.resource) {
    const owner = node.resource.split('/')[2];
    return owner ? `${owner} ${node.label}` : node.label;
  }
  return node.label;
}

/**
 * An edge's accessible name, by what it joins: `route 80% from myapp http[0] to myapp v1`,
 * `bind from my-gateway to myapp`. A screen reader walking the graph hears where it goes.
 */
export function edgeAriaLabel(
  edge: GraphEdge,
  label: string | undefined,
  nodes: ReadonlyMap<string, GraphNode>,
): string {
  const from = nodes.get(edge.source);
  const to = nodes.get(edge.target);
  const name = (node: GraphNode | undefined, id: string) => (node ? nodeName(node, nodes) : id);
  return `${edge.kind}${label ? ` ${label}` : ''} from ${name(from, edge.source)} to ${name(to, edge.target)}`;
}
