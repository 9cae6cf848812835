/** Types of host-server.mjs (a plain script, run by Playwright's webServer with node). */
export function startHostServers(options: { lessonOrigin: string; ports?: [number, number] }): Promise<{
  host: string;
  third: string;
  close(): Promise<unknown>;
}>;
