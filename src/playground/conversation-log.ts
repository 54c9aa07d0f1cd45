/** One activity the bot sent into a playground conversation, numbered in arrival order. */
export interface LoggedActivity {
  seq: number;
  conversationId: string;
  activity: Record<string, unknown>;
}

const PER_CONVERSATION = 200;
const CONVERSATIONS = 200;

/**
 * What the bot has said in each playground conversation, kept in memory for the page to
 * fetch. Bounded, because anyone who can reach the connector can post to it.
 */
export class ConversationLog {
  private seq = 0;
  private readonly conversations = new Map<string, LoggedActivity[]>();

  record(conversationId: string, activity: Record<string, unknown>): LoggedActivity {
    const entry: LoggedActivity = { seq: ++this.seq, conversationId, activity: { ...activity, id: `pg-${this.seq}` } };
    let list = this.conversations.get(conversationId);
    if (!list) {
      if (this.conversations.size >= CONVERSATIONS) this.conversations.delete(this.conversations.keys().next().value as string);
      list = [];
      this.conversations.set(conversationId, list);
    }
    list.push(entry);
    if (list.length > PER_CONVERSATION) list.shift();
    return entry;
  }

  /** Replaces an activity the bot updates in place; false when it is not (or no longer) kept. */
  replace(conversationId: string, activityId: string, activity: Record<string, unknown>): boolean {
    const list = this.conversations.get(conversationId) ?? [];
    const index = list.findIndex((e) => e.activity.id === activityId);
    if (index < 0) return false;
    const entry: LoggedActivity = { seq: ++this.seq, conversationId, activity: { ...activity, id: activityId, replaces: activityId } };
    list.splice(index, 1);
    list.push(entry);
    return true;
  }

  /** Activities after `seq` in every conversation (or one), oldest first. */
  after(seq: number, conversationId?: string): LoggedActivity[] {
    const lists = conversationId === undefined ? [...this.conversations.values()] : [this.conversations.get(conversationId) ?? []];
    return lists.flatMap((list) => list.filter((e) => e.seq > seq)).sort((a, b) => a.seq - b.seq);
  }
}
