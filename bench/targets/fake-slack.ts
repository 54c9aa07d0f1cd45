import { FakeSlack, SLACK_TEAM } from '../../test/support/fake-slack';

/** A fake Slack Web API in its own process, so the bot under test does not pay for it. */
async function main(): Promise<void> {
  const slack = await new FakeSlack({ record: false }).start();
  process.on('SIGTERM', () => void slack.stop().then(() => process.exit(0)));
  // The benchmark asks how many cards were updated, to check every click was carried through.
  process.on('message', () => process.send?.({ chatUpdates: slack.counts.get('chat.update') ?? 0 }));
  process.send?.({ port: 0, apiUrl: slack.apiUrl, responseUrl: slack.responseUrl(), slackTeam: SLACK_TEAM });
}

void main();
