import { TurnContext, type Activity } from 'botbuilder';
import type { ConversationReferences } from '../../store/conversation-references.js';
import { conversationKey } from '../../store/conversation-references.js';

const REMEMBERED = 10_000;

/**
 * Saves each resident conversation's reference (for proactive updates). The reference is kept
 * without the activity id, so it only changes when the conversation does; what this process saved
 * last is remembered and not written again.
 */
export class ReferenceSaver {
  private readonly saved = new Map<string, string>();

  constructor(private readonly references: ConversationReferences) {}

  /**
   * Starts saving the conversation's reference and answers its key at once; `saved` settles when the
   * write is stored (at once when this process stored the same reference already).
   */
  save(activity: Partial<Activity>, at: Date): { key: string; saved: Promise<void> } {
    const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity);
    const key = conversationKey(reference);
    const json = JSON.stringify(reference);
    if (this.saved.get(key) === json) return { key, saved: Promise.resolve() };
    const saved = this.references.save(reference, at).then(() => {
      this.saved.delete(key);
      this.saved.set(key, json);
      if (this.saved.size > REMEMBERED) this.saved.delete(this.saved.keys().next().value!);
    });
    return { key, saved };
  }
}
