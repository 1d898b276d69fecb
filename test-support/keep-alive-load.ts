/**
 * Keep-alive load for the shutdown tests: a number of connections, each sending requests back to
 * back (the next as soon as the previous is answered) until an answer says `Connection: close` or
 * a request fails, as clients of a busy service do while it gets SIGTERM.
 */
import { Agent, request } from 'node:http';

/** What one request got: an answer, or the error code of its failure (a reset is `ECONNRESET`). */
export interface Answer {
  readonly status?: number;
  /** The response's `Connection` field. */
  readonly connection?: string;
  readonly body?: string;
  readonly error?: string;
}

/** How to send one request with {@link send}. */
export interface SendOptions {
  /** The keep-alive agent (`false`: a fresh connection). */
  readonly agent: Agent | false;
  readonly method?: string;
  readonly headers?: Record<string, string | number>;
  readonly body?: string;
}

/**
 * Sends one request and resolves with its answer or failure; never rejects.
 *
 * @example
 * ```ts
 * const answer = await send(`${url}/work`, { agent: false });
 * ```
 */
export function send(url: string, options: SendOptions): Promise<Answer> {
  return new Promise((resolve) => {
    const failed = (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message });
    const { agent, method = 'GET', headers = {}, body } = options;
    const req = request(url, { agent, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, connection: String(res.headers.connection), body: text }),
      );
      res.on('error', failed);
    });
    req.on('error', failed);
    req.end(body);
  });
}

/** Options of {@link loadUntilClosed}. */
export interface LoadOptions {
  /** How many keep-alive connections send at once. */
  readonly connections: number;
  /** Sends request `i` of connection `n` through `agent` (one socket per connection). */
  readonly request: (agent: Agent, n: number, i: number) => Promise<Answer>;
  /** How many answers every connection gets before `signal` is called (once). */
  readonly signalAfter: number;
  /** Called once every connection is busy: signal the server here. */
  readonly signal: () => void;
  /** The most requests per connection (bounded even if the server never says close). @default 1000 */
  readonly max?: number;
}

/**
 * Runs the load and resolves with each connection's answers, in order; each list ends with the
 * answer that said `Connection: close` or with the failure.
 *
 * @example
 * ```ts
 * const answers = await loadUntilClosed({
 *   connections: 20,
 *   request: (agent) => send(`${url}/work?ms=2`, { agent }),
 *   signalAfter: 5,
 *   signal: () => child.kill('SIGTERM'),
 * });
 * ```
 */
export async function loadUntilClosed(options: LoadOptions): Promise<Answer[][]> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  let busy = 0;
  const connection = async (n: number): Promise<Answer[]> => {
    const answers: Answer[] = [];
    for (let i = 0; i < (options.max ?? 1000); i++) {
      const answer = await options.request(agent, n, i);
      answers.push(answer);
      if (i + 1 === options.signalAfter && ++busy === options.connections) options.signal();
      if (answer.error !== undefined || answer.connection === 'close') break;
    }
    return answers;
  };
  try {
    return await Promise.all(Array.from({ length: options.connections }, (_, n) => connection(n)));
  } finally {
    agent.destroy();
  }
}
