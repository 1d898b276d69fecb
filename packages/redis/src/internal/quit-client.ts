/** The part of an ioredis client needed to close it. */
export interface QuittableClient {
  quit(): Promise<unknown>;
  disconnect(): void;
  /** ioredis's connection state: `ready` when commands can be sent. */
  readonly status: string;
}

/**
 * Closes a client a store owns. QUIT needs a live connection; without one the client is dropped
 * instead, so that closing a store never hangs or throws while Redis is down.
 */
export async function quitClient(client: QuittableClient): Promise<void> {
  if (client.status !== 'ready') return client.disconnect();
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}

/** Whether Redis answered that it does not know a script (after a restart or `SCRIPT FLUSH`). */
export function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}
