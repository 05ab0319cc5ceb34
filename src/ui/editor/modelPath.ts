/**
 * Where the editor's models live. Each workspace file gets the model `file:///manifests/<name>`,
 * and the schema association matches exactly that folder, so the Istio schemas apply to the
 * designer's files and to nothing else Monaco may hold.
 */
export const MODEL_FOLDER = 'manifests';

/** The path part of a file's model URI. */
export function modelPath(file: string): string {
  return `/${MODEL_FOLDER}/${file}`;
}

/** The monaco-yaml `fileMatch` glob that matches every model path (it prepends `**∕`). */
export const MODEL_FILE_MATCH = `${MODEL_FOLDER}/**`;
