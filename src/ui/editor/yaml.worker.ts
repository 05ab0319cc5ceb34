// The YAML language worker, as its own module so Vite bundles it as a worker (`?worker`).
import 'monaco-yaml/yaml.worker.js';
