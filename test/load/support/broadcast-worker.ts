/**
 * One Techvoice instance's outbox, in its own process, sending whatever is due in the
 * SQLite file named on the command line until nothing is left, then exiting. The broadcast
 * kill test kills it with SIGKILL half-way and starts another.
 */
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store';
import { Outbox } from '../../../src/core/outbox/outbox';
import { DOCUMENTED_PACING, PLATFORMS } from '../../../src/core/platforms';
import { TeamsMessenger } from '../../../src/teams/teams-messenger';

async function main(): Promise<void> {
  const [file, holder, claimMs] = process.argv.slice(2);
  const store = SqliteStore.open(file);
  const messenger = new TeamsMessenger(new ConfigurationBotFrameworkAuthentication({}), '');
  // The fake connector has no rate limit: send as fast as the outbox's own pacing per conversation allows.
  const pacing = { ...DOCUMENTED_PACING, teams: { ...PLATFORMS.teams.pacing, perSecond: 1_000 } };
  const outbox = new Outbox(store, { teams: messenger }, { secret: 'test-secret', holder, claimMs: Number(claimMs), sendTimeoutMs: 1_000, batchSize: 20, backoffMs: 50, pacing });
  process.send?.('ready');
  for (;;) {
    const { sent, retried } = await outbox.drain();
    const left = (await store.listDeliveries('round:broadcast')).filter((d) => d.state === 'pending').length;
    if (left === 0) break;
    if (sent + retried === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await store.close();
  process.exit(0);
}

void main();
