import { APP_SUFFIX, readApp, routingCommand, singleBackend } from './app.ts';
import { destination, httpsServer, redirectServer } from './manifests.ts';
import { appParameters, secretName } from './parameters.ts';
import { defineScenario, type ParameterSpec, type Scenario, text } from './scenario.ts';

/** Scenarios that terminate TLS at the ingress gateway. */

const CREDENTIAL: ParameterSpec = {
  key: 'credentialName',
  label: 'TLS Secret (credentialName)',
  help: 'The Kubernetes Secret holding the certificate, in the namespace of the gateway pods',
  type: 'text',
  default: (params) => `${String(params.name ?? 'app')}-credential`,
  validate: secretName,
};

export const HTTPS: Scenario = defineScenario({
  id: 'https',
  title: 'HTTPS with redirect',
  description:
    'Terminates HTTPS on port 443 with the certificate of the credentialName Secret, and answers plain HTTP on port 80 with a 301 to https. The Secret is not added: create it (keys tls.crt and tls.key) in istio-system, the namespace of the gateway pods, where Istio reads it.',
  parameters: [...appParameters(APP_SUFFIX), CREDENTIAL],
  create(params, workspace) {
    const app = readApp(params);
    return routingCommand(app, workspace, {
      servers: [
        httpsServer(app.host, 'SIMPLE', text(params, 'credentialName')),
        redirectServer(app.host),
      ],
      http: [{ name: app.name, route: [destination(app.name)] }],
      backend: singleBackend(app),
    });
  },
});

export const MUTUAL_TLS: Scenario = defineScenario({
  id: 'mutual-tls',
  title: 'Mutual TLS at the gateway',
  description:
    'HTTPS on port 443 that also requires a client certificate (mode MUTUAL). The credentialName Secret is not added: create it in istio-system, the namespace of the gateway pods, with tls.crt and tls.key for the server and ca.crt, the CA that signs client certificates (or put the CA in a Secret named <credentialName>-cacert).',
  parameters: [...appParameters(APP_SUFFIX), CREDENTIAL],
  create(params, workspace) {
    const app = readApp(params);
    return routingCommand(app, workspace, {
      servers: [httpsServer(app.host, 'MUTUAL', text(params, 'credentialName'))],
      http: [{ name: app.name, route: [destination(app.name)] }],
      backend: singleBackend(app),
    });
  },
});
