import { z } from 'zod';

const channelAccount = z.object({ id: z.string().min(1) }).passthrough();

/** The least an inbound activity must carry for PropDesk to handle it and answer. */
const inboundActivity = z
  .object({
    type: z.string().min(1),
    channelId: z.string().min(1),
    serviceUrl: z.string().min(1),
    conversation: channelAccount,
    from: channelAccount,
    recipient: channelAccount.optional(),
    text: z.string().max(10_000).optional(),
    locale: z.string().optional(),
    deliveryMode: z.string().optional(),
  })
  .passthrough();

/** undefined when the body is a usable activity, otherwise a one-line reason for a 400 answer. */
export function activityProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the request body must be a JSON object (a Bot Framework activity)';
  const result = inboundActivity.safeParse(body);
  if (result.success) return undefined;
  return result.error.issues
    .map((issue) => `${issue.path.join('.') || 'activity'}: ${issue.message}`)
    .join('; ');
}
