/** Notices and household archives: the notice card, acknowledgements and the residents' notice list. */
export const archivesZhCN = {
  noticeCardHeading: '【公告】{{title}}',
  noticeCardValidity: '有效期：{{from}} 至 {{until}}',
  noticeCardPriceDocument: '价格批准文件：{{document}}',
  noticeCardAcknowledge: '已阅',
  noticeCardAcknowledged: '已阅 ✓（{{household}} 已签收）',
  noticeAckDone: '已为您的房屋签收公告《{{title}}》，谢谢。',
  noticeAckAlready: '您的房屋已经签收过公告《{{title}}》。',
  noticeAckNotLinked: '请先发送“关联房屋”关联您的房屋，再签收公告。',
  noticeAckNotRecipient: '这则公告不是发给您的房屋的。',
  residentNoticesNone: '目前没有有效的公告。',
  residentNoticesHeader: '当前公告：',
  residentNoticeLine: '· {{title}}（至 {{until}}）\n{{body}}',
};
