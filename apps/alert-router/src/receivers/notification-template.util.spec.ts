import { renderTemplate, templateProblemOf } from './notification-template.util';
import { messageOf } from './testing/webhook-message.fixture';

describe(renderTemplate.name, () => {
  it('fills scalar and map fields from the message', () => {
    expect(
      renderTemplate(
        '{{ .Status }}/{{.Receiver}}: {{ .CommonLabels.severity }} {{ .GroupLabels.alertname }}',
        messageOf(),
      ),
    ).toBe('firing/ops: critical HighLatency');
  });

  it('renders a missing label as empty, like missingkey=zero', () => {
    expect(renderTemplate('[{{ .CommonLabels.team }}]', messageOf())).toBe('[]');
  });

  it('leaves text without placeholders alone', () => {
    expect(renderTemplate('#alerts', messageOf())).toBe('#alerts');
  });
});

describe(templateProblemOf.name, () => {
  it.each(['plain', '{{ .Status }}', '{{- .CommonAnnotations.summary -}}', '{{ .ExternalURL }}/x'])(
    'accepts %s',
    (template) => {
      expect(templateProblemOf(template)).toBeUndefined();
    },
  );

  it.each([
    '{{ range .Alerts }}x{{ end }}',
    '{{ .CommonLabels }}',
    '{{ .Status.x }}',
    '{{ template "slack.default.title" . }}',
    '{{ .Alerts.Firing | len }}',
  ])('rejects %s, naming the expression', (template) => {
    expect(templateProblemOf(template)).toMatch(/^unsupported template expression "\{\{ /);
  });
});
