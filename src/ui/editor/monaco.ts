/**
 * Monaco, set up once for the designer: the slim editor entry with its editing features and
 * the YAML language only (the full entry pulls ~90 languages and a 6.9 MB TypeScript worker),
 * workers served from the page's own origin, and monaco-yaml with the Istio schemas.
 * Everything here is in the lazy editor chunk: nothing outside src/ui/editor imports it.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import { schemaAssociations } from './istioSchemas.ts';
import { adaptCreateWebWorker } from './legacyWorker.ts';
import { MODEL_FILE_MATCH } from './modelPath.ts';
import YamlWorker from './yaml.worker.ts?worker';

function spawnWorker(label: string): Worker {
  return label === 'yaml' ? new YamlWorker() : new EditorWorker();
}

self.MonacoEnvironment = { getWorker: (_id, label) => spawnWorker(label) };

configureMonacoYaml(
  // monaco-yaml calls `monaco.editor.createWebWorker` the pre-0.56 way: hand it an adapter.
  {
    ...monaco,
    editor: {
      ...monaco.editor,
      createWebWorker: adaptCreateWebWorker(monaco.editor.createWebWorker, spawnWorker),
    },
  } as unknown as Parameters<typeof configureMonacoYaml>[0],
  {
    enableSchemaRequest: false,
    hoverSchemaSource: false,
    validate: true,
    completion: true,
    hover: true,
    format: { enable: true },
    schemas: schemaAssociations(MODEL_FILE_MATCH),
  },
);

export { monaco };
