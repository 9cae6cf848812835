// Vidstack's published chunks, for the tests of the build patches (vite.vidstack-*.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const vidstack = resolve(import.meta.dirname, '../../node_modules/vidstack');

/** The chunk holding `text` in each of Vidstack's builds the bundlers pick (development and production). */
export function vidstackChunksWith(text: string): string[] {
  return ['dev', 'prod'].map((build) => {
    const dir = resolve(vidstack, build, 'chunks');
    return resolve(dir, readdirSync(dir).find((name) => readFileSync(resolve(dir, name), 'utf8').includes(text))!);
  });
}
