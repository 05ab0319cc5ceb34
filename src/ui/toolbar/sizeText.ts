/** How much of an input has been read, as the Import dialog and a dropped file's notice say it. */
export function percent(done: number, total: number): string {
  return `${total ? Math.floor((done / total) * 100) : 100}%`;
}

/** `5.0 MB`, `350 kB`: an input's size in characters, as a person reads a file's size. */
export function megabytes(chars: number): string {
  return chars >= 1e6 ? `${(chars / 1e6).toFixed(1)} MB` : `${Math.ceil(chars / 1e3)} kB`;
}
