/**
 * Folders shipped beside the code at the project root (cards/, pages/): two levels up from a source file in
 * src/<folder>, three from its compiled copy in dist/src/<folder>.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export function shippedFolder(name: string, probeFile: string): string {
  const root = path.resolve(__dirname, '../..');
  return (
    [path.join(root, name), path.join(root, '..', name)].find((dir) => existsSync(path.join(dir, probeFile))) ??
    path.join(root, name)
  );
}
