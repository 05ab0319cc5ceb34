import { APP_SUFFIX, readApp, routingCommand, singleBackend } from './app.ts';
import { apiOf } from './designApi.ts';
import { destination, httpsServer } from './manifests.ts';
import { appParameters, eitherApiParameters, secretName } from './parameters.ts';
import { defineScenario, type ParameterSpec, type Scenario, text } from './scenario.ts';
import { designCommand } from './trafficDesign.ts';

/** Scenarios that terminate TLS at the ingress gateway. */

const CREDENTIAL: ParameterSpec = {
  key: 'credentialName',
  label: 'TLS Secret (credentialName)',
  help: 'The Kubernetes Secret holding the certificate: in the namespace of the gateway pods (Istio API), of the Gateway (Gateway API)',
  type: 'text',
  default: (params) => `${String(params.name ?? 'app')}-credential`,
  validate: secretName,
};

export const HTTPS: Scenario = defineScenario({
  id: 'https',
  title: 'HTTPS with redirect',
  description:
    'Terminates HTTPS on port 443 with the certificate of the credentialName Secret, and answers plain HTTP on port 80 with a 301 to https. The Secret is not added: create it (keys tls.crt and tls.key) in istio-system, the namespace of the gateway pods, where Istio reads it.',
  gatewayApiDescription:
    'A Gateway of class istio with an HTTPS listener on port 443 (certificateRefs: the Secret) and an HTTP listener on port 80; HTTPRoute <name> on the HTTPS listener sends to the Service, HTTPRoute <name>-redirect on the HTTP one answers with a 301 to https (RequestRedirect). The Secret is not added: create it (keys tls.crt and tls.key) in the Gateway’s namespace.',
  parameters: [...eitherApiParameters(APP_SUFFIX), CREDENTIAL],
  create(params, workspace) {
    const app = readApp(params);
    return designCommand(app, workspace, apiOf(params), {
      rules: [{ name: app.name, to: [{ service: app.name }] }],
      backend: { services: [{ name: app.name, container: app.name }] },
      https: { credentialName: text(params, 'credentialName') },
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
