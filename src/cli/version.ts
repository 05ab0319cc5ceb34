import packageJson from '../../package.json' with { type: 'json' };

/** The command's version, the package's: what SARIF's tool driver and `--version` report. */
export const VERSION: string = packageJson.version;
