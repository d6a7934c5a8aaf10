import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

const shownChoicesSchema = new Schema(
  {
    _id: { type: String, required: true },
    choices: { type: [String], default: [] },
    at: { type: Date, required: true },
  },
  { collection: 'wechatShownChoices', versionKey: false },
);
type ShownChoicesDocument = InferSchemaType<typeof shownChoicesSchema>;

/** The numbered choices last shown to each WeChat user, so that a reply "1" means the first one. */
export class WeChatShownChoices {
  private readonly shown: Model<ShownChoicesDocument>;

  constructor(connection: Connection) {
    this.shown =
      (connection.models.WeChatShownChoices as Model<ShownChoicesDocument> | undefined) ??
      connection.model<ShownChoicesDocument>('WeChatShownChoices', shownChoicesSchema);
  }

  async remember(openId: string, choices: string[], at: Date): Promise<void> {
    await this.shown.replaceOne({ _id: openId }, { choices, at }, { upsert: true });
  }

  async lastShown(openId: string): Promise<string[]> {
    return (await this.shown.findById(openId).lean())?.choices ?? [];
  }
}
