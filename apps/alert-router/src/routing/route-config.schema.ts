import { z } from 'zod';
import type { RouteConfig } from './route.model';

// YAML reads a bare `0` as a number; Alertmanager's duration accepts it.
const duration = z.preprocess((value) => (value === 0 ? '0' : value), z.string());

/**
 * The shape of a route in alertmanager.yml. Strict like Alertmanager's `yaml.UnmarshalStrict`, so
 * a misspelt key (`group_wiat`) is an error rather than silently ignored.
 */
export const routeConfigSchema: z.ZodType<RouteConfig, z.ZodTypeDef, unknown> = z.lazy(() =>
  z
    .object({
      receiver: z.string().optional(),
      group_by: z.array(z.string()).optional(),
      match: z.record(z.string(), z.string()).optional(),
      match_re: z.record(z.string(), z.string()).optional(),
      matchers: z.array(z.string()).optional(),
      mute_time_intervals: z.array(z.string()).optional(),
      active_time_intervals: z.array(z.string()).optional(),
      continue: z.boolean().optional(),
      routes: z.array(routeConfigSchema).optional(),
      group_wait: duration.optional(),
      group_interval: duration.optional(),
      repeat_interval: duration.optional(),
      escalation_policy: z.string().min(1).optional(),
      send_resolved_when_muted: z.boolean().optional(),
    })
    .strict(),
);
