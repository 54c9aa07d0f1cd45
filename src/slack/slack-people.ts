import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackProfile } from './slack-inbound';

type WebClient = webApi.WebClient;

interface UsersInfo {
  user?: { locale?: string; name?: string; real_name?: string; profile?: { email?: string; display_name?: string; real_name?: string } };
}

/** Names, e-mails and languages of Slack users, looked up once per process (users.info needs users:read.email). */
export class SlackPeople {
  private readonly profiles = new Map<string, SlackProfile>();

  constructor(private readonly log: Logger) {}

  async profile(client: WebClient, userId: string): Promise<SlackProfile> {
    const known = this.profiles.get(userId);
    if (known) return known;
    let profile: SlackProfile = { name: '', email: null, locale: null };
    try {
      const { user } = (await client.users.info({ user: userId, include_locale: true })) as UsersInfo;
      profile = {
        name: user?.profile?.display_name || user?.real_name || user?.profile?.real_name || user?.name || '',
        email: user?.profile?.email?.toLowerCase() ?? null,
        locale: user?.locale ?? null,
      };
    } catch (error) {
      // Kept as unknown for this process, as the Teams adapter does: a failing look-up must not
      // cost a Web API call on every click. Known members keep the e-mail stored earlier.
      this.log.debug({ err: error }, 'could not look up a Slack user');
    }
    if (this.profiles.size > 10_000) this.profiles.clear();
    this.profiles.set(userId, profile);
    return profile;
  }
}
