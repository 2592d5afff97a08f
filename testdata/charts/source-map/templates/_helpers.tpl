{{/* A name: a define that yields one line, used inside other text. */}}
{{- define "mapped.fullname" -}}
{{- printf "%s-web" .Release.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels: a YAML fragment, used with include | nindent. */}}
{{- define "mapped.labels" -}}
app.kubernetes.io/name: web
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The container's security context; one mistake inside the define. */}}
{{- define "mapped.containerSecurity" -}}
allowPrivilegeEscalation: false {{/* expect: privilege-escalation-allowed */}}
readOnlyRootFilesystem: true
privileged: true {{/* expect: privileged-container */}}
capabilities:
  drop: [ALL]
{{- end }}

{{/* Pod extras that go through fromYaml and back (the traefik pattern): comments are lost. */}}
{{- define "mapped.podExtras" -}}
hostNetwork: true
dnsPolicy: ClusterFirstWithHostNet
{{- end }}
