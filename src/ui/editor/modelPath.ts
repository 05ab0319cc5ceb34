/**
 * Where the editor's models live. Each workspace file gets the model `file:///manifests/<name>`,
 * and the schema association matches exactly that folder, so the Istio schemas apply to the
 * designer's files and to nothing else Monaco may hold.
 */
export const MODEL_FOLDER = 'manifests';

/**
 * The path part of a file's model URI; `copy` sets apart a second model of that name (a renamed
 * file keeps its model and URI, and a new file may take its old name).
 */
export function modelPath(file: string, copy?: number): string {
  return copy === undefined ? `/${MODEL_FOLDER}/${file}` : `/${MODEL_FOLDER}/${copy}/${file}`;
}

/** The monaco-yaml `fileMatch` glob that matches every model path (it prepends `**∕`). */
export const MODEL_FILE_MATCH = `${MODEL_FOLDER}/**`;
