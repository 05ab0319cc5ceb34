import packageJson from '../../package.json' with { type: 'json' };

/** The command's version, the package's: what SARIF's tool driver and `--version` report. */
export const VERSION: string = packageJson.version;

/**
 * The tool's public page for SARIF's `informationUri`: package.json's `homepage` once it has
 * one, else the package's page on the npm registry (its one public name; not published yet).
 */
export const HOMEPAGE: string =
  (packageJson as { homepage?: string }).homepage ??
  `https://www.npmjs.com/package/${packageJson.name}`;
