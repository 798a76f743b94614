import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';

/** The client repository's files, by path relative to its root: injected so the core is testable. */
export interface FileStore {
  /** The text of a file, or undefined when there is none. */
  read(path: string): Promise<string | undefined>;
  /** Writes a file, creating folders; `mode` e.g. 0o600 for files holding secrets. */
  write(path: string, text: string, options?: { mode?: number }): Promise<void>;
  /** Where the store is, for messages. */
  describe(path: string): string;
}

function inside(root: string, path: string): string {
  const relative = normalize(path);
  if (isAbsolute(relative) || relative === '..' || relative.startsWith(`..${sep}`)) {
    throw new Error(`refusing to touch ${path}: it is outside ${root}`);
  }
  return join(root, relative);
}

export function directoryStore(root: string): FileStore {
  return {
    async read(path) {
      try {
        return await readFile(inside(root, path), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async write(path, text, options = {}) {
      const target = inside(root, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text, options.mode === undefined ? {} : { mode: options.mode });
      // writeFile's mode applies only when it creates the file; an existing file keeps its mode otherwise.
      if (options.mode !== undefined) await chmod(target, options.mode);
    },
    describe: (path) => join(root, path),
  };
}

/** Files in memory, for tests. */
export function memoryStore(initial: Record<string, string> = {}): FileStore & {
  files: Map<string, string>;
  modes: Map<string, number>;
} {
  const files = new Map(Object.entries(initial));
  const modes = new Map<string, number>();
  return {
    files,
    modes,
    async read(path) {
      return files.get(path);
    },
    async write(path, text, options = {}) {
      files.set(path, text);
      if (options.mode !== undefined) modes.set(path, options.mode);
    },
    describe: (path) => path,
  };
}
