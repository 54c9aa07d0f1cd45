import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackProfile } from './slack-inbound';

type WebClient = webApi.WebClient;

interface UsersInfo {
  user?: { name?: string; real_name?: string; profile?: { email?: string; display_name?: string; real_name?: string } };
}

/** Names and e-mails of Slack users, looked up once per process (users.info needs users:read.email). */
export class SlackPeople {
  private readonly profiles = new Map<string, SlackProfile>();

  constructor(private readonly log: Logger) {}

  async profile(client: WebClient, userId: string): Promise<SlackProfile> {
    const known = this.profiles.get(userId);
    if (known) return known;
    let profile: SlackProfile = { name: '', email: null };
    try {
      const { user } = (await client.users.info({ user: userId })) as UsersInfo;
      profile = {
        name: user?.profile?.display_name || user?.real_name || user?.profile?.real_name || user?.name || '',
        email: user?.profile?.email?.toLowerCase() ?? null,
      };
    } catch (error) {
      this.log.debug({ err: error, userId }, 'could not look up the Slack user');
      return profile;
    }
    if (this.profiles.size > 10_000) this.profiles.clear();
    this.profiles.set(userId, profile);
    return profile;
  }
}
