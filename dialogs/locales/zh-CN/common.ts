export const commonZhCN = {
  greeting:
    '您好，这里是{{property}}客服中心。我可以帮您报修、投诉建议、咨询、查询工单和紧急求助。紧急情况请直接拨打值班电话 {{dutyPhone}}。',
  turnError: '抱歉，系统刚才出了点问题，您的消息没有处理成功。请稍后再试，紧急情况请拨打值班电话 {{dutyPhone}}。',
};
