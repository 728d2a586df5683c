/** A document the importer cannot read: its message names the file and the place (JSON pointer or line); the CLI prints it and exits 2. */
export class ImportError extends Error {}
