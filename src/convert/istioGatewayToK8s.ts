/** An Istio Gateway's servers as the listeners of a Gateway API Gateway of class `istio`. */
import type { Gateway, GatewayServer } from '../model/gateway.ts';
import { K8S_GATEWAY, NAMESPACE_NAME_LABEL } from '../model/gatewayApi.ts';
import { resourceId } from '../model/resource.ts';
import {
  API,
  type Context,
  type ConvertedListener,
  lose,
  type Plain,
} from './istioToGatewayApiContext.ts';
import type { Origin } from './types.ts';

export function convertGateway(ctx: Context, gw: Gateway): void {
  const { name, namespace } = gw.metadata;
  const id = resourceId('Gateway', namespace, name);
  const listeners: Plain[] = [];
  const converted: ConvertedListener[] = [];
  const used = new Set<string>();
  const parts: Origin[] = [];
  if (gw.selector && Object.keys(gw.selector).length > 0)
    lose(
      ctx,
      id,
      'spec.selector',
      `selector ${Object.entries(gw.selector)
        .map(([k, v]) => `${k}: ${v}`)
        .join(
          ', ',
        )}: with the Gateway API, Istio deploys the gateway pods itself (${name}-istio); the existing gateway pods are not used`,
    );
  gw.servers.forEach((server, si) => {
    const at = `spec.servers[${si}]`;
    const protocol = listenerProtocol(ctx, id, at, server);
    if (!protocol || server.port?.number === undefined) {
      if (protocol) lose(ctx, id, `${at}.port`, 'a server without a port number has no listener');
      return;
    }
    const hosts = server.hosts.length ? server.hosts : ['*'];
    hosts.forEach((written, hi) => {
      const slash = written.indexOf('/');
      const ns = slash === -1 ? '*' : written.slice(0, slash);
      const host = slash === -1 ? written : written.slice(slash + 1);
      const base = (server.port?.name ?? protocol.toLowerCase())
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, '-');
      let listenerName = hosts.length > 1 ? `${base}-${hi}` : base;
      for (let n = 2; used.has(listenerName); n++) listenerName = `${base}-${hi}-${n}`;
      used.add(listenerName);
      const listener: Plain = { name: listenerName };
      if (host !== '*') listener.hostname = host;
      listener.port = ctx.clientPort(id, server.port?.number as number);
      listener.protocol = protocol;
      const tls = listenerTls(ctx, id, at, server, protocol);
      if (tls) listener.tls = tls;
      listener.allowedRoutes = { namespaces: allowedFrom(ns, namespace) };
      listeners.push(listener);
      const redirect = server.tls?.httpsRedirect === true;
      converted.push({
        name: listenerName,
        protocol,
        redirect,
        serverIndex: si,
        serverPort: server.port?.number as number,
      });
      parts.push({ resource: id, path: `${at}.hosts[${hi}]` });
    });
    if (server.port?.targetPort !== undefined)
      lose(
        ctx,
        id,
        `${at}.port.targetPort`,
        'targetPort: the Gateway API listens on the listener port itself',
      );
  });
  ctx.listeners.set(`${namespace}/${name}`, converted);
  const gatewayId = resourceId(K8S_GATEWAY, namespace, name);
  ctx.written.push({
    id: gatewayId,
    comment: `Converted from Gateway ${namespace}/${name} (networking.istio.io)`,
    plain: {
      apiVersion: API,
      kind: 'Gateway',
      metadata: { name, namespace },
      spec: { gatewayClassName: 'istio', listeners },
    },
    origin: { resource: { resource: id, path: '' }, parts },
  });
  const redirects = converted.filter((l) => l.redirect);
  if (redirects.length) {
    const routeName = `${name}-https-redirect`;
    ctx.written.push({
      id: resourceId('HTTPRoute', namespace, routeName),
      comment: `Converted from Gateway ${namespace}/${name}: tls.httpsRedirect of ${[...new Set(redirects.map((l) => `servers[${l.serverIndex}]`))].join(', ')}`,
      plain: {
        apiVersion: API,
        kind: 'HTTPRoute',
        metadata: { name: routeName, namespace },
        spec: {
          parentRefs: redirects.map((l) => ({ name, sectionName: l.name })),
          rules: [
            {
              filters: [
                { type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } },
              ],
            },
          ],
        },
      },
      origin: {
        resource: { resource: id, path: '' },
        parts: [
          {
            resource: id,
            path: `spec.servers[${redirects[0]?.serverIndex ?? 0}].tls.httpsRedirect`,
          },
        ],
      },
    });
  }
}

export function listenerProtocol(
  ctx: Context,
  id: string,
  at: string,
  server: GatewayServer,
): string | undefined {
  const protocol = server.port?.protocol ?? '';
  const mode = server.tls?.mode ?? 'SIMPLE';
  switch (protocol) {
    case 'HTTP':
      return 'HTTP';
    case 'HTTP2':
    case 'GRPC':
      lose(
        ctx,
        id,
        `${at}.port.protocol`,
        `${protocol}: written as an HTTP listener (the Gateway API has no ${protocol} listener protocol; Istio serves HTTP/2 on it)`,
      );
      return 'HTTP';
    case 'HTTPS':
      return mode === 'PASSTHROUGH' ? 'TLS' : 'HTTPS';
    case 'TLS':
      return 'TLS';
    case 'TCP':
      return 'TCP';
    default:
      lose(
        ctx,
        id,
        `${at}.port.protocol`,
        `protocol ${protocol || '(none)'} has no Gateway API listener; the server is not converted`,
      );
      return undefined;
  }
}

export function listenerTls(
  ctx: Context,
  id: string,
  at: string,
  server: GatewayServer,
  protocol: string,
): Plain | undefined {
  if (protocol !== 'HTTPS' && protocol !== 'TLS') return undefined;
  const tls = server.tls;
  const mode = tls?.mode ?? 'SIMPLE';
  if (mode === 'PASSTHROUGH') return { mode: 'Passthrough' };
  if (mode !== 'SIMPLE')
    lose(
      ctx,
      id,
      `${at}.tls.mode`,
      `tls mode ${mode}: the Gateway API listener terminates TLS without client certificates (frontend mTLS needs Gateway spec.tls.frontend)`,
    );
  const names = tls?.credentialNames?.length
    ? tls.credentialNames
    : tls?.credentialName
      ? [tls.credentialName]
      : [];
  if (names.length === 0) {
    lose(
      ctx,
      id,
      `${at}.tls`,
      'a certificate from files (serverCertificate/privateKey) has no Gateway API form; certificateRefs needs a Secret',
    );
    return { mode: 'Terminate' };
  }
  return { mode: 'Terminate', certificateRefs: names.map((n) => ({ name: n })) };
}

/** `*` → All, the Gateway's own namespace or `.` → Same, another → Selector by namespace name. */
export function allowedFrom(ns: string, own: string): Plain {
  if (ns === '*') return { from: 'All' };
  if (ns === '.' || ns === own) return { from: 'Same' };
  return { from: 'Selector', selector: { matchLabels: { [NAMESPACE_NAME_LABEL]: ns } } };
}
