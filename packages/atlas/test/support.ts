import { MemoryLogger } from '@shipkit/runtime';
import type { FakeAtlasApi } from '../../../test/fakes/atlas-api';
import { AtlasClient, type AtlasClientOptions } from '../src/client';
import type { AtlasDeps } from '../src/http';

/** Sleeps that only record how long they would have waited, on a clock they move. */
export function instantDeps(random = 0.5): Partial<AtlasDeps> & { sleeps: number[]; logger: MemoryLogger } {
  let now = Date.now();
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    random: () => random,
    logger: new MemoryLogger(),
  };
}

/** A client of the fake with its service account (or its API key), on instant deps. */
export function clientOf(
  fake: FakeAtlasApi,
  deps = instantDeps(),
  options: Partial<AtlasClientOptions> & { auth?: 'service-account' | 'api-key' } = {},
): AtlasClient {
  const { auth = 'service-account', ...rest } = options;
  return new AtlasClient(
    {
      credentials:
        auth === 'service-account'
          ? { kind: 'service-account', ...fake.serviceAccount }
          : { kind: 'api-key', ...fake.apiKey },
      baseUrl: fake.baseUrl,
      credentialSource: 'ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET',
      ...rest,
    },
    deps,
  );
}
