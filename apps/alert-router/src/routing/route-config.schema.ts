import { z } from 'zod';
import type { RouteConfig } from './route.model';

/**
 * The shape of a route in alertmanager.yml. Strict like Alertmanager's `yaml.UnmarshalStrict`, so
 * a misspelt key (`group_wiat`) is an error rather than silently ignored.
 */
export const routeConfigSchema: z.ZodType<RouteConfig> = z.lazy(() =>
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
      group_wait: z.string().optional(),
      group_interval: z.string().optional(),
      repeat_interval: z.string().optional(),
    })
    .strict(),
);
