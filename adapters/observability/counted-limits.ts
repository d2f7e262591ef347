import { isCoreError } from '../../core/index';
import type { ActorLimits } from '../../core/index';
import type { ProvbotMetrics } from './provbot-metrics';

const KIND_LABEL = { writes: 'writes', accessRequests: 'access_requests' } as const;

/** The core's per-person limits, each RATE_LIMITED refusal counted by kind on its way to the person. */
export function countRateLimits(metrics: Pick<ProvbotMetrics, 'rateLimited'>, limits: ActorLimits): ActorLimits {
  return {
    take(kind, actor) {
      try {
        limits.take(kind, actor);
      } catch (err) {
        if (isCoreError(err) && err.code === 'RATE_LIMITED') metrics.rateLimited(KIND_LABEL[kind]);
        throw err;
      }
    },
    remembered: (kind) => limits.remembered(kind),
  };
}
