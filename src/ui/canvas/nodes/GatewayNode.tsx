import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { CanvasNode } from '../flowTypes.ts';
import { ListenerRow } from './ListenerRow.tsx';
import { NodeFrame } from './NodeFrame.tsx';

/**
 * A Gateway. Istio's lists the servers it opens: port and protocol, hosts, TLS mode, HTTPS
 * redirect. The Gateway API's lists its listeners as rows, each with its own handle, since
 * routes attach to a listener rather than to the Gateway as a whole.
 */
export const GatewayNode = memo(function GatewayNode({ data, selected }: NodeProps<CanvasNode>) {
  if (data.listeners.length > 0 || data.node.resource?.startsWith('Gateway.'))
    return (
      <NodeFrame data={data} selected={selected}>
        {data.listeners.length === 0 ? (
          <div className="cnode__line cnode__line--muted">no listeners</div>
        ) : (
          <ol className="rules">
            {data.listeners.map((listener) => (
              <ListenerRow key={listener.id} listener={listener} />
            ))}
          </ol>
        )}
      </NodeFrame>
    );
  return (
    <NodeFrame data={data} selected={selected}>
      {data.servers.length === 0 && <div className="cnode__line">no servers</div>}
      <ul className="servers">
        {data.servers.map((server, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: servers have no identity but their place
          <li key={i} className="server">
            <div className="server__head">
              <span className="server__port">{server.port}</span>
              <span className="server__hosts" title={server.hosts}>
                {server.hosts}
              </span>
            </div>
            {(server.tls || server.httpsRedirect) && (
              <div className="server__tls">
                {server.tls && <span title={server.tls}>{server.tls}</span>}
                {server.httpsRedirect && <span className="server__redirect">→ HTTPS redirect</span>}
              </div>
            )}
          </li>
        ))}
      </ul>
    </NodeFrame>
  );
});
