import type { WebhookMessage } from './receiver.types';

/**
 * The fields of Alertmanager's template data (`template.Data`) a config string may reference with
 * `{{ .Field }}` or `{{ .Map.key }}`. Alertmanager accepts full Go templates; we accept only these
 * placeholders and reject anything else when the config is parsed, so nothing renders wrongly later.
 */
const TEMPLATE_FIELDS = {
  Status: 'scalar',
  Receiver: 'scalar',
  ExternalURL: 'scalar',
  GroupKey: 'scalar',
  GroupLabels: 'map',
  CommonLabels: 'map',
  CommonAnnotations: 'map',
} as const;

const PLACEHOLDER = /\{\{-?\s*(.*?)\s*-?\}\}/g;
const PATH = /^\.([A-Za-z]+)(?:\.([A-Za-z_][A-Za-z0-9_]*))?$/;

/** Why a config template string cannot be rendered, or undefined when it can. */
export function templateProblemOf(template: string): string | undefined {
  for (const [, expression] of template.matchAll(PLACEHOLDER)) {
    const match = PATH.exec(expression ?? '');
    const kind = match ? TEMPLATE_FIELDS[match[1] as keyof typeof TEMPLATE_FIELDS] : undefined;
    const ok = kind === 'scalar' ? match?.[2] === undefined : kind === 'map' && match?.[2] !== undefined;
    if (!ok) {
      return (
        `unsupported template expression "{{ ${expression} }}": only {{ .Status }}, {{ .Receiver }}, ` +
        '{{ .ExternalURL }}, {{ .GroupKey }} and {{ .GroupLabels.<name> }}, {{ .CommonLabels.<name> }}, ' +
        '{{ .CommonAnnotations.<name> }} are supported'
      );
    }
  }
  return undefined;
}

/**
 * Renders a config string's `{{ .Field }}` placeholders against the message, as Alertmanager's
 * templates would (a missing label renders as "", Alertmanager's `missingkey=zero`).
 *
 * @example
 * renderTemplate('{{ .CommonLabels.severity }}', message) // 'critical'
 */
export function renderTemplate(template: string, message: WebhookMessage): string {
  return template.replace(PLACEHOLDER, (_whole, expression: string) => {
    const [, field, key] = PATH.exec(expression) ?? [];
    switch (field) {
      case 'Status':
        return message.status;
      case 'Receiver':
        return message.receiver;
      case 'ExternalURL':
        return message.externalURL;
      case 'GroupKey':
        return message.groupKey;
      case 'GroupLabels':
        return message.groupLabels[key ?? ''] ?? '';
      case 'CommonLabels':
        return message.commonLabels[key ?? ''] ?? '';
      case 'CommonAnnotations':
        return message.commonAnnotations[key ?? ''] ?? '';
      default:
        return '';
    }
  });
}
