import type { WireProfile } from 'errcat';

/**
 * Options of {@link generateOpenApi} and {@link mergeOpenApi}.
 *
 * @example
 * ```ts
 * generateOpenApi(catalog, { profile: googleProfile, exampleRequestId: 'req-1' });
 * ```
 */
export interface OpenApiOptions {
  /** The wire profile the error bodies follow. @default problemProfile */
  readonly profile?: WireProfile;
  /** The request id the example responses carry. @default 'req_01HZX8B3K2' */
  readonly exampleRequestId?: string;
}
