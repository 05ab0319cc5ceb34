import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { CanvasNode } from '../flowTypes.ts';
import { NodeFrame } from './NodeFrame.tsx';

/** A Gateway with the servers it opens: port and protocol, hosts, TLS mode, HTTPS redirect. */
export const GatewayNode = memo(function GatewayNode({ data, selected }: NodeProps<CanvasNode>) {
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
