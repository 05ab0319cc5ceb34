import { parseAllDocuments, stringify } from 'yaml';
import { LAST_APPLIED } from '../model/clusterFields.ts';
import { isRecord } from '../model/read.ts';

/**
 * Test fixtures (not a test file itself): a multi-document text as `kubectl get … -o yaml` or
 * `-o json` prints the same resources read back from a cluster, a List of items, each with
 * the fields the API server adds.
 */

/** The resources of a multi-document text, each as a cluster returns it. */
export function asStored(text: string): Record<string, unknown>[] {
  return parseAllDocuments(text)
    .map((doc) => doc.toJS() as unknown)
    .filter(isRecord)
    .map((object, i) => {
      const metadata = isRecord(object.metadata) ? object.metadata : {};
      return {
        ...object,
        metadata: {
          ...metadata,
          annotations: {
            ...(isRecord(metadata.annotations) ? metadata.annotations : {}),
            [LAST_APPLIED]: `${JSON.stringify(object)}\n`,
          },
          creationTimestamp: '2026-01-02T03:04:05Z',
          generation: 1,
          managedFields: [
            {
              apiVersion: object.apiVersion,
              fieldsType: 'FieldsV1',
              fieldsV1: { 'f:spec': { '.': {} } },
              manager: 'kubectl-client-side-apply',
              operation: 'Update',
            },
          ],
          resourceVersion: String(1000 + i),
          uid: `0000000${i}-aaaa-bbbb-cccc-dddddddddddd`,
        },
        status: { observedGeneration: 1 },
      };
    });
}

/** What `kubectl get` prints for several objects: a List of them. */
function listOf(text: string) {
  return {
    apiVersion: 'v1',
    items: asStored(text),
    kind: 'List',
    metadata: { resourceVersion: '' },
  };
}

/** `kubectl get … -o yaml`: a List of the stored resources (items at column 0, as kubectl prints). */
export function listYaml(text: string): string {
  return stringify(listOf(text), { indentSeq: false, lineWidth: 0 });
}

/** `kubectl get … -o json`: the same List as JSON, four spaces, as kubectl prints it. */
export function listJson(text: string): string {
  return `${JSON.stringify(listOf(text), null, 4)}\n`;
}
