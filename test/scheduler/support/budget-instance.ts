import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { webApi } from '@slack/bolt';
import type { Store } from '../../../src/core/store';
import { Outbox } from '../../../src/core/outbox/outbox';
import type { PlatformPacing } from '../../../src/core/outbox/outbox-pacing';
import type { Platform } from '../../../src/core/model';
import { TeamsMessenger } from '../../../src/teams/teams-messenger';
import { SlackMessenger } from '../../../src/slack/slack-messenger';

export interface InstanceOptions {
  holder: string;
  slackApiUrl: string;
  pacing: Record<Platform, PlatformPacing>;
  jobKeys: string[];
}

/** One Techvoice instance's outbox (Teams and Slack) sending until nothing of `jobKeys` is pending. */
export async function sendUntilDone(store: Store, options: InstanceOptions): Promise<void> {
  const teams = new TeamsMessenger(new ConfigurationBotFrameworkAuthentication({}), '');
  const slack = new SlackMessenger(new webApi.WebClient('xoxb-test', { slackApiUrl: options.slackApiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true }));
  const outbox = new Outbox(store, { teams, slack }, { secret: 'test-secret', holder: options.holder, batchSize: 10, backoffMs: 50, pacing: options.pacing });
  for (;;) {
    const { sent, retried } = await outbox.drain();
    let pending = 0;
    for (const job of options.jobKeys) pending += (await store.listDeliveries(job)).filter((d) => d.state === 'pending').length;
    if (pending === 0) return;
    if (sent + retried === 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
