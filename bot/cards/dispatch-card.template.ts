/** The dispatch card (Adaptive Card 1.5), as a template for adaptivecards-templating. */
export const dispatchCardTemplate = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  refresh: { action: { type: 'Action.Execute', verb: 'refresh', data: { ticket: '${number}' } } },
  body: [
    {
      type: 'TextBlock',
      size: 'Medium',
      weight: 'Bolder',
      wrap: true,
      text: '${title}',
      color: '${if(urgent, "Attention", "Default")}',
    },
    {
      type: 'FactSet',
      facts: [
        { title: '${labels.number}', value: '${number}' },
        { title: '${labels.category}', value: '${category}' },
        { $when: '${severity != ""}', title: '${labels.severity}', value: '${severity}' },
        { title: '${labels.nature}', value: '${nature}' },
        { title: '${labels.status}', value: '${status}' },
        { title: '${labels.location}', value: '${location}' },
        { title: '${labels.phone}', value: '${phone}' },
        { title: '${labels.replyDue}', value: '${replyDueAt}' },
        { $when: '${resolveDueAt != ""}', title: '${labels.resolveDue}', value: '${resolveDueAt}' },
        { title: '${labels.receiver}', value: '${receiver}' },
        { $when: '${assignee != ""}', title: '${labels.assignee}', value: '${assignee}' },
      ],
    },
    { type: 'TextBlock', wrap: true, text: '${text}', separator: true },
    {
      type: 'Container',
      $when: '${count(photos) > 0}',
      items: [{ type: 'ImageSet', images: [{ $data: '${photos}', type: 'Image', url: '${url}' }] }],
    },
    { type: 'TextBlock', wrap: true, isSubtle: true, size: 'Small', text: '${photosHidden}', $when: '${photosHidden != ""}' },
    { type: 'TextBlock', wrap: true, isSubtle: true, size: 'Small', text: '${lastEvent}', $when: '${lastEvent != ""}' },
  ],
  actions: [
    { $when: '${canAccept}', type: 'Action.Execute', verb: 'accept', title: '${labels.accept}', data: { verb: 'accept', ticket: '${number}' } },
    {
      $when: '${open}',
      type: 'Action.ShowCard',
      title: '${labels.reply}',
      card: {
        type: 'AdaptiveCard',
        body: [{ type: 'Input.Text', id: 'text', isMultiline: true, isRequired: true, placeholder: '${labels.replyPlaceholder}' }],
        actions: [{ type: 'Action.Execute', verb: 'reply', title: '${labels.send}', data: { verb: 'reply', ticket: '${number}' } }],
      },
    },
    {
      $when: '${canResolve}',
      type: 'Action.ShowCard',
      title: '${labels.resolve}',
      card: {
        type: 'AdaptiveCard',
        body: [{ type: 'Input.Text', id: 'text', isMultiline: true, isRequired: true, placeholder: '${labels.resultPlaceholder}' }],
        actions: [{ type: 'Action.Execute', verb: 'resolve', title: '${labels.confirm}', data: { verb: 'resolve', ticket: '${number}' } }],
      },
    },
    {
      $when: '${open}',
      type: 'Action.ShowCard',
      title: '${labels.reassign}',
      card: {
        type: 'AdaptiveCard',
        body: [
          { type: 'Input.ChoiceSet', id: 'department', label: '${labels.toDepartment}', choices: [{ $data: '${departments}', title: '${title}', value: '${value}' }] },
          { type: 'Input.ChoiceSet', id: 'assignee', label: '${labels.toPerson}', choices: [{ $data: '${people}', title: '${title}', value: '${value}' }] },
        ],
        actions: [{ type: 'Action.Execute', verb: 'reassign', title: '${labels.confirm}', data: { verb: 'reassign', ticket: '${number}' } }],
      },
    },
    { $when: '${open}', type: 'Action.Execute', verb: 'escalate', title: '${labels.escalate}', data: { verb: 'escalate', ticket: '${number}' } },
    {
      type: 'Action.ShowCard',
      title: '${labels.note}',
      card: {
        type: 'AdaptiveCard',
        body: [{ type: 'Input.Text', id: 'text', isMultiline: true, isRequired: true }],
        actions: [{ type: 'Action.Execute', verb: 'note', title: '${labels.send}', data: { verb: 'note', ticket: '${number}' } }],
      },
    },
  ],
};
