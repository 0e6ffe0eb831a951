{{/* Labels every object carries; `service` is the Convergence service name. */}}
{{- define "convergence.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: convergence
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
convergence.io/environment: {{ .root.Values.environment }}
{{- end -}}

{{- define "convergence.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* The image tag: required on mainnet (the release), the chart's appVersion elsewhere; never latest. */}}
{{- define "convergence.imageTag" -}}
{{- $tag := .Values.image.tag | default "" -}}
{{- if and (eq .Values.environment "mainnet") (not $tag) -}}
{{- fail "image.tag must be set to the release on mainnet (use the deploy-mainnet script)" -}}
{{- end -}}
{{- $tag = $tag | default .Chart.AppVersion -}}
{{- if eq $tag "latest" -}}
{{- fail "image.tag must not be latest" -}}
{{- end -}}
{{- $tag -}}
{{- end -}}
